import { forgeErrorOf, HttpStatusError } from "./error-mapping.js";
import { gitlabClient } from "./gitlab-client.js";
import {
  BranchNotFoundError,
  type BranchSnapshot,
  type BranchComparison,
  type ChangeRequest,
  type ChangeRequestDetails,
  type ChangeRequestSummary,
  type CheckState,
  type StatusState,
  type CommitCheck,
  type GateCheck,
  type PublishedCheck,
  type MergeMethod,
  type ChangeRequestInput,
  type CommitOutcome,
  type CommitRequest,
  type Forge,
  ForgeError,
  NoPipelineYetError,
  type ReplaceBranchRequest,
} from "./forge.js";
import { withCommentId } from "./comment-id.js";
import { batchesOf } from "./batches.js";
import { createOnce } from "./create-once.js";
import { checkRelease, once } from "./host-release.js";
import { DEFAULT_RETRY_POLICY, planOf, type RetryPolicy } from "./retry-policy.js";
import { retryingFetch } from "./retrying-fetch.js";
import { retry } from "../retry.js";

export interface GitLabForgeOptions {
  /** `group/sub/project`. */
  repo: string;
  token: string;
  /** REST base URL, as CI_API_V4_URL gives it: https://gitlab.example.com/api/v4. */
  apiUrl: string;
  /** GraphQL endpoint; by default <server>/api/graphql. */
  graphqlUrl?: string;
  retry?: RetryPolicy;
  log?: (message: string) => void;
}

/** Paths per `blobs` query: 50 cost about 130 of GitLab's 250 complexity points. */
const READ_BATCH = 50;

/** GitLab's words when a per-file last_commit_id check fails, or a concurrent ref update won. */
const CONFLICT = /has changed since you started editing it|refresh and try again/i;

interface MergeRequestShape {
  iid: number;
  web_url?: string;
  webUrl?: string;
  title: string;
  description?: string | null;
  state?: string;
  sha?: string;
  detailed_merge_status?: string;
  merge_status?: string;
  source_project_id?: number;
  target_project_id?: number;
  head_pipeline?: { id: number } | null;
}

/**
 * GitLab through REST v4 (gitbeaker, with the suite's own requester: proxy, bounded retries) and
 * GraphQL for reading several files in one request.
 */
export class GitLabForge implements Forge {
  readonly kind = "gitlab" as const;
  readonly repo: string;
  private readonly host: string;
  private readonly graphqlUrl: string;
  private readonly token: string;
  private readonly policy: RetryPolicy;
  private readonly log: (message: string) => void;

  constructor(options: GitLabForgeOptions) {
    if (!/^[^/]+(\/[^/]+)+$/.test(options.repo))
      throw new ForgeError(`GitLab project "${options.repo}" must be group/project`);
    this.repo = options.repo;
    this.token = options.token;
    this.policy = options.retry ?? DEFAULT_RETRY_POLICY;
    this.log = options.log ?? (() => undefined);
    const apiUrl = options.apiUrl.replace(/\/+$/, "");
    const host = apiUrl.replace(/\/api\/v4$/, "");
    this.graphqlUrl = options.graphqlUrl ?? `${host}/api/graphql`;
    this.host = host;
  }

  /** gitbeaker, loaded on first use, over the suite's transport (gitlab-client.ts). */
  private readonly api = gitlabClient(() => ({
    host: this.host,
    token: this.token,
    policy: this.policy,
    log: this.log,
    beforeWrite: () => this.release(),
  }));

  /**
   * Reads at the head commit (not the branch name), so contents and head stay consistent across
   * batches. GitLab caps a query's complexity (250; `blobs` costs about two a path) and a page at
   * 100 nodes (the rest silently dropped): paths go in batches of READ_BATCH, in parallel.
   */
  async readFiles(branch: string, paths: string[]): Promise<BranchSnapshot> {
    const head = await this.branchHead(branch);
    const read = await Promise.all(batchesOf(paths, READ_BATCH).map((batch) => this.readBlobs(head, batch)));
    return { branch, head, files: new Map(read.flat()) };
  }

