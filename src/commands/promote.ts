import { UsageError } from "../errors.js";
import type { BranchSnapshot, Forge, MergeMethod } from "../forge/forge.js";
import { AlreadyMergeableError, NoPipelineYetError } from "../forge/forge.js";
import { normalizeKustomizationPath } from "../kustomize/kustomization-file.js";
import { setImages } from "../kustomize/set-images.js";
import {
  promotionBody,
  promotionCommitMessage,
  promotionTitle,
  type PromotionValues,
} from "../messages/promotion-message.js";
import { type AutoMergeLevel, bumpAllowed } from "../promote/bump.js";
import { DowngradeError, MergeError, SourceNotGreenError } from "../promote/errors.js";
import {
  describeImage,
  imageEntries,
  type PlannedImage,
  planPromotion,
  refuseInvalidValues,
  specOf,
} from "../promote/plan.js";
import { CHECK_NAME } from "../gate/check-name.js";
import { pollUntil } from "../promote/poll.js";
import { newestCommitOf, sourceInputs } from "../promote/source-inputs.js";
import { proposalBranchName } from "../proposal/branch-name.js";
import {
  describeCommit,
  ForeignCommitsError,
  headMarker,
  readProposal,
  refuseForeignCommits,
  verifiedHead,
  withBranchTrailer,
} from "../proposal/ownership.js";
import { kustomizationCandidates, kustomizationIn } from "../kustomize/snapshot-kustomization.js";

export type MergeMode = "never" | "auto" | "now";

export interface PromoteOptions {
  forge: Forge;
  /** The base branch both kustomizations are read from and the PRs/MRs target. */
  branch: string;
  from: string;
  to: string[];
  /** Only these images (names, matched as docker does); all that differ by default. */
  images?: string[];
  merge?: MergeMode;
  mergeMethod?: MergeMethod;
  autoMergeLevel?: AutoMergeLevel;
  allowDowngrade?: boolean;
  requireSourceGreen?: boolean;
  /** Checks --merge now waits for (besides: no check may fail). */
  requiredChecks?: string[];
  labels?: string[];
  reviewers?: string[];
  draft?: boolean;
  title?: string;
  body?: string;
  /** Image name → app repository URL, for compare links in the body. */
  sourceRepos?: Map<string, string>;
  /** --merge now: how long to wait for checks. */
  timeoutMs?: number;
  pollMs?: number;
  dryRun?: boolean;
  log?: (message: string) => void;
}

export interface PromotionResult {
  to: string;
  branch: string;
  changed: boolean;
  plan: PlannedImage[];
  commit?: string;
  prNumber?: number;
  prUrl?: string;
  /** A PR/MR closed because the target caught up. */
  closed?: number;
  autoMerge: boolean;
  merged: boolean;
  /** Why policy left it for review. */
  reviewReason?: string;
}

export interface PromoteResult {
  changed: boolean;
  merged: boolean;
  targets: PromotionResult[];
}

/**
 * `gitops-ci/promote/<to>-<hash>`: one branch, and one PR/MR, per target directory. The hash is
 * of the whole path, so two different targets (even `prod/eu` and `prod-eu`) never share one.
 */
export function promotionBranch(to: string): string {
  return proposalBranchName("gitops-ci/promote", to.replace(/\/+/g, "-"), to);
}

/**
 * Promotes what `from` runs to each `to`: reads all kustomizations in one snapshot, plans the
 * image differences, refuses downgrades, and opens (or refreshes, or closes) one PR/MR per target;
 * then merges as policy allows.
 */
