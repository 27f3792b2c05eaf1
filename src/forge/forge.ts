import { GitopsCiError } from "../errors.js";

/** Files of one branch as of one commit: the snapshot an edit is computed from. */
export interface BranchSnapshot {
  branch: string;
  /** The commit the files were read at; a commit made from this snapshot expects it as head. */
  head: string;
  /** Path -> text; a path that does not exist at `head` is absent. */
  files: Map<string, string>;
}

export interface FileChange {
  path: string;
  content: string;
}

export interface CommitRequest {
  branch: string;
  message: string;
  changes: FileChange[];
  /**
   * Compare-and-swap: the commit lands only if the changed files are as they were at this
   * commit (GitHub: the branch head must still be this commit).
   */
  expectedHead: string;
}

/**
 * A PR/MR branch the suite owns, made anew: one commit with the changes on top of `parent`
 * (the base head), and the branch moved to it in one step, only if it is still at `replaces`.
 */
export interface ReplaceBranchRequest {
  branch: string;
  message: string;
  changes: FileChange[];
  parent: string;
  /** The branch head the ownership check saw; null when the branch must not exist yet. */
  replaces: string | null;
}

/** One commit as ownership checks see it. */
export interface CommitInfo {
  sha: string;
  /** `Name <email>` as the commit says. */
  author: string;
  message: string;
}

/** What a branch adds to its base: commits not on the base (oldest first), files changed since the merge base. */
export interface BranchComparison {
  commits: CommitInfo[];
  files: string[];
  /** Set when the host listed only part of it (GitHub: a page of commits, 300 files): what is missing. */
  truncated?: string;
}

export type CommitOutcome = { kind: "committed"; sha: string } | { kind: "conflict"; detail: string };

/** A GitHub pull request or GitLab merge request. */
export interface ChangeRequest {
  number: number;
  url: string;
  title: string;
  /** Markdown description (GitLab: the MR description). */
  body: string;
}

export interface ChangeRequestInput {
  head: string;
  base: string;
  title: string;
  body: string;
  labels?: string[];
  /** User names asked to review. */
  reviewers?: string[];
  /** GitHub draft PR; GitLab "Draft:" MR. */
  draft?: boolean;
}

export type ChangeRequestState = "open" | "closed" | "merged";

/** A PR/MR as the list of those from one branch shows it. */
export interface ChangeRequestSummary extends ChangeRequest {
  state: ChangeRequestState;
  headSha: string;
}

/** A change request as merging needs to see it. */
export interface ChangeRequestDetails extends ChangeRequestSummary {
  /**
   * Whether the host says it can be merged now: false only when someone must change the PR/MR;
   * undefined while the host computes it, or while it waits (a pipeline, approvals).
   */
  mergeable?: boolean;
  /** The host's own word for it (GitLab `detailed_merge_status`), for messages. */
  mergeState?: string;
}

/** A commit status or check run, reduced to what gates look at. */
export type StatusState = "pending" | "success" | "failure";
/**
 * `neutral`: finished or parked without a verdict (a manual, skipped or scheduled job, a failure
 * allowed to fail, a neutral check run): it blocks nothing, and satisfies no required check.
 */
export type CheckState = StatusState | "neutral";

export interface CommitCheck {
  /** GitHub status context or check run name, GitLab status name. */
  name: string;
  state: CheckState;
  description?: string;
  url?: string;
}

export type MergeMethod = "merge" | "squash" | "rebase";

