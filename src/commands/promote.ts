import { InputFileError, UsageError } from "../errors.js";
import type { BranchSnapshot, Forge, MergeMethod } from "../forge/forge.js";
import { isKustomizationFileName, namesFile, normalizeKustomizationPath } from "../kustomize/kustomization-file.js";
import { setImages } from "../kustomize/set-images.js";
import {
  promotionBody,
  promotionCommitMessage,
  promotionTitle,
  type PromotionValues,
} from "../messages/promotion-message.js";
import { type AutoMergeLevel, bumpAllowed } from "../promote/bump.js";
import { DowngradeError, SourceNotGreenError } from "../promote/errors.js";
import { enableAutoMergeWhenReady, type MergeWaitOptions, waitAndMerge } from "../promote/merge-wait.js";
import {
  describeImage,
  imageEntries,
  type PlannedImage,
  planPromotion,
  refuseInvalidValues,
  specOf,
} from "../promote/plan.js";
import { CHECK_NAME } from "../gate/check-name.js";
import { newestCommitOf, sourceInputs } from "../promote/source-inputs.js";
import { proposalBranchName } from "../proposal/branch-name.js";
import {
  ForeignCommitsError,
  headMarker,
  readProposal,
  refuseForeignCommits,
  verifiedHead,
  withBranchTrailer,
} from "../proposal/ownership.js";
import { editCandidates, editTargetIn } from "../kustomize/snapshot-kustomization.js";
import { pinEntries } from "../pins/pin-entries.js";
import { type PinFlags, type PinOptions, pinOptionsOf, setPins } from "../pins/set-pins.js";

export type MergeMode = "never" | "auto" | "now";

export interface PromoteOptions extends MergeWaitOptions {
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
  labels?: string[];
  reviewers?: string[];
  draft?: boolean;
  title?: string;
  body?: string;
  /** Image name → app repository URL, for compare links in the body. */
  sourceRepos?: Map<string, string>;
  /** How files that pin images are read: a chart's own keys, values read as such (see PinFlags). */
  pins?: Omit<PinFlags, "policies">;
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
  if (options.to.length === 0)
    throw new UsageError("give at least one --to (a kustomization directory, or a file like --from)");
  const from = normalizeKustomizationPath(options.from);
  const targets = [...new Set(options.to.map(normalizeKustomizationPath))];
  if (targets.includes(from)) throw new UsageError(`--from and --to are the same directory (${from})`);
  const log = options.log ?? (() => undefined);
  const mixed = targets.find((to) => namesFile(to) !== namesFile(from));
  if (mixed)
    throw new UsageError(
      `--from ${from} and --to ${mixed} are not the same kind of target (a kustomization directory and a file); promote copies between two of a kind`,
    );
  const pinOptions = pinOptionsOf(options.pins ?? {});
  const unnamed = pinOptions.keys?.find((key) => !key.parts.name && !key.parts.image);
  if (unnamed)
    throw new UsageError(
      `--key ${unnamed.raw}: promote pairs the images of two files by name; add name=<path> (or give image=<path>)`,
    );
  const snapshot = await options.forge.readFiles(options.branch, editCandidates([from, ...targets]));
  const fromFile = editTargetIn(snapshot, from);
  const entriesOf = (file: string, text: string) =>
    isKustomizationFileName(file) ? imageEntries(file, text) : pinEntries(file, text, pinOptions);
  const source = entriesOf(fromFile, snapshot.files.get(fromFile) as string);
  if (source.length === 0 && !isKustomizationFileName(fromFile))
    throw new InputFileError(
      { file: fromFile, line: 1, column: 1 },
      "pins no image to promote: no container image, Helm values repository or image, or Flux $imagepolicy marker; for a chart with its own value names, give --key",
    );
  const plans = targets.map((to) => {
    const file = editTargetIn(snapshot, to);
    const text = snapshot.files.get(file) as string;
    return { to, file, text, plan: planPromotion(source, entriesOf(file, text), options.images) };
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
    results.push(await promoteTarget(options, snapshot, target.file, values, pinOptions, log));
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
  // a file that pins images is its own input; a kustomization renders from what it names
  const inputs = isKustomizationFileName(fromFile)
    ? await sourceInputs(forge, branch, from, fromFile, snapshot.files.get(fromFile) as string)
    : [fromFile];
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
  pinOptions: PinOptions,
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

  const specs = values.plan.map(specOf);
  const before = snapshot.files.get(file) as string;
  const edited = isKustomizationFileName(file)
    ? setImages(file, before, specs)
    : setPins(file, before, specs, pinOptions);
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
