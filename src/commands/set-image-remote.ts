import { GitopsCiError, UsageError } from "../errors.js";
import type { BranchSnapshot, FileChange, Forge } from "../forge/forge.js";
import { retry } from "../retry.js";
import { type ImageSpec, normalizeImageName, parseImageSpecs } from "../kustomize/image-ref.js";
import { isKustomizationFileName, normalizeKustomizationPath } from "../kustomize/kustomization-file.js";
import { editCandidates, editTargetIn } from "../kustomize/snapshot-kustomization.js";
import { setImages } from "../kustomize/set-images.js";
import { type PinFlags, type PinOptions, pinOptionsOf, setPins } from "../pins/set-pins.js";
import { renderCommitMessage } from "../messages/commit-message.js";
import { titleText } from "../messages/markdown.js";
import { proposalBranchName } from "../proposal/branch-name.js";
import {
  headMarker,
  type ProposalBranch,
  readProposal,
  refuseForeignCommits,
  verifiedHead,
  withBranchTrailer,
} from "../proposal/ownership.js";
import type { SourceContext } from "../platform/ci-context.js";
import { type FileImageEdit, unifiedDiff } from "./set-image.js";

export type SetImageMode = "commit" | "pull-request";

/** set-image on a config repo through its hosting API: no clone. */
export interface SetImageRemoteOptions {
  forge: Forge;
  /** The branch to update (commit mode) or to propose against (pull-request mode). */
  branch: string;
  paths: string[];
  images: string[];
  mode?: SetImageMode;
  /** Commit message template; see renderCommitMessage. */
  message?: string;
  source?: SourceContext;
  /** How long to keep retrying when other pipelines move the branch first. */
  timeoutMs?: number;
  /** Which pins of files to set: Flux image policies, a chart's own keys, values read as such (see PinFlags). */
  pins?: PinFlags;
  /** Read and compute the diff, commit nothing. */
  dryRun?: boolean;
  log?: (message: string) => void;
}

export interface SetImageRemoteResult {
  changed: boolean;
  /** The commit made, when one was. */
  commit?: string;
  /** Files changed by that commit (or that already hold the change in an open PR). */
  files: string[];
  images: FileImageEdit[];
  prNumber?: number;
  prUrl?: string;
  /** Read-edit-commit rounds it took (1 unless other pipelines raced). */
  attempts: number;
  /** The branch the commit went to. */
  branch: string;
  /** Unified diff of the change, `a/` and `b/` prefixed. */
  diff: string;
}

/** The compare-and-swap kept failing until the time ran out. */
export class ConflictTimeoutError extends GitopsCiError {
  override name = "ConflictTimeoutError";
}

const CONFLICT_BACKOFF = { baseDelayMs: 100, maxDelayMs: 3_000 };

/**
 * Reads every kustomization in one request, edits them in memory, and commits all changes in one
 * atomic request that only lands if nobody changed the files meanwhile; on a conflict it starts
 * over from the new content, with jittered backoff, until `timeoutMs`.
 */
export async function setImageRemote(options: SetImageRemoteOptions): Promise<SetImageRemoteResult> {
  if (options.paths.length === 0)
    throw new UsageError("give at least one --path (a kustomization directory, or a file that pins images)");
  if (options.images.length === 0) throw new UsageError("give at least one --image (NAME:TAG, NAME@DIGEST, ...)");
  const specs = parseImageSpecs(options.images);
  const pinOptions = pinOptionsOf(options.pins ?? {});
  const dirs = [...new Set(options.paths.map(normalizeKustomizationPath))];
  const candidates = editCandidates(dirs);
  const message = renderCommitMessage(options.message, {
    images: specs.map((s) => s.raw),
    paths: dirs,
    source: options.source ?? {},
  });
  const timeoutMs = options.timeoutMs ?? 120_000;
  const log = options.log ?? (() => undefined);
  const mode = options.mode ?? "commit";
  const target = mode === "commit" ? options.branch : proposalBranch(options.branch, specs, dirs);
  /** The head the last refused commit was made on: it may have landed all the same. */
  let refusedOn: string | undefined;

  return retry<SetImageRemoteResult>(
    {
      maxRetries: Infinity,
      deadlineMs: timeoutMs,
      backoff: CONFLICT_BACKOFF,
      onWait: (n, delay, why) => log(`${target} moved (${why}); attempt ${n + 1} in ${delay} ms`),
    },
    async (attempt) => {
      const base = await options.forge.readFiles(options.branch, candidates);
      const plan = planEdits(base, dirs, specs, pinOptions);
      const diff = unifiedDiff(
        plan.changes.map((c) => ({ path: c.path, before: base.files.get(c.path) ?? "", after: c.content })),
      );
      const result = {
        changed: false,
        files: plan.changes.map((c) => c.path),
        images: plan.images,
        attempts: attempt,
        branch: target,
        diff,
      };
      const done = (value: SetImageRemoteResult) => ({ done: true as const, value });
      if (plan.changes.length === 0) {
        const landed = refusedOn && (await landedAnyway(options.forge, refusedOn, base.head, message));
        if (landed) return done({ ...result, changed: true, commit: landed.sha, files: landed.files });
        return done({ ...result, files: [] });
      }
      if (options.dryRun) return done({ ...result, changed: true });

      const outcome =
        mode === "pull-request"
          ? await proposeOnBranch(options.forge, target, options.branch, base.head, plan.changes, message)
          : await options.forge.commitFiles({
              branch: target,
              message,
              changes: plan.changes,
              expectedHead: base.head,
            });
      if (outcome.kind === "proposed")
        return done({ ...result, changed: outcome.commit !== undefined, ...outcome.proposal, commit: outcome.commit });
      if (outcome.kind === "committed") return done({ ...result, changed: true, commit: outcome.sha });
      refusedOn = mode === "commit" ? base.head : undefined;
      return { done: false, why: outcome.detail };
    },
    (last) => {
      throw new ConflictTimeoutError(
        `${options.forge.repo} branch "${target}" kept changing under us: gave up after ${last.attempts} attempts in ${Math.round(last.elapsedMs / 1000)}s (raise --timeout to wait longer); nothing was committed`,
      );
    },
  );
}