export async function promote(options: PromoteOptions): Promise<PromoteResult> {
  if (options.to.length === 0) throw new UsageError("give at least one --to (a kustomization directory)");
  const from = normalizeKustomizationPath(options.from);
  const targets = [...new Set(options.to.map(normalizeKustomizationPath))];
  if (targets.includes(from)) throw new UsageError(`--from and --to are the same directory (${from})`);
  const log = options.log ?? (() => undefined);
  const snapshot = await options.forge.readFiles(options.branch, kustomizationCandidates([from, ...targets]));
  const fromFile = kustomizationIn(snapshot, from);
  const source = imageEntries(fromFile, snapshot.files.get(fromFile) as string);
  const plans = targets.map((to) => {
    const file = kustomizationIn(snapshot, to);
    const text = snapshot.files.get(file) as string;
    return { to, file, text, plan: planPromotion(source, imageEntries(file, text), options.images) };
  });
  refuseInvalidValues(
    source,
    plans.flatMap((p) => p.plan),
  );
  refuseDowngrades(plans, options.allowDowngrade ?? false);
  const sourceCheck = await sourceGateOf(options.forge, options.branch, from, fromFile, snapshot);
  const sourceGate = sourceCheck.state;
  if (options.requireSourceGreen && sourceGate !== "success")
    throw new SourceNotGreenError(
      `--require-source-green: ${CHECK_NAME} on ${sourceCheck.commit ? `${sourceCheck.commit.slice(0, 12)}, the last commit that changed what ${from} renders,` : `the last commit that changed what ${from} renders`} is ${sourceGate}; promote once it is green`,
    );
  const results: PromotionResult[] = [];
  for (const target of plans) {
    const values: PromotionValues = {
      from,
      to: target.to,
      plan: target.plan,
      sourceGate,
      sourceRepos: options.sourceRepos ?? new Map(),
    };
    results.push(await promoteTarget(options, snapshot, target.file, values, log));
  }
  return {
    changed: results.some((r) => r.changed),
    merged: results.some((r) => r.merged),
    targets: results,
  };
}

function refuseDowngrades(plans: { to: string; plan: PlannedImage[] }[], allowed: boolean): void {
  if (allowed) return;
  const down = plans.flatMap((p) =>
    p.plan.filter((i) => i.downgrade).map((i) => `${i.name} ${i.from?.newTag} -> ${i.to.newTag} in ${p.to}`),
  );
  if (down.length)
    throw new DowngradeError(
      `refusing to downgrade: ${down.join("; ")}. Pass --allow-downgrade to roll back on purpose; nothing was changed`,
    );
}

/** The gate on the newest commit that changed anything the source root renders from. */
async function sourceGateOf(
  forge: Forge,
  branch: string,
  from: string,
  fromFile: string,
  snapshot: BranchSnapshot,
): Promise<{ state: string; commit?: string }> {
  const inputs = await sourceInputs(forge, branch, from, fromFile, snapshot.files.get(fromFile) as string);
  const sha = await newestCommitOf(forge, branch, inputs);
  if (!sha) return { state: "missing" };
  const check = (await forge.listCommitChecks(sha)).find((c) => c.name === CHECK_NAME);
  return { state: check?.state ?? "missing", commit: sha };
}

