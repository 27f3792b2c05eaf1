import path from "node:path";
import { buildSchema, GraphQLError, graphql } from "graphql";
import type { GitStore } from "./git-store.js";
import type { ForkChangeRequest } from "./other-users.js";
import { type Access, type ForgeRequest, type ForgeResponse, json, parseJson, type Route, route } from "./http-kit.js";

const DOCS = "https://docs.github.com/rest";

// The subset of GitHub's GraphQL schema the suite uses, with GitHub's names and shapes.
const schema = buildSchema(`
  type Query { repository(owner: String!, name: String!): Repository }
  type Mutation {
    createCommitOnBranch(input: CreateCommitOnBranchInput!): CreateCommitOnBranchPayload
    enablePullRequestAutoMerge(input: EnablePullRequestAutoMergeInput!): EnablePullRequestAutoMergePayload
    updateRefs(input: UpdateRefsInput!): UpdateRefsPayload
  }
  scalar GitObjectID
  scalar GitRefname
  input UpdateRefsInput { repositoryId: ID! refUpdates: [RefUpdate!]! clientMutationId: String }
  input RefUpdate { name: GitRefname! afterOid: GitObjectID! beforeOid: GitObjectID force: Boolean }
  type UpdateRefsPayload { clientMutationId: String }
  enum PullRequestMergeMethod { MERGE SQUASH REBASE }
  input EnablePullRequestAutoMergeInput { pullRequestId: ID! mergeMethod: PullRequestMergeMethod expectedHeadOid: GitObjectID clientMutationId: String }
  type EnablePullRequestAutoMergePayload { clientMutationId: String }
  type Repository { id: ID! nameWithOwner: String! ref(qualifiedName: String!): Ref object(oid: GitObjectID, expression: String): GitObject }
  type Ref { name: String! prefix: String! target: GitObject }
  interface GitObject { oid: String! }
  type Commit implements GitObject { oid: String! message: String! file(path: String!): TreeEntry }
  type Blob implements GitObject { oid: String! text: String isBinary: Boolean isTruncated: Boolean! byteSize: Int! }
  type TreeEntry { path: String name: String! object: GitObject }
  input CreateCommitOnBranchInput {
    branch: CommittableBranch!
    message: CommitMessage!
    fileChanges: FileChanges
    expectedHeadOid: String!
    clientMutationId: String
  }
  input CommittableBranch { repositoryNameWithOwner: String branchName: String id: ID }
  input CommitMessage { headline: String! body: String }
  input FileChanges { additions: [FileAddition!] deletions: [FileDeletion!] }
  input FileAddition { path: String! contents: String! }
  input FileDeletion { path: String! }
  type CreateCommitOnBranchPayload { clientMutationId: String commit: Commit ref: Ref }
`);

interface CheckRun {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  annotations: unknown[];
}

/** `file(path:)` fields one query may hold before the forge answers as GitHub does on a timeout. */
const MAX_FILE_FIELDS = 250;

/** GitHub's limit per create/update request. */
const MAX_ANNOTATIONS = 50;

interface PullRequest {
  number: number;
  state: "open" | "closed";
  merged: boolean;
  merge_commit_sha: string | null;
  auto_merge: { merge_method: string } | null;
  draft: boolean;
  labels: string[];
  reviewers: string[];
  title: string;
  body: string;
  head: string;
  /** `owner/name` of the repository the head branch lives in: this one, or a fork. */
  headRepo: string;
  base: string;
  created_at: string;
  updated_at: string;
}

/** How the GitHub side behaves: the kind of token it was given, and github.com or a GHES release. */
export interface GitHubModel {
  /**
   * `app`: a GitHub App installation token, as Actions' GITHUB_TOKEN is (the default);
   * `pat`: a personal access token, which GitHub lets do everything but create check runs.
   */
  tokenKind?: "app" | "pat";
  /** Answer as GitHub Enterprise Server of this release (`3.17.0`); github.com when absent. */
  enterpriseVersion?: string;
  /** The secondary limit on content-creating requests; GitHub's 80 a minute by default. */
  contentLimit?: { requests: number; windowMs: number };
}

/** GitHub's REST (`/github/api/v3`) and GraphQL (`/github/api/graphql`) over the git store. */
export class GitHubApi {
  private readonly pulls = new Map<string, PullRequest[]>();
  /** Required status checks per `repo:branch` (branch protection or a ruleset); none by default. */
  private readonly protections = new Map<string, string[]>();
  private readonly GIT_AUTHOR = { name: "gitops-ci", email: "gitops-ci@users.noreply.github.com" };
  private readonly comments = new Map<string, { id: number; body: string; created_at: string }[]>();
  private readonly statuses = new Map<
    string,
    {
      id: number;
      state: string;
      context: string;
      description: string | null;
      target_url: string | null;
      created_at: string;
    }[]
  >();
  private readonly checkRuns = new Map<string, CheckRun[]>();
  private nextId = 1;
  private remaining = 5000;

  constructor(
    private readonly store: GitStore,
    private readonly tokens: Map<string, Access>,
    private readonly baseUrl: () => string,
    private readonly model: GitHubModel = {},
  ) {}

  /** What GitHub answers a token that lacks a permission; the wording names the token's kind. */
  private get forbidden(): string {
    return this.model.tokenKind === "pat"
      ? "Resource not accessible by personal access token"
      : "Resource not accessible by integration";
  }

  private readonly contentWrites: number[] = [];
  /** Requests refused for the content-creation limit, for tests that prove a run stayed below it. */
  contentLimited = 0;

