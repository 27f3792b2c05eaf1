import { forgeErrorOf } from "./error-mapping.js";
import {
  AlreadyMergeableError,
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
  type ReplaceBranchRequest,
} from "./forge.js";
import { withCommentId } from "./comment-id.js";
import { batchesOf } from "./batches.js";
import type { ContentLimit } from "./content-pacer.js";
import { createOnce } from "./create-once.js";
import { checkRelease, once } from "./host-release.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.js";
import { createGitHubClient, type GitHubClient } from "./github-client.js";

/** `file` fields per query: well under what GitHub serves before its 10 s timeout (the forge's model). */
const READ_BATCH = 100;

/** Files a GitHub comparison lists at most. */
const COMPARE_FILE_LIMIT = 300;
const ZERO_OID = "0".repeat(40);

export interface GitHubForgeOptions {
  /** `owner/name`. */
  repo: string;
  token: string;
  /** REST base URL: https://api.github.com, or https://<host>/api/v3 on GitHub Enterprise Server. */
  apiUrl: string;
  /** GraphQL endpoint; by default derived from apiUrl as GitHub does (…/api/v3 -> …/api/graphql). */
  graphqlUrl?: string;
  retry?: RetryPolicy;
  /** Where rate-limit waits and retries are reported. */
  log?: (message: string) => void;
  /** Pacing of content-creating requests; GitHub's documented secondary limits by default. */
  contentLimits?: ContentLimit[];
}

interface GraphqlErrorShape {
  type?: string;
  message?: string;
}

interface CommitFields {
  oid: string;
  [alias: string]: { object: { text: string | null; isBinary: boolean; isTruncated?: boolean } | null } | null | string;
}

/** GitHub through GraphQL (reads, atomic commits with expectedHeadOid) and REST (refs, pull requests). */
export class GitHubForge implements Forge {
  readonly kind = "github" as const;
  readonly repo: string;
  private readonly owner: string;
  private readonly name: string;
  private readonly octokit: GitHubClient;
  private readonly graphqlUrl: string;
  private readonly apiUrl: string;
  private readonly policy: RetryPolicy;
  private readonly log: (message: string) => void;

  constructor(options: GitHubForgeOptions) {
    const [owner, name, ...rest] = options.repo.split("/");
    if (!owner || !name || rest.length) throw new ForgeError(`GitHub repository "${options.repo}" must be owner/name`);
    this.repo = options.repo;
    this.owner = owner;
    this.name = name;
    const policy = options.retry ?? DEFAULT_RETRY_POLICY;
    const log = options.log ?? (() => undefined);
    this.policy = policy;
    this.log = log;
    const apiUrl = options.apiUrl.replace(/\/+$/, "");
    this.apiUrl = apiUrl;
    this.graphqlUrl = options.graphqlUrl ?? `${apiUrl.replace(/\/v3$/, "")}/graphql`;
    this.octokit = createGitHubClient({
      token: options.token,
      apiUrl,
      policy,
      log,
      contentLimits: options.contentLimits,
      onResponse: (headers) => this.noteRelease(headers),
      beforeWrite: () => this.releaseBeforeWriting(),
    });
  }

  /**
   * One query names the branch and reads the first READ_BATCH paths; the rest are read in
   * parallel batches from that same commit (`object(oid:)`), so the snapshot stays consistent
   * and no query grows to hundreds of `file` fields, which GitHub answers with a timeout.
   */
  async readFiles(branch: string, paths: string[]): Promise<BranchSnapshot> {
    const [first = [], ...rest] = batchesOf(paths, READ_BATCH);
    const data = await this.graphql<{ repository: { ref: { target: CommitFields } | null } | null }>(
      this.filesQuery("ref", first),
      { ...this.fileVariables(first), at: `refs/heads/${branch}` },
      `read ${branch}`,
    );
    const target = data.repository?.ref?.target;
    if (!target) throw new BranchNotFoundError(`branch "${branch}" does not exist in ${this.repo}`);
    const files = new Map<string, string>();
    this.collect(first, target, files);
    const more = await Promise.all(
      rest.map((batch) =>
        this.graphql<{ repository: { object: CommitFields } }>(
          this.filesQuery("object", batch),
          { ...this.fileVariables(batch), at: target.oid },
          `read ${branch} at ${target.oid.slice(0, 12)}`,
        ),
      ),
    );
    more.forEach((batch, i) => this.collect(rest[i] as string[], batch.repository.object, files));
    return { branch, head: target.oid, files };
  }