  /** One batch: fewer paths than a page holds (100 nodes), so one request reads them all. */
  private async readBlobs(ref: string, paths: string[]): Promise<[string, string][]> {
    const query = `query($project: ID!, $ref: String!, $paths: [String!]!) {
  project(fullPath: $project) { repository { blobs(ref: $ref, paths: $paths) { nodes { path rawBlob } } } }
}`;
    const data = await this.graphql<{
      project: { repository: { blobs: { nodes: { path: string; rawBlob: string }[] } } } | null;
    }>(query, { project: this.repo, ref, paths });
    if (!data.project) throw new ForgeError(`GitLab project ${this.repo} not found, or the token cannot see it`, 404);
    return data.project.repository.blobs.nodes.map((n) => [n.path, n.rawBlob]);
  }

  /**
   * `last_commit_id` guards each file: GitLab refuses the commit if the file's last commit on the
   * branch is not the one it was read at. Current GitLab takes any commit and compares the file's
   * last commit as of it, so the snapshot's head does; older releases compare the value with the
   * file's last commit itself, so the head fails whenever the head commit did not touch the file.
   * The head is sent first (one request on current GitLab); a refusal is tried once more with each
   * file's own last commit as of the snapshot, which is right under both rules, so only a file
   * that really changed is a conflict.
   */
  async commitFiles(request: CommitRequest): Promise<CommitOutcome> {
    const actions = (lastCommitIds: (string | undefined)[]) =>
      request.changes.map((c, i) => ({
        action: "update" as const,
        filePath: c.path,
        content: c.content,
        lastCommitId: lastCommitIds[i],
      }));
    const first = await this.createCommit(
      request.branch,
      request.message,
      actions(request.changes.map(() => request.expectedHead)),
      {},
    );
    if (first.kind === "committed") return first;
    const own = await Promise.all(
      request.changes.map(async (c) => (await this.lastCommitTouching(request.expectedHead, c.path))?.sha),
    );
    return this.createCommit(request.branch, request.message, actions(own), {});
  }

  /**
   * One request: the commit on `parent` (start_sha) with force, which GitLab makes and points the
   * branch at together; a failure leaves the branch as it was. GitLab has no compare-and-swap on
   * a branch, so the head is checked just before: a push in the gap of one request is the window.
   */
  async replaceBranch(request: ReplaceBranchRequest): Promise<CommitOutcome> {
    const now = await this.branchHead(request.branch).catch((error: unknown) => {
      if (error instanceof BranchNotFoundError) return null;
      throw error;
    });
    if (now !== request.replaces)
      return {
        kind: "conflict",
        detail: `${request.branch} is at ${now?.slice(0, 12) ?? "nothing"}, not at ${request.replaces?.slice(0, 12) ?? "nothing"}`,
      };
    const actions = request.changes.map((c) => ({ action: "update" as const, filePath: c.path, content: c.content }));
    return this.createCommit(request.branch, request.message, actions, { startSha: request.parent, force: true });
  }

  private async createCommit(
    branch: string,
    message: string,
    actions: { action: "update"; filePath: string; content: string; lastCommitId?: string }[],
    options: { startSha?: string; force?: boolean },
  ): Promise<CommitOutcome> {
    try {
      const commit = await (await this.api()).Commits.create(this.repo, branch, message, actions, options);
      return { kind: "committed", sha: String(commit.id) };
    } catch (error) {
      const status = (error as { status?: number }).status;
      if ((status === 400 || status === 409) && CONFLICT.test((error as Error).message)) {
        return { kind: "conflict", detail: (error as Error).message };
      }
      throw this.describe(error, `commit to ${branch}`);
    }
  }

  async compare(base: string, head: string): Promise<BranchComparison> {
    const result = (await this.call(`compare ${base}...${head}`, async () =>
      (await this.api()).Repositories.compare(this.repo, base, head, { straight: false }),
    )) as unknown as {
      commits?: { id: string; author_name?: string; author_email?: string; message?: string }[];
      diffs?: { old_path: string; new_path: string }[];
    };
    // GitLab lists the compare's commits newest first.
    const commits = [...(result.commits ?? [])].reverse();
    return {
      commits: commits.map((c) => ({
        sha: c.id,
        author: `${c.author_name ?? "unknown"} <${c.author_email ?? ""}>`,
        message: c.message ?? "",
      })),
      files: [...new Set((result.diffs ?? []).flatMap((d) => [d.old_path, d.new_path]))],
    };
  }