/**
 * A commit whose answer was lost (a timeout or a 5xx after the host committed) is sent again by
 * the transport and refused by the compare-and-swap; the re-read then finds nothing to do. The
 * commit with this run's message on top of the refused head is this run's: report it as made.
 */
async function landedAnyway(
  forge: Forge,
  refusedOn: string,
  head: string,
  message: string,
): Promise<{ sha: string; files: string[] } | undefined> {
  const { commits, files } = await forge.compare(refusedOn, head);
  // GitHub stores headline and body with one blank line between: compare words, not spacing.
  const words = (text: string) => text.replace(/\s+/g, " ").trim();
  const ours = commits.find((c) => words(c.message) === words(message));
  return ours && { sha: ours.sha, files };
}

interface Plan {
  changes: FileChange[];
  images: FileImageEdit[];
}

/** Finds each directory's kustomization in the snapshot (as kustomize does) and applies the specs. */
function planEdits(snapshot: BranchSnapshot, dirs: string[], specs: ImageSpec[], pinOptions: PinOptions): Plan {
  const plan: Plan = { changes: [], images: [] };
  for (const dir of dirs) {
    const file = editTargetIn(snapshot, dir);
    const before = snapshot.files.get(file) as string;
    const edited = isKustomizationFileName(file)
      ? setImages(file, before, specs)
      : setPins(file, before, specs, pinOptions);
    plan.images.push(...edited.edits.map((e) => ({ file, ...e })));
    if (edited.text !== before) plan.changes.push({ path: file, content: edited.text });
  }
  return plan;
}

/**
 * `gitops-ci/set-image/<base>/<images>-<hash>`: one branch (and PR) per base, set of images and
 * set of kustomizations; the hash keeps `team/web` and `team-web` apart.
 */
export function proposalBranch(base: string, specs: ImageSpec[], dirs: string[]): string {
  const names = [...new Set(specs.map((s) => normalizeImageName(s.name)))].sort();
  const readable = names.map((n) => n.replace(/^docker\.io\/(library\/)?/, "")).join("+");
  return proposalBranchName(`gitops-ci/set-image/${base}`, readable, JSON.stringify({ names, dirs: [...dirs].sort() }));
}

type Proposed =
  | { kind: "proposed"; commit?: string; proposal: { prNumber: number; prUrl: string } }
  | { kind: "conflict"; detail: string };

/**
 * The PR/MR branch holds exactly this change from us already (kept as is), or is made anew on the
 * base head in one step; a branch with someone else's commit is never overwritten.
 */
async function proposeOnBranch(
  forge: Forge,
  branch: string,
  base: string,
  baseHead: string,
  changes: FileChange[],
  message: string,
): Promise<Proposed> {
  const proposal = await readProposal(
    forge,
    branch,
    base,
    changes.map((c) => c.path),
  );
  refuseForeignCommits(proposal);
  const verified = verifiedHead(proposal, changes);
  if (verified) return { kind: "proposed", proposal: await proposeChange(forge, proposal, verified, message) };
  const outcome = await forge.replaceBranch({
    branch,
    message: withBranchTrailer(message, branch),
    changes,
    parent: baseHead,
    replaces: proposal.current?.head ?? null,
  });
  if (outcome.kind === "conflict") return outcome;
  return {
    kind: "proposed",
    commit: outcome.sha,
    proposal: await proposeChange(forge, proposal, outcome.sha, message),
  };
}

async function proposeChange(forge: Forge, proposal: ProposalBranch, head: string, message: string) {
  const [first = "", ...rest] = message.split("\n");
  const title = titleText(first);
  const body = `${rest.join("\n").trim()}\n\n${headMarker("set-image", head)}\nOpened by gitops-ci set-image; re-runs update this ${forge.kind === "github" ? "pull request" : "merge request"} instead of opening another.`;
  const pr = proposal.open
    ? await forge.updateChangeRequest(proposal.open.number, { title, body })
    : await forge.createChangeRequest({ head: proposal.branch, base: proposal.base, title, body });
  return { prNumber: pr.number, prUrl: pr.url };
}
