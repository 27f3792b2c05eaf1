import path from "node:path";
import { GitopsCiError, PathError, UsageError } from "../errors.js";
import type { BranchSnapshot, FileChange, Forge } from "../forge/forge.js";
import { BranchNotFoundError } from "../forge/forge.js";
import { backoffDelay, sleep } from "../forge/retry-policy.js";
import { type ImageSpec, normalizeImageName, parseImageSpecs } from "../kustomize/image-ref.js";
import { KUSTOMIZATION_FILE_NAMES, normalizeKustomizationPath } from "../kustomize/kustomization-file.js";
import { setImages } from "../kustomize/set-images.js";
import { renderCommitMessage } from "../messages/commit-message.js";
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
  if (options.paths.length === 0) throw new UsageError("give at least one --path (a kustomization directory)");
  if (options.images.length === 0) throw new UsageError("give at least one --image (NAME:TAG, NAME@DIGEST, ...)");
  const specs = parseImageSpecs(options.images);
  const dirs = [...new Set(options.paths.map(normalizeKustomizationPath))];
  const candidates = kustomizationCandidates(dirs);
  const message = renderCommitMessage(options.message, {
    images: specs.map((s) => s.raw),
    paths: dirs,
    source: options.source ?? {},
  });
  const timeoutMs = options.timeoutMs ?? 120_000;
  const log = options.log ?? (() => undefined);
  const mode = options.mode ?? "commit";
  const target = mode === "commit" ? options.branch : proposalBranch(options.branch, specs);
  const startedAt = Date.now();

  for (let attempt = 1; ; attempt++) {
    const base = await options.forge.readFiles(options.branch, candidates);
    const plan = planEdits(base, dirs, specs);
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
    if (plan.changes.length === 0) return { ...result, files: [] };
    if (options.dryRun) return { ...result, changed: true };

    if (mode === "pull-request" && (await alreadyProposed(options.forge, target, plan.changes))) {
      return { ...result, ...(await proposeChange(options.forge, target, options.branch, message)) };
    }
    const outcome = await options.forge.commitFiles({
      branch: target,
      message,
      changes: plan.changes,
      expectedHead: base.head,
      resetTo: mode === "pull-request" ? base.head : undefined,
    });
    if (outcome.kind === "committed") {
      const proposal =
        mode === "pull-request" ? await proposeChange(options.forge, target, options.branch, message) : {};
      return { ...result, changed: true, commit: outcome.sha, ...proposal };
    }
    const delay = backoffDelay(CONFLICT_BACKOFF, Math.min(attempt - 1, 10));
    const elapsed = Date.now() - startedAt;
    if (elapsed + delay > timeoutMs) {
      throw new ConflictTimeoutError(
        `${options.forge.repo} branch "${target}" kept changing under us: gave up after ${attempt} attempts in ${Math.round(elapsed / 1000)}s (raise --timeout to wait longer); nothing was committed`,
      );
    }
    log(`${target} moved (${outcome.detail}); attempt ${attempt + 1} in ${delay} ms`);
    await sleep(delay);
  }
}

interface Plan {
  changes: FileChange[];
  images: FileImageEdit[];
}

/** Finds each directory's kustomization in the snapshot (as kustomize does) and applies the specs. */
function planEdits(snapshot: BranchSnapshot, dirs: string[], specs: ImageSpec[]): Plan {
  const plan: Plan = { changes: [], images: [] };
  for (const dir of dirs) {
    const file = kustomizationIn(snapshot, dir);
    const before = snapshot.files.get(file) as string;
    const edited = setImages(file, before, specs);
    plan.images.push(...edited.edits.map((e) => ({ file, ...e })));
    if (edited.text !== before) plan.changes.push({ path: file, content: edited.text });
  }
  return plan;
}

/** The paths a directory's kustomization may have, to read them all in one snapshot. */
export function kustomizationCandidates(dirs: string[]): string[] {
  return dirs.flatMap((d) => KUSTOMIZATION_FILE_NAMES.map((name) => path.posix.join(d, name)));
}

/** The directory's one kustomization file in the snapshot, as kustomize finds it. */
export function kustomizationIn(snapshot: BranchSnapshot, dir: string): string {
  const present = KUSTOMIZATION_FILE_NAMES.map((n) => path.posix.join(dir, n)).filter((p) => snapshot.files.has(p));
  if (present.length === 0) {
    throw new PathError(
      `no kustomization in "${dir}" on branch ${snapshot.branch} (looked for ${KUSTOMIZATION_FILE_NAMES.join(", ")})`,
    );
  }
  if (present.length > 1) throw new PathError(`"${dir}" has more than one kustomization file (${present.join(", ")})`);
  return present[0] as string;
}

/** `gitops-ci/set-image/<base>/<images>`: one branch (and PR) per base and set of images. */
export function proposalBranch(base: string, specs: ImageSpec[]): string {
  const slug = specs
    .map((s) => normalizeImageName(s.name).replace(/^docker\.io\/(library\/)?/, ""))
    .sort()
    .join("+")
    .toLowerCase()
    .replace(/[^a-z0-9+._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `gitops-ci/set-image/${base}/${slug.length > 80 ? slug.slice(0, 80) : slug}`;
}

/** An open PR's branch already holds exactly this content: nothing to commit again. */
async function alreadyProposed(forge: Forge, branch: string, changes: FileChange[]): Promise<boolean> {
  try {
    const current = await forge.readFiles(
      branch,
      changes.map((c) => c.path),
    );
    return changes.every((c) => current.files.get(c.path) === c.content);
  } catch (error) {
    if (error instanceof BranchNotFoundError) return false;
    throw error;
  }
}

async function proposeChange(forge: Forge, head: string, base: string, message: string) {
  const [title = "", ...rest] = message.split("\n");
  const body = `${rest.join("\n").trim()}\n\nOpened by gitops-ci set-image; re-runs update this ${forge.kind === "github" ? "pull request" : "merge request"} instead of opening another.`;
  const open = await forge.findOpenChangeRequest(head, base);
  const pr = open
    ? await forge.updateChangeRequest(open.number, { title, body })
    : await forge.createChangeRequest({ head, base, title, body });
  return { prNumber: pr.number, prUrl: pr.url };
}