  async changeRequestsFrom(head: string, base: string): Promise<ChangeRequestSummary[]> {
    const list = (await this.call(`find merge requests from ${head}`, async () =>
      (await this.api()).MergeRequests.all({
        projectId: this.repo,
        sourceBranch: head,
        targetBranch: base,
        orderBy: "created_at",
        sort: "desc",
        perPage: 30,
        maxPages: 1,
      }),
    )) as unknown as MergeRequestShape[];
    // GitLab matches source_branch by name in every project: an MR from a fork is not ours.
    return list
      .filter((mr) => mr.source_project_id === mr.target_project_id)
      .map((mr) => ({
        ...toChangeRequest(mr),
        state: mr.state === "merged" ? "merged" : mr.state === "opened" ? "open" : "closed",
        headSha: String(mr.sha ?? ""),
      }));
  }

  async createChangeRequest(input: ChangeRequestInput): Promise<ChangeRequest> {
    const reviewerIds = input.reviewers?.length ? await this.userIds(input.reviewers) : undefined;
    const title = input.draft && !/^draft:/i.test(input.title) ? `Draft: ${input.title}` : input.title;
    const mr = await this.call(`open a merge request from ${input.head}`, async () =>
      createOnce({
        what: `open a merge request from ${input.head}`,
        policy: this.policy,
        log: this.log,
        create: async () =>
          (await this.api()).MergeRequests.create(this.repo, input.head, input.base, title, {
            description: input.body,
            labels: input.labels?.length ? input.labels.join(",") : undefined,
            reviewerIds,
          }) as unknown as Promise<MergeRequestShape>,
        find: async () => {
          const open = (await this.changeRequestsFrom(input.head, input.base)).find((mr) => mr.state === "open");
          return open && this.mergeRequest(open.number);
        },
      }),
    );
    return toChangeRequest(mr);
  }

  async closeChangeRequest(number: number): Promise<void> {
    await this.call(`close merge request !${number}`, async () =>
      (await this.api()).MergeRequests.edit(this.repo, number, { stateEvent: "close" }),
    );
  }

  async lastCommitTouching(branch: string, path: string): Promise<{ sha: string; date: string } | undefined> {
    const commits = (await this.call(`find the last commit on ${branch} that changed ${path}`, async () =>
      (await this.api()).Commits.all(this.repo, { refName: branch, path, perPage: 1, maxPages: 1 }),
    )) as unknown as { id: string; committed_date?: string }[];
    const commit = commits[0];
    return commit && { sha: commit.id, date: commit.committed_date ?? "" };
  }

  /** GitLab takes reviewers as user ids: each name is looked up once. */
  private async userIds(usernames: string[]): Promise<number[]> {
    return Promise.all(
      usernames.map(async (username) => {
        const users = (await this.call(`look up user ${username}`, async () =>
          (await this.api()).Users.all({ username }),
        )) as unknown as { id: number }[];
        const user = users[0];
        if (!user) throw new ForgeError(`no GitLab user named "${username}" to ask for review`);
        return user.id;
      }),
    );
  }

  async updateChangeRequest(
    number: number,
    input: Pick<ChangeRequestInput, "title" | "body" | "labels">,
  ): Promise<ChangeRequest> {
    const mr = await this.call(`update merge request !${number}`, async () =>
      (await this.api()).MergeRequests.edit(this.repo, number, {
        title: input.title,
        description: input.body,
        addLabels: input.labels?.length ? input.labels.join(",") : undefined,
      }),
    );
    return toChangeRequest(mr as unknown as MergeRequestShape);
  }

  async getChangeRequest(number: number): Promise<ChangeRequestDetails> {
    const mr = await this.mergeRequest(number);
    return {
      ...toChangeRequest(mr),
      state: mr.state === "merged" ? "merged" : mr.state === "opened" ? "open" : "closed",
      headSha: String(mr.sha ?? ""),
      ...mergeability(mr),
    };
  }

  async comment(number: number, body: string): Promise<void> {
    const marked = withCommentId(body);
    await this.call(`comment on merge request !${number}`, async () =>
      createOnce({
        what: `comment on merge request !${number}`,
        policy: this.policy,
        log: this.log,
        create: async () => (await this.api()).MergeRequestNotes.create(this.repo, number, marked.body),
        find: async () =>
          (
            (await (await this.api()).MergeRequestNotes.all(this.repo, number, { perPage: 100 })) as unknown as {
              body: string;
            }[]
          ).find((n) => n.body.includes(marked.id)),
      }),
    );
  }