/** A line-anchored note on a check (a gate finding). */
export interface CheckAnnotation {
  path: string;
  line: number;
  column: number;
  level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

/** A gate's verdict on a commit: a check run with annotations on GitHub, a commit status on GitLab. */
export interface GateCheck {
  name: string;
  passed: boolean;
  title: string;
  /** Markdown. */
  summary: string;
  annotations: CheckAnnotation[];
  /** The CI run that produced it, linked from the check. */
  detailsUrl?: string;
}

/** Where a verdict went: a check run (annotations included), or a commit status (no annotations). */
export interface PublishedCheck {
  as: "check-run" | "commit-status";
  url?: string;
  /** Why it is a commit status where a check run was wanted, for the user to read once. */
  fallback?: string;
}

/** One config repository on one Git host; every call is one or a few API requests, never a clone. */
export interface Forge {
  readonly kind: ForgeKind;
  /** The repository, as `owner/name` or `group/sub/project`. */
  readonly repo: string;
  /** Reads the given paths at the branch head, in one consistent snapshot. */
  readFiles(branch: string, paths: string[]): Promise<BranchSnapshot>;
  /** Commits all changes atomically, or reports a conflict (the CAS was rejected). */
  commitFiles(request: CommitRequest): Promise<CommitOutcome>;
  /** Builds the new commit first, then moves the branch once; any failure leaves the branch where it was. */
  replaceBranch(request: ReplaceBranchRequest): Promise<CommitOutcome>;
  /** What `head` adds to `base` (branch names or commits). */
  compare(base: string, head: string): Promise<BranchComparison>;
  /**
   * PRs/MRs from `head` into `base`, every state, newest first, whose source is this repository:
   * a fork's with the same branch name is never among them.
   */
  changeRequestsFrom(head: string, base: string): Promise<ChangeRequestSummary[]>;
  createChangeRequest(input: ChangeRequestInput): Promise<ChangeRequest>;
  /** New title and body; labels are added to those it has (reviewers are asked once, on create). */
  updateChangeRequest(
    number: number,
    input: Pick<ChangeRequestInput, "title" | "body" | "labels">,
  ): Promise<ChangeRequest>;
  getChangeRequest(number: number): Promise<ChangeRequestDetails>;
  closeChangeRequest(number: number): Promise<void>;
  /** The newest commit on the branch that changed the path (a file or a directory), if any. */
  lastCommitTouching(branch: string, path: string): Promise<{ sha: string; date: string } | undefined>;
  comment(number: number, body: string): Promise<void>;
  /**
   * The one comment carrying `marker` (an HTML comment in body) on a PR/MR: updated in place
   * when it exists, created otherwise, so reruns never pile up comments.
   */
  upsertComment(number: number, marker: string, body: string): Promise<"created" | "updated">;
  setCommitStatus(sha: string, check: CommitCheck & { state: StatusState }): Promise<void>;
  /** Every status and check run on a commit (GitHub: statuses and check runs; GitLab: statuses). */
  listCommitChecks(sha: string): Promise<CommitCheck[]>;
  /** Merges now, only if the head is still `expectedHeadSha`. */
  merge(number: number, method: MergeMethod, expectedHeadSha: string): Promise<{ sha: string }>;
  /** Publishes a gate's verdict on a commit; says where it went and how to see it. */
  publishCheck(sha: string, check: GateCheck): Promise<PublishedCheck>;
  /**
   * Lets the host merge once required checks pass, only while the head is `expectedHeadSha`;
   * says plainly when the repository does not allow it.
   */
  enableAutoMerge(number: number, method: MergeMethod, expectedHeadSha: string): Promise<void>;
}

export type ForgeKind = "github" | "gitlab";

/** The host answered with an error the user must act on (auth, permission, missing repo or branch). */
export class ForgeError extends GitopsCiError {
  override name = "ForgeError";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The branch to read or commit to does not exist. */
export class BranchNotFoundError extends ForgeError {
  override name = "BranchNotFoundError";
}

/**
 * Auto-merge cannot be set because the PR can merge already (GitHub's "clean status" or
 * "unstable status": nothing required is pending), so the host would never wait for anything.
 */
export class AlreadyMergeableError extends ForgeError {
  override name = "AlreadyMergeableError";
}

/** Auto-merge cannot be set yet: the change request has no pipeline, so it would merge at once. */
export class NoPipelineYetError extends ForgeError {
  override name = "NoPipelineYetError";
}