async function promoteTarget(
  options: PromoteOptions,
  snapshot: BranchSnapshot,
  file: string,
  values: PromotionValues,
  log: (message: string) => void,
): Promise<PromotionResult> {
  const { forge } = options;
  const branch = promotionBranch(values.to);
  const result: PromotionResult = {
    to: values.to,
    branch,
    changed: false,
    plan: values.plan,
    autoMerge: false,
    merged: false,
  };
  if (values.plan.length === 0) {
    // Nothing to write: only an open PR/MR to close matters, not what its branch holds.
    const open = options.dryRun
      ? undefined
      : (await forge.changeRequestsFrom(branch, options.branch)).find((r) => r.state === "open");
    if (open) {
      await forge.comment(
        open.number,
        `Closed by gitops-ci promote: \`${values.to}\` already runs what \`${values.from}\` runs; nothing is left to promote.`,
      );
      await forge.closeChangeRequest(open.number);
      log(`${values.to} caught up with ${values.from}: closed #${open.number}`);
      return { ...result, closed: open.number };
    }
    return result;
  }
  if (options.dryRun) return { ...result, changed: true };
  const proposal = await readProposal(forge, branch, options.branch, [file]);
  const open = proposal.open;
  refuseForeignCommits(proposal);

  const level = options.autoMergeLevel ?? "any";
  const blocked = values.plan.find((i) => !bumpAllowed(i.bump, level));
  const merging = (options.merge ?? "never") !== "never";
  values.reviewReason =
    merging && blocked
      ? `${blocked.name} ${describeImage(blocked.from, blocked.name)} -> ${describeImage(blocked.to, blocked.name)} is a${blocked.bump === "other" ? " non-semver" : ` ${blocked.bump}`} change, above --auto-merge-level ${level}`
      : undefined;

  const edited = setImages(file, snapshot.files.get(file) as string, values.plan.map(specOf));
  const change = { path: file, content: edited.text };
  const verified = verifiedHead(proposal, [change]);
  const commit = verified
    ? undefined
    : await commitPromotion(
        forge,
        branch,
        snapshot,
        proposal.current?.head ?? null,
        change,
        promotionCommitMessage(values),
      );
  // The one head this run may merge: the commit it made, or the one it verified as ours.
  const head = commit ?? (verified as string);
  const title = promotionTitle(options.title, values);
  const body = `${promotionBody(options.body, values)}\n\n${headMarker("promote", head)}\nOpened by gitops-ci promote; re-runs update this ${forge.kind === "github" ? "pull request" : "merge request"}.`;
  const pr = open
    ? await forge.updateChangeRequest(open.number, { title, body, labels: options.labels })
    : await forge.createChangeRequest({
        head: branch,
        base: options.branch,
        title,
        body,
        labels: options.labels,
        reviewers: options.reviewers,
        draft: options.draft,
      });
  const done: PromotionResult = {
    ...result,
    changed: true,
    commit,
    prNumber: pr.number,
    prUrl: pr.url,
    reviewReason: values.reviewReason,
  };
  log(
    `${open ? "updated" : "opened"} ${pr.url}${commit ? ` (commit ${commit.slice(0, 12)})` : " (already up to date)"}`,
  );
  if (!merging || blocked || options.draft) return done;
  const method = options.mergeMethod ?? "merge";
  if (options.merge === "auto") {
    const outcome = await enableAutoMergeWhenReady(forge, pr.number, method, head, options, log);
    return outcome === "merged" ? { ...done, merged: true } : { ...done, autoMerge: true };
  }
  await waitAndMerge(forge, pr.number, method, head, options, log);
  return { ...done, merged: true };
}

/**
 * GitLab merges at once when auto-merge is set before the MR has a pipeline: wait (bounded by
 * timeoutMs) for the pipeline, then set it. GitHub refuses auto-merge on a PR that can merge
 * already (nothing required to wait for): then it is merged here, pinned to `head`, only if the
 * required checks are green on it.
 */
async function enableAutoMergeWhenReady(
  forge: Forge,
  number: number,
  method: MergeMethod,
  head: string,
  options: PromoteOptions,
  log: (message: string) => void,
): Promise<"auto" | "merged"> {
  let reason = "";
  let outcome: "auto" | "merged" = "auto";
  await pollUntil(
    pollOptions(options, number, log),
    async () => {
      try {
        await forge.enableAutoMerge(number, method, head);
        return undefined;
      } catch (error) {
        if (error instanceof AlreadyMergeableError) {
          await mergeIfGreen(forge, number, method, head, options.requiredChecks ?? [CHECK_NAME], error.message);
          log(
            `merged #${number} (it could merge at once, and ${(options.requiredChecks ?? [CHECK_NAME]).join(", ")} is green)`,
          );
          outcome = "merged";
          return undefined;
        }
        if (!(error instanceof NoPipelineYetError)) throw error;
        reason = error.message;
        return "its pipeline before enabling auto-merge";
      }
    },
    () =>
      `${reason}; none appeared in time (raise --timeout, or check that the config repo runs pipelines for merge requests)`,
  );
  return outcome;
}