  /** The files of one commit: the branch's head (`$at` a ref name), or a commit by oid. */
  private filesQuery(at: "ref" | "object", paths: string[]): string {
    const declarations = paths.map((_, i) => `, $p${i}: String!`).join("");
    const fields = paths.map(
      (_, i) => `f${i}: file(path: $p${i}) { object { ... on Blob { text isBinary isTruncated } } }`,
    );
    const commit = `oid${fields.length ? ` ... on Commit { ${fields.join(" ")} }` : ""}`;
    const selection =
      at === "ref" ? `ref(qualifiedName: $at) { target { ${commit} } }` : `object(oid: $at) { ${commit} }`;
    return `query($owner: String!, $name: String!, $at: ${at === "ref" ? "String" : "GitObjectID"}!${declarations}) {
  repository(owner: $owner, name: $name) { ${selection} }
}`;
  }

  private fileVariables(paths: string[]): Record<string, string> {
    return { owner: this.owner, name: this.name, ...Object.fromEntries(paths.map((p, i) => [`p${i}`, p])) };
  }

  private collect(paths: string[], commit: CommitFields, into: Map<string, string>): void {
    paths.forEach((path, i) => {
      const entry = commit[`f${i}`];
      const blob = typeof entry === "object" ? entry?.object : undefined;
      if (!blob) return;
      if (blob.isBinary || blob.text === null) throw new ForgeError(`${path} in ${this.repo} is not a text file`);
      if (blob.isTruncated) throw new ForgeError(`${path} in ${this.repo} is too large to read through the API`);
      into.set(path, blob.text);
    });
  }