  /**
   * GitHub's secondary limit on requests that create content (any REST method but GET, and
   * GraphQL mutations): over it, a 403 with `retry-after`, and the request does nothing.
   */
  contentLimit(req: ForgeRequest): ForgeResponse | undefined {
    const mutation = req.url.pathname.endsWith("/graphql") && /^\s*mutation\b/.test(String(parseJson(req).query ?? ""));
    if (req.method === "GET" || (req.url.pathname.endsWith("/graphql") && !mutation)) return undefined;
    const { requests, windowMs } = this.model.contentLimit ?? { requests: 80, windowMs: 60_000 };
    const now = Date.now();
    while (this.contentWrites.length && (this.contentWrites[0] as number) <= now - windowMs) this.contentWrites.shift();
    if (this.contentWrites.length < requests) {
      this.contentWrites.push(now);
      return undefined;
    }
    this.contentLimited++;
    const retryAfter = Math.ceil(((this.contentWrites[0] as number) + windowMs - now) / 1000);
    return json(
      403,
      {
        message:
          "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later. If you reach out to GitHub Support for help, please include the request ID.",
        documentation_url:
          "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
        status: "403",
      },
      { "retry-after": String(retryAfter) },
    );
  }

  /** GHES names its release on every API response; github.com sends no such header. */
  flavourHeaders(): Record<string, string> {
    return this.model.enterpriseVersion ? { "x-github-enterprise-version": this.model.enterpriseVersion } : {};
  }

  routes(): Route[] {
    const v3 = "/github/api/v3";
    return [
      route("GET", `${v3}/meta`, () => json(200, this.meta())),
      route("POST", "/github/api/graphql", (r) => this.graphql(r)),
      route("GET", `${v3}/repos/:owner/:repo`, (r) => this.withRepo(r, "read", (repo) => this.repository(repo))),
      route("POST", `${v3}/repos/:owner/:repo/git/refs`, (r) =>
        this.withRepo(r, "write", (repo, dir) => this.createRef(r, repo, dir)),
      ),
      route("PATCH", `${v3}/repos/:owner/:repo/git/refs/*ref`, (r) =>
        this.withRepo(r, "write", (repo, dir) => this.updateRef(r, repo, dir)),
      ),
      route("GET", `${v3}/repos/:owner/:repo/pulls`, (r) =>
        this.withRepo(r, "read", (repo) => this.listPulls(r, repo)),
      ),
      route("POST", `${v3}/repos/:owner/:repo/pulls`, (r) =>
        this.withRepo(r, "write", (repo, dir) => this.createPull(r, repo, dir)),
      ),
      route("GET", `${v3}/repos/:owner/:repo/pulls/:number`, (r) =>
        this.withRepo(r, "read", (repo) => this.getPull(r, repo)),
      ),
      route("PATCH", `${v3}/repos/:owner/:repo/pulls/:number`, (r) =>
        this.withRepo(r, "write", (repo) => this.updatePull(r, repo)),
      ),
      route("PUT", `${v3}/repos/:owner/:repo/pulls/:number/merge`, (r) =>
        this.withRepo(r, "write", (repo, dir) => this.mergePull(r, repo, dir)),
      ),
      route("POST", `${v3}/repos/:owner/:repo/issues/:number/comments`, (r) =>
        this.withRepo(r, "write", (repo) => this.addComment(r, repo)),
      ),
      route("GET", `${v3}/repos/:owner/:repo/issues/:number/comments`, (r) =>
        this.withRepo(r, "read", (repo) => json(200, this.comments.get(`${repo}#${r.params.number}`) ?? [])),
      ),
      route("POST", `${v3}/repos/:owner/:repo/issues/:number/labels`, (r) =>
        this.withRepo(r, "write", (repo) => this.addLabels(r, repo)),
      ),
      route("POST", `${v3}/repos/:owner/:repo/pulls/:number/requested_reviewers`, (r) =>
        this.withRepo(r, "write", (repo) => this.requestReviewers(r, repo)),
      ),
      route("GET", `${v3}/repos/:owner/:repo/compare/*basehead`, (r) =>
        this.withRepo(r, "read", (repo, dir) => this.compare(r, repo, dir)),
      ),
      route("GET", `${v3}/repos/:owner/:repo/git/commits/:sha`, (r) =>
        this.withRepo(r, "read", (repo, dir) => this.gitCommit(r, repo, dir)),
      ),
      route("POST", `${v3}/repos/:owner/:repo/git/trees`, (r) =>
        this.withRepo(r, "write", (_repo, dir) => this.createTree(r, dir)),
      ),
      route("POST", `${v3}/repos/:owner/:repo/git/commits`, (r) =>
        this.withRepo(r, "write", (repo, dir) => this.createGitCommit(r, repo, dir)),
      ),
      route("GET", `${v3}/repos/:owner/:repo/commits`, (r) =>
        this.withRepo(r, "read", (repo, dir) => this.listCommits(r, dir)),
      ),
      route("PATCH", `${v3}/repos/:owner/:repo/issues/comments/:id`, (r) =>
        this.withRepo(r, "write", (repo) => this.updateComment(r, repo)),
      ),
      route("POST", `${v3}/repos/:owner/:repo/statuses/:sha`, (r) =>
        this.withRepo(r, "write", (repo) => this.addStatus(r, repo)),
      ),
      route("GET", `${v3}/repos/:owner/:repo/commits/:ref/status`, (r) =>
        this.withRepo(r, "read", (repo) => this.combinedStatus(r, repo)),
      ),
      route("POST", `${v3}/repos/:owner/:repo/check-runs`, (r) =>
        this.withRepo(r, "write", (repo) => this.addCheckRun(r, repo)),
      ),
      route("GET", `${v3}/repos/:owner/:repo/commits/:ref/check-runs`, (r) =>
        this.withRepo(r, "read", (repo) => this.listCheckRuns(r, repo)),
      ),
      route("PATCH", `${v3}/repos/:owner/:repo/check-runs/:id`, (r) =>
        this.withRepo(r, "write", (repo) => this.updateCheckRun(r, repo)),
      ),
      route("GET", `${v3}/repos/:owner/:repo/check-runs/:id/annotations`, (r) =>
        this.withRepo(r, "read", (repo) => json(200, this.findCheckRun(r, repo)?.annotations ?? [])),
      ),
    ];
  }