/** Merges `head` now only when every required check is green on it and none fails. */
async function mergeIfGreen(
  forge: Forge,
  number: number,
  method: MergeMethod,
  head: string,
  required: string[],
  why: string,
): Promise<void> {
  const checks = await forge.listCommitChecks(head);
  const notGreen = required.filter((name) => checks.find((c) => c.name === name)?.state !== "success");
  const failed = checks.filter((c) => c.state === "failure").map((c) => c.name);
  if (notGreen.length || failed.length)
    throw new MergeError(
      `${why}; not merging it untested: ${[...notGreen.map((n) => `${n} is not green`), ...failed.map((n) => `${n} failed`)].join(", ")} on ${head.slice(0, 12)}. Make ${required.join(", ")} required on the base branch so auto-merge waits for it, or use --merge now`,
    );
  await forge.merge(number, method, head);
}

function pollOptions(options: PromoteOptions, number: number, log: (message: string) => void) {
  return { label: `#${number}`, timeoutMs: options.timeoutMs ?? 600_000, pollMs: options.pollMs ?? 2_000, log };
}

/** One commit on the promotion branch, made from the base head, and the branch moved to it at once. */
async function commitPromotion(
  forge: Forge,
  branch: string,
  snapshot: BranchSnapshot,
  replaces: string | null,
  change: { path: string; content: string },
  message: string,
): Promise<string> {
  const outcome = await forge.replaceBranch({
    branch,
    message: withBranchTrailer(message, branch),
    changes: [change],
    parent: snapshot.head,
    replaces,
  });
  if (outcome.kind === "conflict")
    throw new ForeignCommitsError(`${branch} moved while gitops-ci committed to it (${outcome.detail}); run again`);
  return outcome.sha;
}

/**
 * Polls the PR/MR (backoff, bounded by timeoutMs) until it can merge and its checks are green,
 * then merges it, pinned to `head`: the commit this run made or verified. Any other head (a push
 * while it waits) stops the run, whatever its checks say.
 */
async function waitAndMerge(
  forge: Forge,
  number: number,
  method: MergeMethod,
  head: string,
  options: PromoteOptions,
  log: (message: string) => void,
): Promise<void> {
  const required = options.requiredChecks ?? [CHECK_NAME];
  await pollUntil(
    pollOptions(options, number, log),
    async () => {
      const details = await forge.getChangeRequest(number);
      if (details.state === "merged") return undefined;
      if (details.state === "closed") throw new MergeError(`#${number} was closed while waiting to merge it`);
      if (details.headSha !== head) await refuseMovedHead(forge, number, head, details.headSha);
      const checks = await forge.listCommitChecks(head);
      const failed = checks.filter((c) => c.state === "failure");
      if (failed.length)
        throw new MergeError(
          `#${number} cannot merge: ${failed.map((c) => `${c.name} failed${c.description ? ` (${c.description})` : ""}`).join(", ")}`,
        );
      if (details.mergeable === false)
        throw new MergeError(
          `#${number} cannot merge: the host reports ${details.mergeState ?? "conflicts or a blocked merge"}`,
        );
      const waiting = [
        ...required.filter((name) => !checks.some((c) => c.name === name)).map((n) => `${n} (not reported yet)`),
        ...checks
          .filter((c) => c.state === "pending" || (c.state === "neutral" && required.includes(c.name)))
          .map((c) => `${c.name} (${c.state === "neutral" ? "not run" : "pending"})`),
      ];
      if (waiting.length === 0 && details.mergeable === true) {
        await forge.merge(number, method, head);
        log(`merged #${number}`);
        return undefined;
      }
      return waiting.join(", ") || `the host (${details.mergeState ?? "computing mergeability"})`;
    },
    (waiting) => `#${number} did not become mergeable in time: still waiting for ${waiting} (raise --timeout)`,
  );
}

/** The PR/MR head is not the commit this run made: name what is there, merge nothing. */
async function refuseMovedHead(forge: Forge, number: number, ours: string, now: string): Promise<never> {
  const pushed = (await forge.compare(ours, now)).commits;
  const first = pushed[0] ?? { sha: now, author: "someone", message: "" };
  throw new ForeignCommitsError(
    `#${number} changed while gitops-ci waited to merge it: its head is now ${describeCommit(first)}${pushed.length > 1 ? ` and ${pushed.length - 1} more` : ""}, not ${ours.slice(0, 12)}, the commit gitops-ci made. Nothing was merged; review #${number} by hand`,
  );
}