  async commitFiles(request: CommitRequest): Promise<CommitOutcome> {
    const [headline = "", ...rest] = request.message.split("\n");
    const input = {
      branch: { repositoryNameWithOwner: this.repo, branchName: request.branch },
      message: { headline, body: rest.join("\n").trim() },
      fileChanges: {
        additions: request.changes.map((c) => ({
          path: c.path,
          contents: Buffer.from(c.content, "utf8").toString("base64"),
        })),
      },
      expectedHeadOid: request.expectedHead,
    };
    const mutation = `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;
    try {
      const data = await this.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
        mutation,
        { input },
        `commit to ${request.branch}`,
        true,
      );
      return { kind: "committed", sha: data.createCommitOnBranch.commit.oid };
    } catch (error) {
      if (error instanceof StaleHead) return { kind: "conflict", detail: error.message };
      throw error;
    }
  }

  /**
   * The new commit is made with the Git Data API (tree on the parent's tree, commit with that one
   * parent), where nothing is visible yet; then one `updateRefs` moves the branch, only if it is
   * still at `replaces` (the zero oid: only if it does not exist). A fault anywhere before that
   * leaves the branch as it was; a push in between makes the update fail, not vanish.
   */
  async replaceBranch(request: ReplaceBranchRequest): Promise<CommitOutcome> {
    const repo = { owner: this.owner, repo: this.name };
    const parent = await this.rest(`read commit ${request.parent.slice(0, 12)}`, () =>
      this.octokit.rest.git.getCommit({ ...repo, commit_sha: request.parent }),
    );
    const tree = await this.rest(`write the tree for ${request.branch}`, () =>
      this.octokit.rest.git.createTree({
        ...repo,
        base_tree: parent.data.tree.sha,
        tree: request.changes.map((c) => ({
          path: c.path,
          mode: "100644" as const,
          type: "blob" as const,
          content: c.content,
        })),
      }),
    );
    const commit = await this.rest(`write the commit for ${request.branch}`, () =>
      this.octokit.rest.git.createCommit({
        ...repo,
        message: request.message,
        tree: tree.data.sha,
        parents: [request.parent],
      }),
    );
    const mutation = `mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }`;
    const update = {
      name: `refs/heads/${request.branch}`,
      afterOid: commit.data.sha,
      beforeOid: request.replaces ?? ZERO_OID,
      force: true,
    };
    try {
      await this.graphql(
        mutation,
        { input: { repositoryId: await this.repositoryId(), refUpdates: [update] } },
        `move ${request.branch}`,
        true,
      );
    } catch (error) {
      const now = await this.branchHeadOrNull(request.branch);
      if (now !== request.replaces)
        return {
          kind: "conflict",
          detail: `${request.branch} is at ${now?.slice(0, 12) ?? "nothing"}, not at ${request.replaces?.slice(0, 12) ?? "nothing"}`,
        };
      throw error;
    }
    return { kind: "committed", sha: commit.data.sha };
  }

  async compare(base: string, head: string): Promise<BranchComparison> {
    const { data } = await this.rest(`compare ${base}...${head}`, () =>
      this.octokit.rest.repos.compareCommitsWithBasehead({
        owner: this.owner,
        repo: this.name,
        basehead: `${base}...${head}`,
        per_page: 100,
      }),
    );
    // GitHub lists one page of commits and at most 300 files for a whole comparison.
    const files = data.files ?? [];
    const truncated =
      data.total_commits > data.commits.length
        ? `GitHub listed ${data.commits.length} of its ${data.total_commits} commits`
        : files.length >= COMPARE_FILE_LIMIT
          ? `GitHub lists at most ${COMPARE_FILE_LIMIT} of its changed files`
          : undefined;
    return {
      ...(truncated ? { truncated } : {}),
      commits: data.commits.map((c) => ({
        sha: c.sha,
        author: `${c.commit.author?.name ?? "unknown"} <${c.commit.author?.email ?? ""}>`,
        message: c.commit.message,
      })),
      files: files.flatMap((f) => (f.previous_filename ? [f.previous_filename, f.filename] : [f.filename])),
    };
  }

  async changeRequestsFrom(head: string, base: string): Promise<ChangeRequestSummary[]> {
    const { data } = await this.rest(`find pull requests from ${head}`, () =>
      this.octokit.rest.pulls.list({
        owner: this.owner,
        repo: this.name,
        head: `${this.owner}:${head}`,
        base,
        state: "all",
        per_page: 30,
      }),
    );
    // The head filter names the owner; the head repository must also be this one, not a fork.
    return data
      .filter((pr) => pr.head.repo?.full_name?.toLowerCase() === this.repo.toLowerCase())
      .map((pr) => summaryOf({ ...pr, merged: Boolean(pr.merged_at) }));
  }

  async createChangeRequest(input: ChangeRequestInput): Promise<ChangeRequest> {
    const { labels, reviewers, ...pull } = input;
    const data = await this.rest(`open a pull request from ${input.head}`, () =>
      createOnce({
        what: `open a pull request from ${input.head}`,
        policy: this.policy,
        log: this.log,
        create: async () =>
          (await this.octokit.rest.pulls.create({ owner: this.owner, repo: this.name, ...pull })).data,
        find: async () => {
          const open = (await this.changeRequestsFrom(input.head, input.base)).find((pr) => pr.state === "open");
          return (
            open &&
            (await this.octokit.rest.pulls.get({ owner: this.owner, repo: this.name, pull_number: open.number })).data
          );
        },
      }),
    );
    const issue = { owner: this.owner, repo: this.name, issue_number: data.number };
    if (labels?.length)
      await this.rest(`label pull request #${data.number}`, () =>
        this.octokit.rest.issues.addLabels({ ...issue, labels }),
      );
    if (reviewers?.length)
      await this.rest(`request reviewers on pull request #${data.number}`, () =>
        this.octokit.rest.pulls.requestReviewers({
          owner: this.owner,
          repo: this.name,
          pull_number: data.number,
          reviewers,
        }),
      );
    return { number: data.number, url: data.html_url, title: data.title, body: data.body ?? "" };
  }

  async updateChangeRequest(
    number: number,
    input: Pick<ChangeRequestInput, "title" | "body" | "labels">,
  ): Promise<ChangeRequest> {
    const { data } = await this.rest(`update pull request #${number}`, () =>
      this.octokit.rest.pulls.update({
        owner: this.owner,
        repo: this.name,
        pull_number: number,
        title: input.title,
        body: input.body,
      }),
    );
    if (input.labels?.length) {
      const labels = input.labels;
      await this.rest(`label pull request #${number}`, () =>
        this.octokit.rest.issues.addLabels({ owner: this.owner, repo: this.name, issue_number: number, labels }),
      );
    }
    return { number: data.number, url: data.html_url, title: data.title, body: data.body ?? "" };
  }

  async closeChangeRequest(number: number): Promise<void> {
    await this.rest(`close pull request #${number}`, () =>
      this.octokit.rest.pulls.update({ owner: this.owner, repo: this.name, pull_number: number, state: "closed" }),
    );
  }

  async lastCommitTouching(branch: string, path: string): Promise<{ sha: string; date: string } | undefined> {
    const { data } = await this.rest(`find the last commit on ${branch} that changed ${path}`, () =>
      this.octokit.rest.repos.listCommits({ owner: this.owner, repo: this.name, sha: branch, path, per_page: 1 }),
    );
    const commit = data[0];
    return commit && { sha: commit.sha, date: commit.commit.committer?.date ?? commit.commit.author?.date ?? "" };
  }

  async getChangeRequest(number: number): Promise<ChangeRequestDetails> {
    const { data } = await this.rest(`read pull request #${number}`, () =>
      this.octokit.rest.pulls.get({ owner: this.owner, repo: this.name, pull_number: number }),
    );
    return { ...summaryOf(data), mergeable: data.mergeable ?? undefined };
  }

  async comment(number: number, body: string): Promise<void> {
    const marked = withCommentId(body);
    const issue = { owner: this.owner, repo: this.name, issue_number: number };
    await this.rest(`comment on pull request #${number}`, () =>
      createOnce({
        what: `comment on pull request #${number}`,
        policy: this.policy,
        log: this.log,
        create: async () => (await this.octokit.rest.issues.createComment({ ...issue, body: marked.body })).data,
        find: async () =>
          (await this.octokit.paginate(this.octokit.rest.issues.listComments, { ...issue, per_page: 100 })).find((c) =>
            c.body?.includes(marked.id),
          ),
      }),
    );
  }

  async upsertComment(number: number, marker: string, body: string): Promise<"created" | "updated"> {
    const comments = await this.rest(`read comments of pull request #${number}`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, {
        owner: this.owner,
        repo: this.name,
        issue_number: number,
        per_page: 100,
      }),
    );
    const mine = comments.find((c) => c.body?.includes(marker));
    if (!mine) {
      await this.comment(number, body);
      return "created";
    }
    await this.rest(`update comment ${mine.id} on pull request #${number}`, () =>
      this.octokit.rest.issues.updateComment({ owner: this.owner, repo: this.name, comment_id: mine.id, body }),
    );
    return "updated";
  }

  async setCommitStatus(sha: string, check: CommitCheck & { state: StatusState }): Promise<void> {
    const state = check.state === "failure" ? "failure" : check.state;
    await this.rest(`set status ${check.name} on ${sha.slice(0, 12)}`, () =>
      this.octokit.rest.repos.createCommitStatus({
        owner: this.owner,
        repo: this.name,
        sha,
        state,
        context: check.name,
        description: check.description?.slice(0, 140),
        target_url: check.url,
      }),
    );
  }

  /** Every page of both: a commit with more than 100 statuses or check runs hides the rest otherwise. */
  async listCommitChecks(sha: string): Promise<CommitCheck[]> {
    const repo = { owner: this.owner, repo: this.name, ref: sha, per_page: 100 };
    const [statuses, runs] = await Promise.all([
      this.rest(`read statuses of ${sha.slice(0, 12)}`, () => this.combinedStatuses(sha)),
      this.rest(`read check runs of ${sha.slice(0, 12)}`, () =>
        this.octokit.paginate(this.octokit.rest.checks.listForRef, repo),
      ),
    ]);
    return [
      ...statuses.map((s) => ({
        name: s.context,
        state: (s.state === "success" ? "success" : s.state === "pending" ? "pending" : "failure") as CheckState,
        description: s.description ?? undefined,
        url: s.target_url ?? undefined,
      })),
      ...runs.map((r) => ({
        name: r.name,
        state: checkRunState(r.status, r.conclusion),
        description: r.output?.title ?? undefined,
        url: r.html_url ?? undefined,
      })),
    ];
  }

  /** The combined status is not a plain list (octokit.paginate cannot walk it): its pages, by number. */
  private async combinedStatuses(sha: string) {
    const all = [];
    for (let page = 1; ; page++) {
      const { data } = await this.octokit.rest.repos.getCombinedStatusForRef({
        owner: this.owner,
        repo: this.name,
        ref: sha,
        per_page: 100,
        page,
      });
      all.push(...data.statuses);
      if (data.statuses.length < 100 || all.length >= data.total_count) return all;
    }
  }

  /**
   * A check run with every finding as an annotation. Only GitHub Apps may write check runs (a
   * PAT or OAuth token is refused, whatever its scopes): then the verdict becomes a commit status
   * of the same name, which branch protection can require just the same, without annotations.
   */
  async publishCheck(sha: string, check: GateCheck): Promise<PublishedCheck> {
    try {
      return { as: "check-run", url: await this.createCheckRun(sha, check) };
    } catch (error) {
      if (!(error instanceof ChecksNeedAppError)) throw error;
      await this.setCommitStatus(sha, {
        name: check.name,
        state: check.passed ? "success" : "failure",
        description: check.title,
        url: check.detailsUrl,
      });
      return {
        as: "commit-status",
        url: check.detailsUrl,
        fallback: `GitHub lets only GitHub App tokens create check runs (${error.message}): published the commit status ${check.name} instead, which branch protection can require the same way; its findings are not annotated on the diff. Use Actions' GITHUB_TOKEN or a GitHub App installation token for the check run.`,
      };
    }
  }

  /** GitHub accepts at most 50 annotations per request: the first batch creates the run, the rest update it. */
  private async createCheckRun(sha: string, check: GateCheck): Promise<string | undefined> {
    const batches = batchesOf(check.annotations, 50);
    const output = (annotations: GateCheck["annotations"]) => ({
      title: check.title,
      summary: check.summary.slice(0, 65_000),
      annotations: annotations.map((a) => ({
        path: a.path,
        start_line: a.line,
        end_line: a.line,
        start_column: a.column,
        end_column: a.column,
        annotation_level: a.level,
        title: a.title,
        message: a.message,
      })),
    });
    const { data } = await this.checksCall(`create check run ${check.name}`, () =>
      this.octokit.rest.checks.create({
        owner: this.owner,
        repo: this.name,
        name: check.name,
        head_sha: sha,
        status: "completed",
        conclusion: check.passed ? "success" : "failure",
        details_url: check.detailsUrl,
        output: output(batches[0] ?? []),
      }),
    );
    for (const batch of batches.slice(1)) {
      await this.checksCall(`add annotations to check run ${check.name}`, () =>
        this.octokit.rest.checks.update({
          owner: this.owner,
          repo: this.name,
          check_run_id: data.id,
          output: output(batch),
        }),
      );
    }
    return data.html_url ?? undefined;
  }

  /** The checks API's 403 for a token that is not an App's is its own error, so the caller can fall back. */
  private async checksCall<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const message = (error as { response?: { data?: { message?: string } } }).response?.data?.message ?? "";
      if ((error as { status?: number }).status === 403 && /GitHub App|personal access token/i.test(message))
        throw new ChecksNeedAppError(`403 ${message}`);
      throw this.describe(error, what);
    }
  }

  async merge(number: number, method: MergeMethod, expectedHeadSha: string): Promise<{ sha: string }> {
    const { data } = await this.rest(`merge pull request #${number}`, () =>
      this.octokit.rest.pulls.merge({
        owner: this.owner,
        repo: this.name,
        pull_number: number,
        merge_method: method,
        sha: expectedHeadSha,
      }),
    );
    return { sha: data.sha };
  }

  async enableAutoMerge(number: number, method: MergeMethod, expectedHeadSha: string): Promise<void> {
    const { data } = await this.rest(`read pull request #${number}`, () =>
      this.octokit.rest.pulls.get({ owner: this.owner, repo: this.name, pull_number: number }),
    );
    const mutation = `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!, $head: GitObjectID!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod, expectedHeadOid: $head }) { clientMutationId }
}`;
    try {
      await this.graphql(
        mutation,
        { id: data.node_id, mergeMethod: method.toUpperCase(), head: expectedHeadSha },
        `enable auto-merge on #${number}`,
      );
    } catch (error) {
      const message = (error as Error).message;
      if (/auto ?merge is not allowed|not allowed for this repository/i.test(message)) {
        throw new ForgeError(
          `${this.repo} does not allow auto-merge: enable "Allow auto-merge" in the repository settings (${message})`,
        );
      }
      if (/(clean|unstable) status/i.test(message))
        throw new AlreadyMergeableError(
          `#${number} can merge now: GitHub has no required check to wait for (${message})`,
        );
      if (/protected branch rules/i.test(message)) {
        throw new ForgeError(
          `auto-merge needs branch protection with required checks on the base branch of #${number}; without it GitHub merges only by hand (${message})`,
        );
      }
      throw error;
    }
  }

  private release?: string;

  /**
   * GHES names its release on every response (`x-github-enterprise-version`); github.com sends
   * none. Noted from the first answer, logged, and refused below the minimum.
   */
  private noteRelease(headers: Record<string, unknown>): void {
    if (this.release) return;
    const version = headers["x-github-enterprise-version"];
    this.release = checkRelease(
      typeof version === "string" ? { product: "GitHub Enterprise Server", version } : { product: "github.com" },
      this.apiUrl,
      "GraphQL updateRefs moves promotion branches",
    );
    this.log(`host: ${this.release}`);
  }

  /** A run whose first request writes asks `GET /meta` first, so an unsupported release writes nothing. */
  private readonly releaseBeforeWriting = once(async () => {
    if (!this.release) await this.rest("read the host's release", () => this.octokit.rest.meta.get());
  });

  private repositoryNodeId?: Promise<string>;

  /** The repository's GraphQL node id, which updateRefs takes; read once. */
  private repositoryId(): Promise<string> {
    this.repositoryNodeId ??= this.graphql<{ repository: { id: string } | null }>(
      `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id } }`,
      { owner: this.owner, name: this.name },
      "read the repository id",
    ).then((data) => {
      if (!data.repository) throw new ForgeError(`repository ${this.repo} not found, or the token cannot see it`, 404);
      return data.repository.id;
    });
    return this.repositoryNodeId;
  }

  private async branchHeadOrNull(branch: string): Promise<string | null> {
    try {
      return (await this.readFiles(branch, [])).head;
    } catch (error) {
      if (error instanceof BranchNotFoundError) return null;
      throw error;
    }
  }

  private async rest<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw this.describe(error, what);
    }
  }

  private async graphql<T>(
    query: string,
    variables: Record<string, unknown>,
    what: string,
    mutation = false,
  ): Promise<T> {
    try {
      // @octokit/graphql posts to `${baseUrl}/graphql`.
      return await this.octokit.graphql<T>(query, { ...variables, baseUrl: this.graphqlUrl.replace(/\/graphql$/, "") });
    } catch (error) {
      const errors = (error as { errors?: GraphqlErrorShape[] }).errors;
      if (mutation && errors?.some((e) => e.type === "STALE_DATA"))
        throw new StaleHead(errors[0]?.message ?? "stale head");
      if (errors?.some((e) => e.type === "NOT_FOUND")) {
        throw new ForgeError(
          `${what}: repository ${this.repo} not found, or the token cannot see it (${errors[0]?.message})`,
          404,
        );
      }
      if (errors?.length)
        throw new ForgeError(`${what} in ${this.repo} failed: ${errors.map((e) => e.message).join("; ")}`);
      throw this.describe(error, what);
    }
  }

  private describe(error: unknown, what: string): Error {
    return forgeErrorOf(error, what, {
      product: "GitHub",
      repo: this.repo,
      needs: "contents and pull-requests write access",
    });
  }
}

interface PullShape {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  state: string;
  merged: boolean;
  head: { sha: string };
}

function summaryOf(pr: PullShape): ChangeRequestSummary {
  return {
    number: pr.number,
    url: pr.html_url,
    title: pr.title,
    body: pr.body ?? "",
    state: pr.merged ? "merged" : pr.state === "open" ? "open" : "closed",
    headSha: pr.head.sha,
  };
}

/** A check run is pending until completed; neutral and skipped block nothing and pass nothing. */
function checkRunState(status: string, conclusion: string | null): CheckState {
  if (status !== "completed") return "pending";
  if (conclusion === "success") return "success";
  return conclusion === "neutral" || conclusion === "skipped" ? "neutral" : "failure";
}

/** Whether a request changes something: any REST method but GET/HEAD, and GraphQL mutations. */

/** The checks API refused the token because it is not a GitHub App's. */
class ChecksNeedAppError extends Error {}

/** createCommitOnBranch's STALE_DATA: the branch head is no longer the expected one. */
class StaleHead extends Error {}
