import { GitopsCiError } from "../errors.js";
import type {
  BranchComparison,
  BranchSnapshot,
  ChangeRequestSummary,
  CommitInfo,
  FileChange,
  Forge,
} from "../forge/forge.js";
import { BranchNotFoundError } from "../forge/forge.js";

/** Someone else's commits are on a branch gitops-ci owns: they are never overwritten or merged. */
export class ForeignCommitsError extends GitopsCiError {
  override name = "ForeignCommitsError";
}

/** The head a PR/MR body records as made by gitops-ci (`promote` wrote it before set-image did). */
const HEAD_MARKER = /<!-- gitops-ci\/(?:promote|set-image) head=([0-9a-f]{7,64}) -->/;
const TRAILER = "Gitops-ci-branch";

export function headMarker(command: "promote" | "set-image", sha: string): string {
  return `<!-- gitops-ci/${command} head=${sha} -->`;
}

/** Every commit gitops-ci makes on a proposal branch says so, so a rerun after a fault knows it. */
export function withBranchTrailer(message: string, branch: string): string {
  return `${message.trimEnd()}\n\n${TRAILER}: ${branch}`;
}

/** A PR/MR branch as ownership needs to see it. */
export interface ProposalBranch {
  branch: string;
  base: string;
  /** The open PR/MR from it (same repository only). */
  open?: ChangeRequestSummary;
  /** The newest head a PR/MR of ours recorded, open or not. */
  recorded?: string;
  /** The branch now, with the files asked for; undefined when it does not exist. */
  current?: BranchSnapshot;
  /** What it adds to the base; undefined when it does not exist. */
  comparison?: BranchComparison;
}

/** One listing, one read, one compare: the PR/MR branch, whose PRs name it, and what it carries. */
export async function readProposal(
  forge: Forge,
  branch: string,
  base: string,
  files: string[],
): Promise<ProposalBranch> {
  const [requests, current] = await Promise.all([
    forge.changeRequestsFrom(branch, base),
    readOrUndefined(forge, branch, files),
  ]);
  const recorded = requests.map((r) => HEAD_MARKER.exec(r.body)?.[1]).find((sha) => sha !== undefined);
  const comparison = current && (await forge.compare(base, current.head));
  return { branch, base, open: requests.find((r) => r.state === "open"), recorded, current, comparison };
}

async function readOrUndefined(forge: Forge, branch: string, files: string[]): Promise<BranchSnapshot | undefined> {
  try {
    return await forge.readFiles(branch, files);
  } catch (error) {
    if (error instanceof BranchNotFoundError) return undefined;
    throw error;
  }
}

/** Ours: the head a PR of ours recorded, or a commit carrying this branch's trailer (a rerun after a fault). */
function isOurs(proposal: ProposalBranch, commit: CommitInfo): boolean {
  if (proposal.recorded && commit.sha.startsWith(proposal.recorded)) return true;
  return new RegExp(`^${TRAILER}: ${escapeRegExp(proposal.branch)}$`, "m").test(commit.message);
}

export function foreignCommits(proposal: ProposalBranch): CommitInfo[] {
  return (proposal.comparison?.commits ?? []).filter((c) => !isOurs(proposal, c));
}

/** Stops before any force-update or merge of a branch that holds someone else's commit. */
export function refuseForeignCommits(proposal: ProposalBranch): void {
  const truncated = proposal.comparison?.truncated;
  if (truncated)
    throw new ForeignCommitsError(
      `${proposal.branch}${proposal.open ? ` (#${proposal.open.number})` : ""} carries more than gitops-ci can check (${truncated}); gitops-ci makes one commit there, so the rest is someone else's: not overwriting or merging it. Merge or close ${proposal.open ? `#${proposal.open.number}` : "it"}, or delete the branch, then run again`,
    );
  const foreign = foreignCommits(proposal);
  if (foreign.length === 0) return;
  throw new ForeignCommitsError(
    `${proposal.branch}${proposal.open ? ` (#${proposal.open.number})` : ""} has ${foreign.length} commit(s) gitops-ci did not make, ${describeCommit(foreign[0] as CommitInfo)}: not overwriting or merging them. Merge or close ${proposal.open ? `#${proposal.open.number}` : "it"}, or delete the branch, then run again`,
  );
}

/**
 * The head, when it is ours and proposes exactly `changes`: every commit ours, no other file
 * touched, each changed file as we would write it. Then it can be kept (and merged) as is.
 */
export function verifiedHead(proposal: ProposalBranch, changes: FileChange[]): string | undefined {
  const { current, comparison } = proposal;
  if (!current || !comparison || comparison.commits.length === 0 || comparison.truncated) return undefined;
  if (foreignCommits(proposal).length) return undefined;
  const paths = new Set(changes.map((c) => c.path));
  if (comparison.files.some((f) => !paths.has(f))) return undefined;
  return changes.every((c) => current.files.get(c.path) === c.content) ? current.head : undefined;
}

/** `1a2b3c4d5e6f by Mallory <m@example.com> ("add backdoor")`. */
export function describeCommit(commit: CommitInfo): string {
  const subject = commit.message.split("\n")[0]?.slice(0, 72) ?? "";
  return `${commit.sha.slice(0, 12)} by ${commit.author}${subject ? ` ("${subject}")` : ""}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