  /** GitHub sends its rate-limit headers on every API response. */
  rateLimitHeaders(resource: "core" | "graphql"): Record<string, string> {
    this.remaining = Math.max(0, this.remaining - 1);
    return {
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": String(this.remaining),
      "x-ratelimit-used": String(5000 - this.remaining),
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 3600),
      "x-ratelimit-resource": resource,
    };
  }

  private authenticate(req: ForgeRequest): Access | ForgeResponse {
    const header = req.headers.authorization ?? "";
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(header)?.[1];
    if (!header) return json(401, { message: "Requires authentication", documentation_url: DOCS, status: "401" });
    const access = token ? this.tokens.get(token) : undefined;
    return access ?? json(401, { message: "Bad credentials", documentation_url: DOCS, status: "401" });
  }

  private async withRepo(
    req: ForgeRequest,
    needed: Access,
    handler: (repo: string, dir: string) => Promise<ForgeResponse> | ForgeResponse,
  ): Promise<ForgeResponse> {
    const access = this.authenticate(req);
    if (typeof access !== "string") return access;
    const repo = `${req.params.owner}/${req.params.repo}`;
    const dir = this.store.dir(repo);
    if (!dir) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    if (needed === "write" && access !== "write") {
      return json(403, {
        message: this.forbidden,
        documentation_url: DOCS,
        status: "403",
      });
    }
    return handler(repo, dir);
  }

  /** `GET /meta`: GHES adds the installed release. */
  private meta() {
    return {
      verifiable_password_authentication: false,
      ...(this.model.enterpriseVersion ? { installed_version: this.model.enterpriseVersion } : {}),
    };
  }

  private repository(repo: string): ForgeResponse {
    const [owner, name] = repo.split("/");
    return json(200, {
      id: 1,
      name,
      full_name: repo,
      owner: { login: owner },
      default_branch: "main",
      html_url: `${this.baseUrl()}/github/${repo}`,
    });
  }

  private async createRef(req: ForgeRequest, repo: string, dir: string): Promise<ForgeResponse> {
    const body = parseJson(req);
    const ref = String(body.ref ?? "");
    const sha = String(body.sha ?? "");
    if (!ref.startsWith("refs/heads/") || !(await this.store.commitExists(dir, sha))) {
      return json(422, { message: "Reference update failed", documentation_url: DOCS, status: "422" });
    }
    const created = await this.store.compareAndSwap(dir, ref.slice("refs/heads/".length), sha, null);
    if (!created) return json(422, { message: "Reference already exists", documentation_url: DOCS, status: "422" });
    return json(201, this.refObject(repo, ref, sha));
  }

  private async updateRef(req: ForgeRequest, repo: string, dir: string): Promise<ForgeResponse> {
    const body = parseJson(req);
    const ref = String(req.params.ref);
    const sha = String(body.sha ?? "");
    if (!ref.startsWith("heads/"))
      return json(422, { message: "Reference does not exist", documentation_url: DOCS, status: "422" });
    const branch = ref.slice("heads/".length);
    const current = await this.store.head(dir, branch);
    if (!current) return json(422, { message: "Reference does not exist", documentation_url: DOCS, status: "422" });
    if (!(await this.store.commitExists(dir, sha)))
      return json(422, { message: "Object does not exist", documentation_url: DOCS, status: "422" });
    if (body.force !== true) {
      if (!(await this.store.isAncestor(dir, current, sha)))
        return json(422, { message: "Update is not a fast forward", documentation_url: DOCS, status: "422" });
    }
    await this.store.setBranch(dir, branch, sha);
    return json(200, this.refObject(repo, `refs/${ref}`, sha));
  }

  private refObject(repo: string, ref: string, sha: string) {
    return {
      ref,
      node_id: "REF",
      url: `${this.baseUrl()}/github/api/v3/repos/${repo}/git/${ref}`,
      object: { sha, type: "commit", url: `${this.baseUrl()}/github/api/v3/repos/${repo}/git/commits/${sha}` },
    };
  }

  private prsOf(repo: string): PullRequest[] {
    let list = this.pulls.get(repo);
    if (!list) this.pulls.set(repo, (list = []));
    return list;
  }

  private pullObject(repo: string, pr: PullRequest, headSha = "") {
    const [owner] = repo.split("/");
    const [headOwner] = pr.headRepo.split("/");
    return {
      id: pr.number,
      node_id: pullNodeId(repo, pr.number),
      number: pr.number,
      state: pr.state,
      title: pr.title,
      body: pr.body,
      draft: pr.draft,
      labels: pr.labels.map((name) => ({ name })),
      requested_reviewers: pr.reviewers.map((login) => ({ login })),
      merged: pr.merged,
      merged_at: pr.merged ? pr.updated_at : null,
      mergeable: pr.state === "open" ? true : null,
      merge_commit_sha: pr.merge_commit_sha,
      auto_merge: pr.auto_merge,
      html_url: `${this.baseUrl()}/github/${repo}/pull/${pr.number}`,
      url: `${this.baseUrl()}/github/api/v3/repos/${repo}/pulls/${pr.number}`,
      head: { ref: pr.head, label: `${headOwner}:${pr.head}`, sha: headSha, repo: { full_name: pr.headRepo } },
      base: { ref: pr.base, label: `${owner}:${pr.base}`, repo: { full_name: repo } },
      user: { login: "gitops-ci" },
      created_at: pr.created_at,
      updated_at: pr.updated_at,
    };
  }

  private async listPulls(req: ForgeRequest, repo: string): Promise<ForgeResponse> {
    const q = req.url.searchParams;
    const state = q.get("state") ?? "open";
    const head = q.get("head");
    const base = q.get("base");
    // `head` is `user:ref`: the owner of the head repository, so a fork's PR has another label.
    const list = this.prsOf(repo).filter(
      (pr) =>
        (state === "all" || pr.state === state) &&
        (!head || `${pr.headRepo.split("/")[0]}:${pr.head}` === head) &&
        (!base || pr.base === base),
    );
    // GitHub sorts by creation, newest first, unless told otherwise.
    const dir = this.store.dir(repo) as string;
    const shown = await Promise.all(
      [...list].reverse().map(async (pr) => this.pullObject(repo, pr, await this.headOf(dir, pr))),
    );
    return json(200, shown);
  }

  private async createPull(req: ForgeRequest, repo: string, dir: string): Promise<ForgeResponse> {
    const body = parseJson(req);
    const head = String(body.head ?? "").replace(/^[^:]+:/, "");
    const base = String(body.base ?? "");
    const invalid = (message: string) =>
      json(422, {
        message: "Validation Failed",
        errors: [{ resource: "PullRequest", code: "custom", message }],
        documentation_url: DOCS,
        status: "422",
      });
    if (!body.title) return invalid("title is missing");
    if (!(await this.store.head(dir, head))) return invalid(`head ref ${head} does not exist`);
    if (!(await this.store.head(dir, base))) return invalid(`base ref ${base} does not exist`);
    const [owner] = repo.split("/");
    if (
      this.prsOf(repo).some((pr) => pr.state === "open" && pr.headRepo === repo && pr.head === head && pr.base === base)
    ) {
      return invalid(`A pull request already exists for ${owner}:${head}.`);
    }
    const now = new Date().toISOString();
    const pr: PullRequest = {
      number: this.prsOf(repo).length + 1,
      state: "open",
      merged: false,
      merge_commit_sha: null,
      auto_merge: null,
      draft: body.draft === true,
      labels: [],
      reviewers: [],
      title: String(body.title),
      body: String(body.body ?? ""),
      head,
      headRepo: repo,
      base,
      created_at: now,
      updated_at: now,
    };
    this.prsOf(repo).push(pr);
    return json(201, this.pullObject(repo, pr, (await this.store.head(dir, head)) ?? ""));
  }

  /** The head commit: the branch's, or for a fork's PR the refs/pull/<n>/head GitHub keeps. */
  private async headOf(dir: string, pr: PullRequest): Promise<string> {
    const ref = pr.headRepo === this.repoOfDir(dir) ? `refs/heads/${pr.head}` : `refs/pull/${pr.number}/head`;
    return (await this.store.resolve(dir, ref)) ?? "";
  }

  private repoOfDir(dir: string): string {
    return dir
      .slice(this.store.root.length + 1)
      .replace(/\.git$/, "")
      .split(path.sep)
      .join("/");
  }

  /** `POST /_forge/github/protection`: the checks a branch requires before merging. */
  protect(input: { repo: string; branch: string; requiredChecks: string[] }) {
    this.protections.set(`${input.repo}:${input.branch}`, input.requiredChecks);
    return { protected: input.branch };
  }

  /** Whether every required check is green on the commit (statuses and check runs). */
  private requiredGreen(repo: string, sha: string, required: string[]): boolean {
    const statuses = this.statuses.get(`${repo}@${sha}`) ?? [];
    const runs = this.checkRuns.get(`${repo}@${sha}`) ?? [];
    return required.every(
      (name) =>
        statuses.find((s) => s.context === name)?.state === "success" ||
        runs.some((r) => r.name === name && r.conclusion === "success"),
    );
  }

  /** `POST /_forge/fork-change-request`: a PR whose head is a fork's branch. */
  openFromFork(input: ForkChangeRequest) {
    const now = new Date().toISOString();
    const pr: PullRequest = {
      number: this.prsOf(input.repo).length + 1,
      state: "open",
      merged: false,
      merge_commit_sha: null,
      auto_merge: null,
      draft: false,
      labels: [],
      reviewers: [],
      title: input.title,
      body: input.body,
      head: input.branch,
      headRepo: input.fork,
      base: input.base,
      created_at: now,
      updated_at: now,
    };
    this.prsOf(input.repo).push(pr);
    const dir = this.store.dir(input.repo) as string;
    void this.store.setRef(dir, `refs/pull/${pr.number}/head`, input.sha);
    return this.pullObject(input.repo, pr, input.sha);
  }

  /** `GET /compare/{base}...{head}`: commits head adds (oldest first, with authors) and the files changed. */
  private async compare(req: ForgeRequest, repo: string, dir: string): Promise<ForgeResponse> {
    const [base = "", head = ""] = String(req.params.basehead).split("...");
    const baseSha = (await this.store.resolve(dir, base)) ?? (await this.store.resolve(dir, `refs/heads/${base}`));
    const headSha = (await this.store.resolve(dir, head)) ?? (await this.store.resolve(dir, `refs/heads/${head}`));
    if (!baseSha || !headSha) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    const { commits, files } = await this.store.compare(dir, baseSha, headSha);
    // One page of commits (per_page, 250 at most), oldest first; at most 300 files, on page 1.
    const page = Math.max(1, Number(req.url.searchParams.get("page") ?? 1));
    const perPage = Math.min(250, Math.max(1, Number(req.url.searchParams.get("per_page") ?? 250)));
    const listed = commits.slice((page - 1) * perPage, page * perPage);
    return json(200, {
      status: commits.length ? "ahead" : "identical",
      ahead_by: commits.length,
      total_commits: commits.length,
      commits: listed.map((c) => ({
        sha: c.sha,
        commit: { message: c.message, author: { ...c.author, date: c.date }, committer: { ...c.author, date: c.date } },
        author: null,
        html_url: `${this.baseUrl()}/github/${repo}/commit/${c.sha}`,
      })),
      files: page === 1 ? files.slice(0, 300).map((filename) => ({ filename, status: "modified" })) : [],
    });
  }

  private async gitCommit(req: ForgeRequest, repo: string, dir: string): Promise<ForgeResponse> {
    const sha = String(req.params.sha);
    const tree = (await this.store.commitExists(dir, sha)) ? await this.store.treeOf(dir, sha) : undefined;
    if (!tree) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    return json(200, {
      sha,
      tree: { sha: tree, url: `${this.baseUrl()}/github/api/v3/repos/${repo}/git/trees/${tree}` },
    });
  }

  /** `POST /git/trees` with base_tree and inline contents (GitHub makes the blobs). */
  private async createTree(req: ForgeRequest, dir: string): Promise<ForgeResponse> {
    const body = parseJson(req) as {
      base_tree?: string;
      tree?: { path?: string; mode?: string; type?: string; content?: string }[];
    };
    const entries = body.tree ?? [];
    if (!Array.isArray(entries) || entries.some((e) => !e.path || e.type !== "blob" || typeof e.content !== "string"))
      return json(422, { message: "Invalid tree info", documentation_url: DOCS, status: "422" });
    if (body.base_tree && !(await this.store.treeOf(dir, body.base_tree)))
      return json(422, { message: "Invalid tree info", documentation_url: DOCS, status: "422" });
    const tree = await this.store.writeTree(
      dir,
      body.base_tree,
      entries.map((e) => ({ path: String(e.path), content: Buffer.from(String(e.content)) })),
    );
    return json(201, { sha: tree, tree: [], truncated: false });
  }

  private async createGitCommit(req: ForgeRequest, repo: string, dir: string): Promise<ForgeResponse> {
    const body = parseJson(req) as { message?: string; tree?: string; parents?: string[] };
    if (!body.message || !body.tree || !(await this.store.treeOf(dir, body.tree)))
      return json(422, { message: "Invalid request", documentation_url: DOCS, status: "422" });
    for (const parent of body.parents ?? [])
      if (!(await this.store.commitExists(dir, parent)))
        return json(422, {
          message: "Parent SHA does not exist or is not a commit object",
          documentation_url: DOCS,
          status: "422",
        });
    const sha = await this.store.commitTree(dir, body.tree, body.parents ?? [], body.message, this.GIT_AUTHOR);
    return json(201, {
      sha,
      tree: { sha: body.tree },
      parents: (body.parents ?? []).map((p) => ({ sha: p })),
      message: body.message,
      html_url: `${this.baseUrl()}/github/${repo}/commit/${sha}`,
    });
  }

  private findPull(req: ForgeRequest, repo: string): PullRequest | undefined {
    return this.prsOf(repo).find((pr) => pr.number === Number(req.params.number));
  }

  private async getPull(req: ForgeRequest, repo: string): Promise<ForgeResponse> {
    const pr = this.findPull(req, repo);
    if (!pr) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    const dir = this.store.dir(repo) as string;
    return json(200, this.pullObject(repo, pr, await this.headOf(dir, pr)));
  }

  /** PUT /pulls/:n/merge with GitHub's answers: 405 not mergeable, 409 head moved. */
  private async mergePull(req: ForgeRequest, repo: string, dir: string): Promise<ForgeResponse> {
    const pr = this.findPull(req, repo);
    if (!pr) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    const body = parseJson(req);
    const notMergeable = json(405, {
      message: "Pull Request is not mergeable",
      documentation_url: DOCS,
      status: "405",
    });
    const head = (await this.headOf(dir, pr)) || undefined;
    const base = await this.store.head(dir, pr.base);
    if (pr.state !== "open" || !head || !base) return notMergeable;
    if (body.sha && body.sha !== head) {
      return json(409, {
        message: "Head branch was modified. Review and try the merge again.",
        documentation_url: DOCS,
        status: "409",
      });
    }
    const method = String(body.merge_method ?? "merge");
    if (method === "rebase") {
      return json(422, {
        message: "rebase merges are not supported by the local forge",
        documentation_url: DOCS,
        status: "422",
      });
    }
    const message =
      method === "squash" ? `${pr.title} (#${pr.number})` : `Merge pull request #${pr.number} from ${pr.head}`;
    const author = { name: "gitops-ci", email: "gitops-ci@users.noreply.github.com" };
    const sha = await this.store.mergeCommit(dir, base, head, method === "squash", message, author);
    if (!sha || !(await this.store.compareAndSwap(dir, pr.base, sha, base))) return notMergeable;
    Object.assign(pr, { state: "closed", merged: true, merge_commit_sha: sha, updated_at: new Date().toISOString() });
    return json(200, { sha, merged: true, message: "Pull Request successfully merged" });
  }

  private addComment(req: ForgeRequest, repo: string): ForgeResponse {
    if (!this.findPull(req, repo)) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    const tooLong = commentTooLong(req);
    if (tooLong) return tooLong;
    const key = `${repo}#${req.params.number}`;
    const comment = {
      id: this.nextId++,
      body: String(parseJson(req).body ?? ""),
      created_at: new Date().toISOString(),
    };
    this.comments.set(key, [...(this.comments.get(key) ?? []), comment]);
    const html_url = `${this.baseUrl()}/github/${repo}/pull/${req.params.number}#issuecomment-${comment.id}`;
    return json(201, { ...comment, user: { login: "gitops-ci" }, html_url });
  }

  private addLabels(req: ForgeRequest, repo: string): ForgeResponse {
    const pr = this.findPull(req, repo);
    if (!pr) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    const labels = parseJson(req).labels;
    for (const label of Array.isArray(labels) ? labels : [])
      if (!pr.labels.includes(String(label))) pr.labels.push(String(label));
    return json(
      200,
      pr.labels.map((name) => ({ name })),
    );
  }

  private requestReviewers(req: ForgeRequest, repo: string): ForgeResponse {
    const pr = this.findPull(req, repo);
    if (!pr) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    const reviewers = parseJson(req).reviewers;
    for (const login of Array.isArray(reviewers) ? reviewers : []) pr.reviewers.push(String(login));
    return json(201, this.pullObject(repo, pr));
  }

  /** `GET /commits?sha=<branch>&path=<file>`: the newest first; the forge answers the first page. */
  private async listCommits(req: ForgeRequest, dir: string): Promise<ForgeResponse> {
    const q = req.url.searchParams;
    const ref = q.get("sha") ?? "main";
    const file = q.get("path");
    const sha = file ? await this.store.lastCommitFor(dir, ref, file) : await this.store.head(dir, ref);
    if (!sha) return json(200, []);
    const date = await this.store.commitDate(dir, sha);
    return json(200, [{ sha, commit: { message: "", author: { date }, committer: { date } } }]);
  }

  private updateComment(req: ForgeRequest, repo: string): ForgeResponse {
    const tooLong = commentTooLong(req);
    if (tooLong) return tooLong;
    const id = Number(req.params.id);
    for (const [key, list] of this.comments) {
      const comment = key.startsWith(`${repo}#`) ? list.find((c) => c.id === id) : undefined;
      if (!comment) continue;
      comment.body = String(parseJson(req).body ?? "");
      return json(200, { ...comment, user: { login: "gitops-ci" } });
    }
    return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
  }

  private addStatus(req: ForgeRequest, repo: string): ForgeResponse {
    const body = parseJson(req);
    if (!["error", "failure", "pending", "success"].includes(String(body.state))) {
      const errors = [{ resource: "Status", field: "state", code: "invalid" }];
      return json(422, { message: "Validation Failed", errors, documentation_url: DOCS, status: "422" });
    }
    const key = `${repo}@${req.params.sha}`;
    const status = {
      id: this.nextId++,
      state: String(body.state),
      context: String(body.context ?? "default"),
      description: typeof body.description === "string" ? body.description : null,
      target_url: typeof body.target_url === "string" ? body.target_url : null,
      created_at: new Date().toISOString(),
    };
    this.statuses.set(key, [status, ...(this.statuses.get(key) ?? [])]);
    return json(201, status);
  }

  /** GitHub's combined status: the newest status per context, and their overall state. */
  private combinedStatus(req: ForgeRequest, repo: string): ForgeResponse {
    const all = this.statuses.get(`${repo}@${req.params.ref}`) ?? [];
    const latest = all.filter((s, i) => all.findIndex((t) => t.context === s.context) === i);
    const failed = latest.some((s) => s.state === "failure" || s.state === "error");
    const state = failed
      ? "failure"
      : latest.length && latest.every((s) => s.state === "success")
        ? "success"
        : "pending";
    const page = pageOf(req, latest);
    return json(
      200,
      {
        state,
        sha: req.params.ref,
        total_count: latest.length,
        statuses: page.items,
        url: `${this.baseUrl()}${req.url.pathname}`,
      },
      page.headers,
    );
  }

  private addCheckRun(req: ForgeRequest, repo: string): ForgeResponse {
    if (this.model.tokenKind === "pat") return appsOnly();
    const body = parseJson(req) as {
      name?: string;
      head_sha?: string;
      status?: string;
      conclusion?: string;
      output?: { title?: string; annotations?: unknown[] };
    };
    const annotations = body.output?.annotations ?? [];
    if (annotations.length > MAX_ANNOTATIONS) return tooManyAnnotations();
    const run: CheckRun = {
      id: this.nextId++,
      name: String(body.name),
      status: body.status ?? (body.conclusion ? "completed" : "queued"),
      conclusion: body.conclusion ?? null,
      title: body.output?.title ?? null,
      annotations,
    };
    const key = `${repo}@${body.head_sha}`;
    this.checkRuns.set(key, [...(this.checkRuns.get(key) ?? []), run]);
    return json(201, this.checkRunObject(repo, String(body.head_sha), run));
  }

  private findCheckRun(req: ForgeRequest, repo: string): CheckRun | undefined {
    return [...this.checkRuns.entries()]
      .filter(([key]) => key.startsWith(`${repo}@`))
      .flatMap(([, runs]) => runs)
      .find((r) => r.id === Number(req.params.id));
  }

  private updateCheckRun(req: ForgeRequest, repo: string): ForgeResponse {
    if (this.model.tokenKind === "pat") return appsOnly();
    const run = this.findCheckRun(req, repo);
    if (!run) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    const body = parseJson(req) as { conclusion?: string; output?: { title?: string; annotations?: unknown[] } };
    const annotations = body.output?.annotations ?? [];
    if (annotations.length > MAX_ANNOTATIONS) return tooManyAnnotations();
    run.annotations.push(...annotations);
    if (body.output?.title) run.title = body.output.title;
    if (body.conclusion) run.conclusion = body.conclusion;
    return json(200, this.checkRunObject(repo, "", run));
  }

  /** `filter=latest`, GitHub's default, keeps the newest run of each name; `filter=all` keeps every one. */
  private listCheckRuns(req: ForgeRequest, repo: string): ForgeResponse {
    const every = this.checkRuns.get(`${repo}@${req.params.ref}`) ?? [];
    const runs =
      req.url.searchParams.get("filter") === "all"
        ? every
        : every.filter((r, i) => !every.slice(i + 1).some((later) => later.name === r.name));
    const page = pageOf(req, runs);
    return json(
      200,
      {
        total_count: runs.length,
        check_runs: page.items.map((r) => this.checkRunObject(repo, String(req.params.ref), r)),
      },
      page.headers,
    );
  }

  private checkRunObject(repo: string, sha: string, run: CheckRun) {
    const html_url = `${this.baseUrl()}/github/${repo}/runs/${run.id}`;
    return {
      id: run.id,
      name: run.name,
      head_sha: sha,
      status: run.status,
      conclusion: run.conclusion,
      html_url,
      output: { title: run.title },
    };
  }

  private updatePull(req: ForgeRequest, repo: string): ForgeResponse {
    const pr = this.findPull(req, repo);
    if (!pr) return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    const body = parseJson(req);
    if (typeof body.title === "string") pr.title = body.title;
    if (typeof body.body === "string") pr.body = body.body;
    if (body.state === "open" || body.state === "closed") pr.state = body.state;
    pr.updated_at = new Date().toISOString();
    return json(200, this.pullObject(repo, pr));
  }

  private async graphql(req: ForgeRequest): Promise<ForgeResponse> {
    const access = this.authenticate(req);
    if (typeof access !== "string") {
      return json(401, {
        message: "This endpoint requires you to be authenticated.",
        documentation_url:
          "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
      });
    }
    const { query, variables } = parseJson(req) as { query?: string; variables?: Record<string, unknown> };
    // GitHub gives up on a query after 10 s; hundreds of `file` fields on one commit get there.
    const files = (String(query ?? "").match(/\bfile\(/g) ?? []).length;
    if (files > MAX_FILE_FIELDS)
      return json(200, {
        data: null,
        errors: [
          {
            message:
              "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `0000:0000:0000000:0000000:00000000` when reporting this issue.",
          },
        ],
      });
    const result = await graphql({
      schema,
      source: String(query ?? ""),
      variableValues: variables,
      rootValue: this.resolvers(access),
    });
    // GitHub puts the error type at the top level of each error, beside message and path.
    const errors = result.errors?.map((e) => ({
      ...(e.extensions?.type ? { type: e.extensions.type } : {}),
      path: e.path,
      locations: e.locations,
      message: e.message,
    }));
    return json(200, errors ? { data: result.data ?? null, errors } : { data: result.data });
  }

  private resolvers(access: Access) {
    const store = this.store;
    const commitObject = (dir: string, oid: string) => ({
      __typename: "Commit",
      oid,
      message: "",
      file: async ({ path }: { path: string }) => {
        const blob = (await store.readFiles(dir, oid, [path])).get(path);
        if (!blob) return null;
        const binary = blob.includes(0);
        return {
          path,
          name: path.split("/").pop(),
          object: {
            __typename: "Blob",
            oid: "",
            text: binary ? null : blob.toString("utf8"),
            isBinary: binary,
            isTruncated: false,
            byteSize: blob.length,
          },
        };
      },
    });
    const findRepo = (nameWithOwner: string) => {
      const dir = store.dir(nameWithOwner);
      if (!dir)
        throw new GraphQLError(`Could not resolve to a Repository with the name '${nameWithOwner}'.`, {
          extensions: { type: "NOT_FOUND" },
        });
      return dir;
    };
    return {
      repository: ({ owner, name }: { owner: string; name: string }) => {
        const dir = findRepo(`${owner}/${name}`);
        return {
          id: repositoryNodeId(`${owner}/${name}`),
          nameWithOwner: `${owner}/${name}`,
          object: async ({ oid }: { oid?: string }) =>
            oid && (await store.commitExists(dir, oid)) ? commitObject(dir, oid) : null,
          ref: async ({ qualifiedName }: { qualifiedName: string }) => {
            const branch = qualifiedName.replace(/^refs\/heads\//, "");
            const head = await store.head(dir, branch);
            return head ? { name: branch, prefix: "refs/heads/", target: commitObject(dir, head) } : null;
          },
        };
      },
      enablePullRequestAutoMerge: async ({
        input,
      }: {
        input: { pullRequestId: string; mergeMethod?: string; expectedHeadOid?: string; clientMutationId?: string };
      }) => {
        const match = /^PR_([A-Za-z0-9+/=]+)_(\d+)$/.exec(input.pullRequestId);
        const repo = match ? Buffer.from(match[1] as string, "base64").toString() : "";
        const pr = this.pulls.get(repo)?.find((p) => p.number === Number(match?.[2]));
        if (!pr)
          throw new GraphQLError(`Could not resolve to a node with the global id of '${input.pullRequestId}'`, {
            extensions: { type: "NOT_FOUND" },
          });
        if (access !== "write")
          throw new GraphQLError(this.forbidden, {
            extensions: { type: "FORBIDDEN" },
          });
        const head = await this.headOf(store.dir(repo) as string, pr);
        if (input.expectedHeadOid && input.expectedHeadOid !== head)
          throw new GraphQLError(
            `Head sha didn't match expected head sha (expected ${input.expectedHeadOid}, got ${head})`,
            {
              extensions: { type: "UNPROCESSABLE" },
            },
          );
        // GitHub has nothing to wait for without required checks, or once they pass.
        const required = this.protections.get(`${repo}:${pr.base}`);
        if (!required || this.requiredGreen(repo, head, required))
          throw new GraphQLError("Pull request Pull request is in clean status", {
            extensions: { type: "UNPROCESSABLE" },
          });
        pr.auto_merge = { merge_method: (input.mergeMethod ?? "MERGE").toLowerCase() };
        return { clientMutationId: input.clientMutationId ?? null };
      },
      /** Atomic: every update's beforeOid is checked first; one mismatch and no ref moves. */
      updateRefs: async ({ input }: { input: UpdateRefsInput }) => {
        const repo = /^R_([A-Za-z0-9+/=]+)$/.exec(input.repositoryId)?.[1];
        const dir = repo ? findRepo(Buffer.from(repo, "base64").toString()) : undefined;
        if (!dir)
          throw new GraphQLError(`Could not resolve to a node with the global id of '${input.repositoryId}'`, {
            extensions: { type: "NOT_FOUND" },
          });
        if (access !== "write")
          throw new GraphQLError(this.forbidden, {
            extensions: { type: "FORBIDDEN" },
          });
        const zero = "0".repeat(40);
        for (const update of input.refUpdates) {
          if (!update.name.startsWith("refs/heads/"))
            throw new GraphQLError(`Invalid ref name ${update.name}`, { extensions: { type: "UNPROCESSABLE" } });
          const current = (await store.resolve(dir, update.name)) ?? zero;
          if (update.beforeOid && update.beforeOid !== current)
            throw new GraphQLError(`${update.name} is at ${current}, not at ${update.beforeOid}`, {
              extensions: { type: "UNPROCESSABLE" },
            });
          if (update.afterOid !== zero && !(await store.commitExists(dir, update.afterOid)))
            throw new GraphQLError(`Object ${update.afterOid} does not exist`, {
              extensions: { type: "UNPROCESSABLE" },
            });
          if (
            !update.force &&
            current !== zero &&
            update.afterOid !== zero &&
            !(await store.isAncestor(dir, current, update.afterOid))
          )
            throw new GraphQLError(`Update to ${update.name} is not a fast forward`, {
              extensions: { type: "UNPROCESSABLE" },
            });
        }
        for (const update of input.refUpdates) {
          const branch = update.name.slice("refs/heads/".length);
          const before = update.beforeOid && update.beforeOid !== zero ? update.beforeOid : null;
          if (update.beforeOid) {
            if (!(await store.compareAndSwap(dir, branch, update.afterOid, before)))
              throw new GraphQLError(`${update.name} moved`, { extensions: { type: "UNPROCESSABLE" } });
          } else await store.setBranch(dir, branch, update.afterOid);
        }
        return { clientMutationId: input.clientMutationId ?? null };
      },
      createCommitOnBranch: async ({ input }: { input: CommitInput }) => {
        const nameWithOwner = input.branch.repositoryNameWithOwner ?? "";
        const dir = findRepo(nameWithOwner);
        if (access !== "write")
          throw new GraphQLError(this.forbidden, {
            extensions: { type: "FORBIDDEN" },
          });
        const branch = input.branch.branchName ?? "";
        const head = await store.head(dir, branch);
        if (!head)
          throw new GraphQLError(`A ref named "refs/heads/${branch}" does not exist in ${nameWithOwner}.`, {
            extensions: { type: "NOT_FOUND" },
          });
        const stale = () =>
          new GraphQLError(
            `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`,
            { extensions: { type: "STALE_DATA" } },
          );
        if (head !== input.expectedHeadOid) throw stale();
        const changes = [
          ...(input.fileChanges?.additions ?? []).map((a) => ({
            path: a.path,
            content: Buffer.from(a.contents, "base64"),
          })),
          ...(input.fileChanges?.deletions ?? []).map((d) => ({ path: d.path, content: null })),
        ];
        const message = input.message.body
          ? `${input.message.headline}\n\n${input.message.body}`
          : input.message.headline;
        const sha = await store.commit(dir, head, changes, message, {
          name: "gitops-ci",
          email: "gitops-ci@users.noreply.github.com",
        });
        if (!(await store.compareAndSwap(dir, branch, sha, head))) throw stale();
        return {
          clientMutationId: input.clientMutationId ?? null,
          commit: commitObject(dir, sha),
          ref: { name: branch, prefix: "refs/heads/" },
        };
      },
    };
  }
}

interface UpdateRefsInput {
  repositoryId: string;
  refUpdates: { name: string; afterOid: string; beforeOid?: string; force?: boolean }[];
  clientMutationId?: string;
}

/** The forge's global node id of a repository. */
function repositoryNodeId(repo: string): string {
  return `R_${Buffer.from(repo).toString("base64")}`;
}

interface CommitInput {
  branch: { repositoryNameWithOwner?: string; branchName?: string };
  message: { headline: string; body?: string };
  fileChanges?: { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] };
  expectedHeadOid: string;
  clientMutationId?: string;
}