  async upsertComment(number: number, marker: string, body: string): Promise<"created" | "updated"> {
    const notes = (await this.call(`read notes of merge request !${number}`, async () =>
      (await this.api()).MergeRequestNotes.all(this.repo, number, { perPage: 100 }),
    )) as unknown as { id: number; body: string; system?: boolean }[];
    const mine = notes.find((n) => !n.system && n.body.includes(marker));
    if (!mine) {
      await this.comment(number, body);
      return "created";
    }
    await this.call(`update note ${mine.id} on merge request !${number}`, async () =>
      (await this.api()).MergeRequestNotes.edit(this.repo, number, mine.id, { body }),
    );
    return "updated";
  }

  /**
   * GitLab answers 409 "Another update to this commit status is in progress" while a pipeline
   * writes the same status: that is retried with backoff, within the retry policy.
   */
  async setCommitStatus(sha: string, check: CommitCheck & { state: StatusState }): Promise<void> {
    const state = check.state === "failure" ? "failed" : check.state;
    const what = `set status ${check.name} on ${sha.slice(0, 12)}`;
    let busy: unknown;
    // 409: GitLab is updating this status for another request; it answers the retry.
    await retry<boolean>(
      {
        ...planOf(this.policy),
        onWait: (n, delay) =>
          this.log(
            `status ${check.name} on ${sha.slice(0, 12)} is being updated elsewhere (409); retry ${n} in ${delay} ms`,
          ),
      },
      async () => {
        try {
          await (
            await this.api()
          ).Commits.editStatus(this.repo, sha, state, {
            name: check.name,
            description: check.description?.slice(0, 255),
            targetUrl: check.url,
          });
          return { done: true, value: true };
        } catch (error) {
          if ((error as { status?: number }).status !== 409) throw this.describe(error, what);
          busy = error;
          return { done: false, why: "409" };
        }
      },
      () => {
        throw this.describe(busy, what);
      },
    );
  }

  async listCommitChecks(sha: string): Promise<CommitCheck[]> {
    const statuses = (await this.call(`read statuses of ${sha.slice(0, 12)}`, async () =>
      (await this.api()).Commits.allStatuses(this.repo, sha),
    )) as unknown as GitLabStatus[];
    // Every status ever set, oldest first (ascending id); a name set twice (a push pipeline and
    // an MR pipeline) counts as its newest.
    const newest = new Map<string, GitLabStatus>();
    for (const s of statuses) {
      const seen = newest.get(s.name);
      if (!seen || (s.id ?? 0) >= (seen.id ?? 0)) newest.set(s.name, s);
    }
    return [...newest.values()].map((s) => ({
      name: s.name,
      state: statusState(s),
      description: s.description ?? undefined,
      url: s.target_url ?? undefined,
    }));
  }

  /** GitLab has no annotated checks: a commit status carries the verdict (findings go to Code Quality). */
  async publishCheck(sha: string, check: GateCheck): Promise<PublishedCheck> {
    await this.setCommitStatus(sha, {
      name: check.name,
      state: check.passed ? "success" : "failure",
      description: check.title,
      url: check.detailsUrl,
    });
    return { as: "commit-status", url: check.detailsUrl };
  }

  async merge(number: number, method: MergeMethod, expectedHeadSha: string): Promise<{ sha: string }> {
    // GitLab's merge method (merge commit, semi-linear, fast-forward) is a project setting;
    // squash is the only per-merge choice the API takes.
    const mr = (await this.call(`merge merge request !${number}`, async () =>
      (await this.api()).MergeRequests.accept(this.repo, number, { squash: method === "squash", sha: expectedHeadSha }),
    )) as unknown as { merge_commit_sha?: string; squash_commit_sha?: string; sha?: string };
    return { sha: String(mr.squash_commit_sha ?? mr.merge_commit_sha ?? mr.sha ?? "") };
  }

  async enableAutoMerge(number: number, method: MergeMethod, expectedHeadSha: string): Promise<void> {
    // Sent before the MR has a pipeline, auto_merge merges at once: refuse rather than merge untested.
    const mr = await this.mergeRequest(number);
    if (!mr.head_pipeline) {
      throw new NoPipelineYetError(
        `merge request !${number} has no pipeline yet; setting auto-merge now would merge it at once, untested`,
      );
    }
    await this.call(`enable auto-merge on !${number}`, async () =>
      (await this.api()).MergeRequests.accept(this.repo, number, {
        // auto_merge from GitLab 17.11; older releases read only merge_when_pipeline_succeeds
        // and take an unknown auto_merge as "merge now". Newer ones still read the old name.
        autoMerge: true,
        mergeWhenPipelineSucceeds: true,
        squash: method === "squash",
        sha: expectedHeadSha,
      }),
    );
  }

  private async mergeRequest(number: number): Promise<MergeRequestShape> {
    return (await this.call(`read merge request !${number}`, async () =>
      (await this.api()).MergeRequests.show(this.repo, number),
    )) as unknown as MergeRequestShape;
  }

  private async branchHead(branch: string): Promise<string> {
    try {
      const found = await (await this.api()).Branches.show(this.repo, branch);
      return String((found.commit as { id: string }).id);
    } catch (error) {
      if ((error as { status?: number }).status === 404 && /branch/i.test((error as Error).message)) {
        throw new BranchNotFoundError(`branch "${branch}" does not exist in ${this.repo}`, 404);
      }
      throw this.describe(error, `read ${branch}`);
    }
  }

  private async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await retryingFetch(
      this.graphqlUrl,
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query, variables }),
      },
      this.policy,
      this.log,
    );
    const body = (await response.json().catch(() => ({}))) as {
      data?: T;
      errors?: { message: string }[];
      message?: string;
    };
    if (!response.ok)
      throw this.describe(new HttpStatusError(body.message ?? response.statusText, response.status), "GraphQL read");
    if (body.errors?.length || !body.data) {
      throw new ForgeError(`reading ${this.repo} failed: ${(body.errors ?? []).map((e) => e.message).join("; ")}`);
    }
    return body.data;
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.describe(error, what);
    }
  }

  /**
   * The instance's release (`GET /version`, on every release; a mirror of `/metadata` from 15.5),
   * read once, before the first write: logged, and refused below the minimum. A token that may
   * not read it is no reason to stop; that is logged too.
   */
  private readonly release = once(async () => {
    let version: string | undefined;
    try {
      const response = await retryingFetch(
        `${this.host}/api/v4/version`,
        { headers: { "private-token": this.token } },
        this.policy,
        this.log,
      );
      if (response.ok) version = ((await response.json()) as { version?: string }).version;
      else this.log(`GitLab did not say its release (${response.status} on /version); going on`);
    } catch (error) {
      this.log(`GitLab did not say its release (${(error as Error).message}); going on`);
    }
    if (version) this.log(`host: ${checkRelease({ product: "GitLab", version }, this.host, "see docs/hosts.md")}`);
  });

  private describe(error: unknown, what: string): Error {
    return forgeErrorOf(error, what, {
      product: "GitLab",
      repo: this.repo,
      needs: "the api scope and Developer role or more",
    });
  }
}

/**
 * What `detailed_merge_status` says about merging now. Only these mean it cannot merge without
 * someone changing the MR; every other state (checking, unchecked, ci_still_running,
 * ci_must_pass, preparing, approvals_syncing, not_approved, policy states…) is a wait.
 */
const CANNOT_MERGE = new Set(["conflict", "need_rebase", "broken_status", "not_open", "draft_status"]);

function mergeability(mr: MergeRequestShape): Pick<ChangeRequestDetails, "mergeable" | "mergeState"> {
  const status = mr.detailed_merge_status;
  // Before GitLab 15.6 there is only merge_status: can_be_merged, cannot_be_merged, unchecked, checking.
  if (status === undefined) {
    const legacy = mr.merge_status;
    if (legacy === "can_be_merged") return { mergeable: true, mergeState: legacy };
    return { mergeable: legacy === "cannot_be_merged" ? false : undefined, mergeState: legacy };
  }
  if (status === "mergeable") return { mergeable: true, mergeState: status };
  return { mergeable: CANNOT_MERGE.has(status) ? false : undefined, mergeState: status };
}

interface GitLabStatus {
  id?: number;
  name: string;
  status: string;
  allow_failure?: boolean;
  description?: string | null;
  target_url?: string | null;
}

/** Jobs waiting for a person or a schedule, skipped, or allowed to fail block no merge on GitLab. */
function statusState(s: GitLabStatus): CheckState {
  if (s.status === "success") return "success";
  if (s.status === "failed") return s.allow_failure ? "neutral" : "failure";
  if (s.status === "canceled") return "failure";
  return ["manual", "skipped", "scheduled", "created"].includes(s.status) ? "neutral" : "pending";
}

function toChangeRequest(mr: MergeRequestShape): ChangeRequest {
  return { number: mr.iid, url: mr.web_url ?? mr.webUrl ?? "", title: mr.title, body: mr.description ?? "" };
}