/** The forge's global node id of a pull request, as GitHub's GraphQL takes it. */
function pullNodeId(repo: string, number: number): string {
  return `PR_${Buffer.from(repo).toString("base64")}_${number}`;
}

/**
 * GitHub's pages: `per_page` (default 30, at most 100) and `page`, with a Link header naming the
 * next and last pages, which clients (octokit.paginate) follow.
 */
function pageOf<T>(req: ForgeRequest, items: T[]): { items: T[]; headers: Record<string, string> } {
  const q = req.url.searchParams;
  const perPage = Math.min(100, Math.max(1, Number(q.get("per_page") ?? 30) || 30));
  const page = Math.max(1, Number(q.get("page") ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const url = new URL(req.url.toString());
    url.searchParams.set("page", String(n));
    url.searchParams.set("per_page", String(perPage));
    return `<http://${req.headers.host ?? "localhost"}${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = page < last ? [link(page + 1, "next"), link(last, "last")] : [];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(", ") } : {},
  };
}

/** Only GitHub Apps may write check runs: a PAT or OAuth token gets this, whatever its scopes. */
function appsOnly(): ForgeResponse {
  return json(403, {
    message: "You must authenticate via a GitHub App.",
    documentation_url: "https://docs.github.com/rest/checks/runs#create-a-check-run",
    status: "403",
  });
}

function tooManyAnnotations(): ForgeResponse {
  return json(422, {
    message: `Only ${MAX_ANNOTATIONS} annotations are allowed per request`,
    documentation_url: DOCS,
    status: "422",
  });
}

/** GitHub stores at most 65,536 characters in a comment body and refuses more with a 422. */
const MAX_COMMENT_CHARS = 65_536;

function commentTooLong(req: ForgeRequest): ForgeResponse | undefined {
  if (String(parseJson(req).body ?? "").length <= MAX_COMMENT_CHARS) return undefined;
  const errors = [
    {
      resource: "IssueComment",
      code: "custom",
      field: "body",
      message: `body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`,
    },
  ];
  return json(422, { message: "Validation Failed", errors, documentation_url: DOCS, status: "422" });
}
