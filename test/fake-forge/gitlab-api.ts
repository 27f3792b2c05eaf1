import { buildSchema, graphql } from "graphql";
import type { GitStore } from "./git-store.js";
import { CURRENT_GITLAB, gitlabBehaviour } from "./gitlab-version.js";
import type { ForkChangeRequest } from "./other-users.js";
import { type Access, type ForgeRequest, type ForgeResponse, json, parseJson, type Route, route } from "./http-kit.js";

const schema = buildSchema(`
  type Query { project(fullPath: ID!): Project }
  type Project { fullPath: ID! repository: Repository }
  type Repository { blobs(ref: String, paths: [String!]!, first: Int, after: String): RepositoryBlobConnection }
  type RepositoryBlobConnection { nodes: [RepositoryBlob] pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type RepositoryBlob { path: String! name: String rawBlob: String rawTextBlob: String size: Int }
`);

interface MergeRequest {
  iid: number;
  state: "opened" | "closed" | "merged";
  merge_commit_sha: string | null;
  squash_commit_sha: string | null;
  title: string;
  description: string;
  labels: string[];
  reviewers: { id: number; username: string }[];
  source_branch: string;
  target_branch: string;
  /** The project the source branch lives in: this one, or a fork. */
  source_project: string;
  created_at: string;
  updated_at: string;
}

interface CommitAction {
  action?: string;
  file_path?: string;
  content?: string;
  encoding?: string;
  last_commit_id?: string;
}

/** GitLab's cap on one GraphQL query for an authenticated user. */
const MAX_COMPLEXITY = 250;

/** What a `blobs(paths:)` query costs, as GitLab counts it: a fixed part and about two a path. */
function blobsComplexity(variables: Record<string, unknown> | undefined): number {
  const paths = Array.isArray(variables?.paths) ? variables.paths.length : 0;
  return paths ? 30 + 2 * paths : 0;
}

const NOT_FOUND = (what: string) => json(404, { message: `404 ${what} Not Found` });

/** GitLab's REST v4 (`/gitlab/api/v4`) and GraphQL (`/gitlab/api/graphql`) over the git store. */
export class GitLabApi {
  private readonly mergeRequests = new Map<string, MergeRequest[]>();
  private readonly notes = new Map<string, { id: number; body: string; created_at: string }[]>();
  private readonly statuses = new Map<
    string,
    {
      id: number;
      name: string;
      status: string;
      description: string | null;
      target_url: string | null;
      allow_failure: boolean;
      created_at: string;
    }[]
  >();
  /** MR pipelines (`<project>!<iid>` → status), as MR pipelines a project runs. */
  private readonly pipelines = new Map<string, { id: number; status: string }>();
  /** MRs set to merge when their pipeline succeeds. */
  private readonly autoMerging = new Set<string>();
  /** What the next reads of an MR report as detailed_merge_status, in turn (a pipeline running, …). */
  private readonly mergeStatusQueue = new Map<string, string[]>();
  private nextId = 1;
  private readonly projectIds = new Map<string, number>();
  private readonly usernames = new Map<number, string>();
  /** GitLab serialises writes to one repository; so does the forge. */
  private readonly locks = new Map<string, Promise<unknown>>();

  private readonly behaviour: ReturnType<typeof gitlabBehaviour>;

  constructor(
    private readonly store: GitStore,
    private readonly tokens: Map<string, Access>,
    private readonly baseUrl: () => string,
    version = CURRENT_GITLAB,
  ) {
    this.behaviour = gitlabBehaviour(version);
  }

  routes(): Route[] {
    const v4 = "/gitlab/api/v4/projects/:id";
    return [
      route("POST", "/gitlab/api/graphql", (r) => this.graphql(r)),
      route("GET", "/gitlab/api/v4/users", (r) => this.users(r)),
      route("GET", "/gitlab/api/v4/version", (r) => this.release(r, "/version")),
      route("GET", "/gitlab/api/v4/metadata", (r) => this.release(r, "/metadata")),
      route("GET", `${v4}/repository/commits`, (r) =>
        this.withProject(r, "read", (_p, dir) => this.listCommits(r, dir)),
      ),
      route("GET", `${v4}/repository/compare`, (r) => this.withProject(r, "read", (_p, dir) => this.compare(r, dir))),
      route("GET", `${v4}/repository/branches/:branch`, (r) =>
        this.withProject(r, "read", (p, dir) => this.branch(r, p, dir)),
      ),
      route("POST", `${v4}/repository/commits`, (r) =>
        this.withProject(r, "write", (p, dir) => this.serialised(p, () => this.commit(r, p, dir))),
      ),
      route("GET", `${v4}/merge_requests`, (r) => this.withProject(r, "read", (p) => this.listMergeRequests(r, p))),
      route("POST", `${v4}/merge_requests`, (r) =>
        this.withProject(r, "write", (p, dir) => this.createMergeRequest(r, p, dir)),
      ),
      route("GET", `${v4}/merge_requests/:iid`, (r) => this.withProject(r, "read", (p) => this.getMergeRequest(r, p))),
      route("PUT", `${v4}/merge_requests/:iid`, (r) =>
        this.withProject(r, "write", (p) => this.updateMergeRequest(r, p)),
      ),
      route("PUT", `${v4}/merge_requests/:iid/merge`, (r) =>
        this.withProject(r, "write", (p, dir) => this.serialised(p, () => this.mergeMergeRequest(r, p, dir))),
      ),
      route("POST", `${v4}/merge_requests/:iid/notes`, (r) => this.withProject(r, "write", (p) => this.addNote(r, p))),
      // GitLab lists notes newest first.
      route("GET", `${v4}/merge_requests/:iid/notes`, (r) =>
        this.withProject(r, "read", (p) =>
          json(
            200,
            [...(this.notes.get(`${p}!${r.params.iid}`) ?? [])].reverse().map((n) => ({ ...n, system: false })),
          ),
        ),
      ),
      route("PUT", `${v4}/merge_requests/:iid/notes/:note`, (r) =>
        this.withProject(r, "write", (p) => this.updateNote(r, p)),
      ),
      route("POST", `${v4}/statuses/:sha`, (r) => this.withProject(r, "write", (p) => this.addStatus(r, p))),
      route("GET", `${v4}/repository/commits/:sha/statuses`, (r) =>
        this.withProject(r, "read", (p) => json(200, this.statuses.get(`${p}@${r.params.sha}`) ?? [])),
      ),
    ];
  }

  private token(req: ForgeRequest): string | undefined {
    const privateToken = req.headers["private-token"];
    if (typeof privateToken === "string") return privateToken;
    return /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  }

  private async withProject(
    req: ForgeRequest,
    needed: Access,
    handler: (project: string, dir: string) => Promise<ForgeResponse> | ForgeResponse,
  ): Promise<ForgeResponse> {
    const token = this.token(req);
    const access = token ? this.tokens.get(token) : undefined;
    if (!access) return json(401, { message: "401 Unauthorized" });
    const project = req.params.id ?? "";
    const dir = this.store.dir(project);
    if (!dir) return NOT_FOUND("Project");
    if (needed === "write" && access !== "write") return json(403, { message: "403 Forbidden" });
    return handler(project, dir);
  }

  private serialised<T>(project: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(project) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.locks.set(
      project,
      next.catch(() => undefined),
    );
    return next;
  }

  private commitObject(project: string, sha: string, message: string, parent?: string) {
    return {
      id: sha,
      short_id: sha.slice(0, 8),
      title: message.split("\n")[0],
      message,
      author_name: "gitops-ci",
      author_email: "gitops-ci@example.com",
      created_at: new Date().toISOString(),
      parent_ids: parent ? [parent] : [],
      web_url: `${this.baseUrl()}/gitlab/${project}/-/commit/${sha}`,
    };
  }

  private async branch(req: ForgeRequest, project: string, dir: string): Promise<ForgeResponse> {
    const name = req.params.branch ?? "";
    const head = await this.store.head(dir, name);
    if (!head) return NOT_FOUND("Branch");
    return json(200, {
      name,
      merged: false,
      protected: false,
      default: name === "main",
      commit: this.commitObject(project, head, ""),
    });
  }

  /** POST /projects/:id/repository/commits, with GitLab's Files::MultiService checks. */
  private async commit(req: ForgeRequest, project: string, dir: string): Promise<ForgeResponse> {
    const body = parseJson(req) as {
      branch?: string;
      commit_message?: string;
      actions?: CommitAction[];
      start_branch?: string;
      start_sha?: string;
      force?: boolean;
    };
    const branch = String(body.branch ?? "");
    if (!branch || !body.commit_message || !Array.isArray(body.actions))
      return json(400, { error: "branch, commit_message, actions are missing" });
    const head = await this.store.head(dir, branch);
    const start = body.start_sha ?? (body.start_branch ? await this.store.head(dir, body.start_branch) : undefined);
    if ((body.start_sha || body.start_branch) && !start) return json(400, { message: "Invalid start ref" });
    if (!head && !start) return json(400, { message: "You can only create or edit files when you are on a branch" });
    const base = (body.force || !head ? start : head) as string;
    const changes = [];
    for (const action of body.actions) {
      const path = String(action.file_path ?? "");
      const exists = (await this.store.readFiles(dir, base, [path])).has(path);
      if (action.action === "update" || action.action === "delete") {
        if (!exists) return json(400, { message: `A file with this name doesn't exist` });
        if (
          action.last_commit_id &&
          head &&
          !body.force &&
          (await this.fileHasChanged(dir, branch, path, action.last_commit_id))
        ) {
          return json(400, {
            message: `You are attempting to update a file ${path} that has changed since you started editing it.`,
          });
        }
      } else if (action.action === "create") {
        if (exists) return json(400, { message: "A file with this name already exists" });
      } else return json(400, { error: "actions[action] does not have a valid value" });
      const content =
        action.encoding === "base64"
          ? Buffer.from(action.content ?? "", "base64")
          : Buffer.from(action.content ?? "", "utf8");
      changes.push({ path, content: action.action === "delete" ? null : content });
    }
    const sha = await this.store.commit(dir, base, changes, body.commit_message, {
      name: "gitops-ci",
      email: "gitops-ci@example.com",
    });
    if (body.force || !head) await this.store.setBranch(dir, branch, sha);
    else if (!(await this.store.compareAndSwap(dir, branch, sha, head))) {
      return json(400, { message: `Could not update ${branch}. Please refresh and try again.` });
    }
    return json(201, this.commitObject(project, sha, body.commit_message, base));
  }

  /**
   * Files::BaseService#file_has_changed?: current GitLab compares the file's last commit on the
   * branch with its last commit as of commit_id; older releases compare it with commit_id itself.
   */
  private async fileHasChanged(dir: string, branch: string, path: string, commitId: string): Promise<boolean> {
    const fromBranch = await this.store.lastCommitFor(dir, `refs/heads/${branch}`, path);
    if (!fromBranch) return false;
    if (this.behaviour.lastCommitIdIsFileCommit) return fromBranch !== commitId;
    if (!(await this.store.commitExists(dir, commitId))) return false;
    const fromCommit = await this.store.lastCommitFor(dir, commitId, path);
    if (!fromCommit) return false;
    return fromBranch !== fromCommit;
  }

  private mrsOf(project: string): MergeRequest[] {
    let list = this.mergeRequests.get(project);
    if (!list) this.mergeRequests.set(project, (list = []));
    return list;
  }

  /** GitLab's numeric project ids: one per project path, stable for the forge's life. */
  private projectId(project: string): number {
    let id = this.projectIds.get(project);
    if (id === undefined) this.projectIds.set(project, (id = 100 + this.projectIds.size));
    return id;
  }

  /** The MR's head: its source branch, or for a fork's MR the refs/merge-requests/<iid>/head GitLab keeps. */
  private async headOf(project: string, mr: MergeRequest): Promise<string | null> {
    const dir = this.store.dir(project) as string;
    const ref = mr.source_project === project ? `refs/heads/${mr.source_branch}` : `refs/merge-requests/${mr.iid}/head`;
    return (await this.store.resolve(dir, ref)) ?? null;
  }

  /** `POST /_forge/fork-change-request`: an MR whose source is a fork's branch. */
  openFromFork(input: ForkChangeRequest) {
    const now = new Date().toISOString();
    const mr: MergeRequest = {
      iid: this.mrsOf(input.repo).length + 1,
      state: "opened",
      title: input.title,
      description: input.body,
      labels: [],
      reviewers: [],
      source_branch: input.branch,
      target_branch: input.base,
      source_project: input.fork,
      merge_commit_sha: null,
      squash_commit_sha: null,
      created_at: now,
      updated_at: now,
    };
    this.mrsOf(input.repo).push(mr);
    void this.store.setRef(this.store.dir(input.repo) as string, `refs/merge-requests/${mr.iid}/head`, input.sha);
    return this.mrObject(input.repo, mr, input.sha);
  }

  /** `GET /repository/compare?from=&to=`: from the merge base (straight=false), oldest commit first. */
  private async compare(req: ForgeRequest, dir: string): Promise<ForgeResponse> {
    const q = req.url.searchParams;
    const resolve = async (ref: string) =>
      (await this.store.resolve(dir, `refs/heads/${ref}`)) ?? (await this.store.resolve(dir, ref));
    const from = await resolve(q.get("from") ?? "");
    const to = await resolve(q.get("to") ?? "");
    if (!from || !to) return NOT_FOUND("Ref");
    const { commits, files } = await this.store.compare(dir, from, to);
    return json(200, {
      commit: commits.length ? { id: commits.at(-1)?.sha } : null,
      commits: commits.map((c) => ({
        id: c.sha,
        short_id: c.sha.slice(0, 8),
        title: c.message.split("\n")[0],
        message: c.message,
        author_name: c.author.name,
        author_email: c.author.email,
        committed_date: c.date,
      })),
      diffs: files.map((file) => ({
        old_path: file,
        new_path: file,
        new_file: false,
        deleted_file: false,
        renamed_file: false,
      })),
      compare_timeout: false,
      compare_same_ref: from === to,
    });
  }

  private mrObject(project: string, mr: MergeRequest, sha: string | null = null) {
    const { source_project: source, ...fields } = mr;
    return {
      id: mr.iid,
      project_id: this.projectId(project),
      source_project_id: this.projectId(source),
      target_project_id: this.projectId(project),
      sha,
      ...(this.behaviour.detailedMergeStatus
        ? { detailed_merge_status: mr.state === "opened" ? "mergeable" : "not_open" }
        : { merge_status: mr.state === "opened" ? "can_be_merged" : "cannot_be_merged" }),
      head_pipeline: this.pipelines.get(`${project}!${mr.iid}`) ?? null,
      merge_when_pipeline_succeeds: this.autoMerging.has(`${project}!${mr.iid}`),
      draft: /^draft:/i.test(mr.title),
      ...fields,
      web_url: `${this.baseUrl()}/gitlab/${project}/-/merge_requests/${mr.iid}`,
    };
  }

  private async listMergeRequests(req: ForgeRequest, project: string): Promise<ForgeResponse> {
    const q = req.url.searchParams;
    const state = q.get("state") ?? "all";
    const list = this.mrsOf(project).filter(
      (mr) =>
        (state === "all" || mr.state === state) &&
        (!q.get("source_branch") || mr.source_branch === q.get("source_branch")) &&
        (!q.get("target_branch") || mr.target_branch === q.get("target_branch")),
    );
    // Newest first (order_by=created_at, sort=desc), forks' MRs included: GitLab matches source_branch by name only.
    const shown = await Promise.all(
      [...list].reverse().map(async (mr) => this.mrObject(project, mr, await this.headOf(project, mr))),
    );
    return json(200, shown);
  }

  private async createMergeRequest(req: ForgeRequest, project: string, dir: string): Promise<ForgeResponse> {
    const body = parseJson(req);
    const source = String(body.source_branch ?? "");
    const target = String(body.target_branch ?? "");
    if (!body.title || !(await this.store.head(dir, source)) || !(await this.store.head(dir, target))) {
      return json(400, { message: { source_branch: ["is invalid"] } });
    }
    const open = this.mrsOf(project).find(
      (mr) =>
        mr.state === "opened" &&
        mr.source_project === project &&
        mr.source_branch === source &&
        mr.target_branch === target,
    );
    if (open)
      return json(409, { message: [`Another open merge request already exists for this source branch: !${open.iid}`] });
    const now = new Date().toISOString();
    const mr: MergeRequest = {
      iid: this.mrsOf(project).length + 1,
      state: "opened",
      title: String(body.title),
      description: String(body.description ?? ""),
      labels: typeof body.labels === "string" && body.labels ? body.labels.split(",") : [],
      reviewers: (Array.isArray(body.reviewer_ids) ? body.reviewer_ids : []).map((id) => ({
        id: Number(id),
        username: this.usernames.get(Number(id)) ?? "",
      })),
      source_branch: source,
      target_branch: target,
      source_project: project,
      merge_commit_sha: null,
      squash_commit_sha: null,
      created_at: now,
      updated_at: now,
    };
    this.mrsOf(project).push(mr);
    return json(201, this.mrObject(project, mr, (await this.store.head(dir, source)) ?? null));
  }

  /** `GET /users?username=`: every name is a user here, with an id of its own. */
  /**
   * `/version` exists on every release and, from 15.5, mirrors `/metadata` (added in 15.2); both
   * answer authenticated users only.
   */
  private release(req: ForgeRequest, endpoint: "/version" | "/metadata"): ForgeResponse {
    const token = this.token(req);
    if (!token || !this.tokens.has(token)) return json(401, { message: "401 Unauthorized" });
    if (endpoint === "/metadata" && !this.behaviour.metadataApi) return json(404, { error: "404 Not Found" });
    const release = { version: `${this.behaviour.version}-ee`, revision: "0a1b2c3d4e5" };
    if (!this.behaviour.versionMirrorsMetadata) return json(200, release);
    return json(200, { ...release, kas: { enabled: false, externalUrl: null, version: null }, enterprise: true });
  }

  private users(req: ForgeRequest): ForgeResponse {
    const token = this.token(req);
    if (!token || !this.tokens.has(token)) return json(401, { message: "401 Unauthorized" });
    const username = req.url.searchParams.get("username");
    if (!username) return json(200, []);
    let id = [...this.usernames].find(([, name]) => name === username)?.[0];
    if (id === undefined) {
      id = 1000 + this.usernames.size;
      this.usernames.set(id, username);
    }
    return json(200, [{ id, username, state: "active" }]);
  }

  /** `GET /repository/commits?ref_name=&path=`: newest first; the forge answers the first page. */
  private async listCommits(req: ForgeRequest, dir: string): Promise<ForgeResponse> {
    const q = req.url.searchParams;
    const ref = q.get("ref_name") ?? "main";
    const file = q.get("path");
    const sha = file ? await this.store.lastCommitFor(dir, ref, file) : await this.store.head(dir, ref);
    if (!sha) return json(200, []);
    return json(200, [{ id: sha, short_id: sha.slice(0, 8), committed_date: await this.store.commitDate(dir, sha) }]);
  }

  private findMergeRequest(req: ForgeRequest, project: string): MergeRequest | undefined {
    return this.mrsOf(project).find((mr) => mr.iid === Number(req.params.iid));
  }

  private async getMergeRequest(req: ForgeRequest, project: string): Promise<ForgeResponse> {
    const mr = this.findMergeRequest(req, project);
    if (!mr) return NOT_FOUND("Merge Request");
    const shown = this.mrObject(project, mr, await this.headOf(project, mr));
    const queued = this.mergeStatusQueue.get(`${project}!${mr.iid}`)?.shift();
    const field = this.behaviour.detailedMergeStatus ? "detailed_merge_status" : "merge_status";
    return json(200, queued ? { ...shown, [field]: queued } : shown);
  }

  /**
   * PUT /merge_requests/:iid/merge. As on GitLab, auto_merge on an MR without a pipeline merges at
   * once (there is nothing to wait for); the forge has no pipelines, so that is always the case.
   */
  private async mergeMergeRequest(req: ForgeRequest, project: string, dir: string): Promise<ForgeResponse> {
    const mr = this.findMergeRequest(req, project);
    if (!mr) return NOT_FOUND("Merge Request");
    const body = parseJson(req);
    const head = (await this.headOf(project, mr)) ?? undefined;
    const base = await this.store.head(dir, mr.target_branch);
    if (mr.state !== "opened" || !head || !base) return json(405, { message: "405 Method Not Allowed" });
    if (this.mergeStatusQueue.get(`${project}!${mr.iid}`)?.length)
      return json(405, { message: "405 Method Not Allowed" });
    if (body.sha && body.sha !== head)
      return json(409, { message: `SHA does not match HEAD of source branch: ${head}` });
    // Auto-merge: 17.11 and later read auto_merge (and the old name); before, only
    // merge_when_pipeline_succeeds, and an unknown auto_merge means "merge now".
    const autoMerge =
      body.merge_when_pipeline_succeeds === true || (this.behaviour.autoMergeParam && body.auto_merge === true);
    const pipeline = this.pipelines.get(`${project}!${mr.iid}`);
    if (autoMerge && pipeline && !["success", "failed", "canceled"].includes(pipeline.status)) {
      this.autoMerging.add(`${project}!${mr.iid}`);
      return json(200, this.mrObject(project, mr, head));
    }
    const squash = body.squash === true;
    const message = squash ? mr.title : `Merge branch '${mr.source_branch}' into '${mr.target_branch}'\n\n${mr.title}`;
    const sha = await this.store.mergeCommit(dir, base, head, squash, message, {
      name: "gitops-ci",
      email: "gitops-ci@example.com",
    });
    if (!sha || !(await this.store.compareAndSwap(dir, mr.target_branch, sha, base)))
      return json(405, { message: "405 Method Not Allowed" });
    Object.assign(mr, {
      state: "merged",
      merge_commit_sha: squash ? null : sha,
      squash_commit_sha: squash ? sha : null,
      updated_at: new Date().toISOString(),
    });
    return json(200, this.mrObject(project, mr, head));
  }

  private addNote(req: ForgeRequest, project: string): ForgeResponse {
    if (!this.findMergeRequest(req, project)) return NOT_FOUND("Merge Request");
    const tooLong = noteTooLong(req);
    if (tooLong) return tooLong;
    const key = `${project}!${req.params.iid}`;
    const note = { id: this.nextId++, body: String(parseJson(req).body ?? ""), created_at: new Date().toISOString() };
    this.notes.set(key, [...(this.notes.get(key) ?? []), note]);
    return json(201, { ...note, author: { username: "gitops-ci" }, noteable_type: "MergeRequest" });
  }

  private updateNote(req: ForgeRequest, project: string): ForgeResponse {
    const note = this.notes.get(`${project}!${req.params.iid}`)?.find((n) => n.id === Number(req.params.note));
    if (!note) return NOT_FOUND("Note");
    const tooLong = noteTooLong(req);
    if (tooLong) return tooLong;
    note.body = String(parseJson(req).body ?? "");
    return json(200, { ...note, author: { username: "gitops-ci" }, noteable_type: "MergeRequest", system: false });
  }

  private addStatus(req: ForgeRequest, project: string): ForgeResponse {
    const body = parseJson(req);
    const state = String(body.state ?? "");
    if (!["pending", "running", "success", "failed", "canceled"].includes(state))
      return json(400, { error: "state does not have a valid value" });
    const status = this.recordStatus(project, String(req.params.sha), {
      name: String(body.name ?? body.context ?? "default"),
      status: state,
      description: typeof body.description === "string" ? body.description : null,
      target_url: typeof body.target_url === "string" ? body.target_url : null,
      allow_failure: false,
    });
    return json(201, { ...status, sha: req.params.sha });
  }

  /** GitLab keeps every status ever set and lists them oldest first (ascending id). */
  private recordStatus(
    project: string,
    sha: string,
    fields: {
      name: string;
      status: string;
      description: string | null;
      target_url: string | null;
      allow_failure: boolean;
    },
  ) {
    const key = `${project}@${sha}`;
    const status = { id: this.nextId++, ...fields, created_at: new Date().toISOString() };
    this.statuses.set(key, [...(this.statuses.get(key) ?? []), status]);
    return status;
  }

  /**
   * `POST /_forge/gitlab/job`: a pipeline job's status on a commit, in the states only jobs have
   * (manual, skipped, scheduled, created) or failed with allow_failure.
   */
  addJob(input: { repo: string; sha: string; name: string; status: string; allowFailure?: boolean }) {
    return this.recordStatus(input.repo, input.sha, {
      name: input.name,
      status: input.status,
      description: null,
      target_url: null,
      allow_failure: input.allowFailure ?? false,
    });
  }

  /** `POST /_forge/gitlab/pipeline`: the MR's head pipeline, running or finished. */
  setPipeline(input: { repo: string; iid: number; status: string }) {
    const pipeline = { id: this.nextId++, status: input.status };
    this.pipelines.set(`${input.repo}!${input.iid}`, pipeline);
    return pipeline;
  }

  /** `POST /_forge/gitlab/merge-status`: the detailed_merge_status the next reads of an MR report. */
  queueMergeStatus(input: { repo: string; iid: number; states: string[] }) {
    this.mergeStatusQueue.set(`${input.repo}!${input.iid}`, [...input.states]);
    return { queued: input.states.length };
  }

  private updateMergeRequest(req: ForgeRequest, project: string): ForgeResponse {
    const mr = this.findMergeRequest(req, project);
    if (!mr) return NOT_FOUND("Merge Request");
    const body = parseJson(req);
    if (typeof body.title === "string") mr.title = body.title;
    if (typeof body.description === "string") mr.description = body.description;
    if (typeof body.add_labels === "string")
      for (const label of body.add_labels.split(",")) if (!mr.labels.includes(label)) mr.labels.push(label);
    if (body.state_event === "close") mr.state = "closed";
    if (body.state_event === "reopen") mr.state = "opened";
    mr.updated_at = new Date().toISOString();
    return json(200, this.mrObject(project, mr));
  }

  private async graphql(req: ForgeRequest): Promise<ForgeResponse> {
    const token = this.token(req);
    if (token && !this.tokens.has(token)) return json(401, { errors: [{ message: "Invalid token" }] });
    const { query, variables } = parseJson(req) as { query?: string; variables?: Record<string, unknown> };
    const complexity = blobsComplexity(variables);
    if (complexity > MAX_COMPLEXITY)
      return json(200, {
        errors: [
          { message: `Query has complexity of ${complexity}, which exceeds max complexity of ${MAX_COMPLEXITY}` },
        ],
      });
    const store = this.store;
    const result = await graphql({
      schema,
      source: String(query ?? ""),
      variableValues: variables,
      rootValue: {
        // Without a valid token a private project is invisible, as on GitLab.
        project: ({ fullPath }: { fullPath: string }) => {
          const dir = token ? store.dir(fullPath) : undefined;
          if (!dir) return null;
          return {
            fullPath,
            repository: {
              // At most 100 nodes a page, as GitLab's connections; the rest behind pageInfo.
              blobs: async ({
                ref,
                paths,
                first,
                after,
              }: {
                ref?: string;
                paths: string[];
                first?: number;
                after?: string;
              }) => {
                const commit =
                  (await store.head(dir, ref ?? "main")) ??
                  ((await store.commitExists(dir, ref ?? "")) ? ref : undefined);
                const none = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
                if (!commit) return none;
                const files = await store.readFiles(dir, commit, paths);
                const found = paths.filter((p) => files.has(p));
                const start = after ? Number(Buffer.from(after, "base64").toString()) : 0;
                const size = Math.min(first ?? 100, 100);
                const page = found.slice(start, start + size);
                const hasNextPage = start + size < found.length;
                return {
                  pageInfo: {
                    hasNextPage,
                    endCursor: hasNextPage ? Buffer.from(String(start + size)).toString("base64") : null,
                  },
                  nodes: page.flatMap((path) => {
                    const blob = files.get(path);
                    if (!blob) return [];
                    const text = blob.toString("utf8");
                    return [
                      {
                        path,
                        name: path.split("/").pop(),
                        rawBlob: text,
                        rawTextBlob: blob.includes(0) ? null : text,
                        size: blob.length,
                      },
                    ];
                  }),
                };
              },
            },
          };
        },
      },
    });
    return json(
      200,
      result.errors
        ? { data: result.data ?? null, errors: result.errors.map((e) => ({ message: e.message, path: e.path })) }
        : { data: result.data },
    );
  }
}

/** GitLab's note limit (Gitlab::Database::MAX_TEXT_SIZE_LIMIT): a longer body is a 400. */
const MAX_NOTE_CHARS = 1_000_000;

function noteTooLong(req: ForgeRequest): ForgeResponse | undefined {
  if (String(parseJson(req).body ?? "").length <= MAX_NOTE_CHARS) return undefined;
  return json(400, { message: { note: [`is too long (maximum is ${MAX_NOTE_CHARS} characters)`] } });
}
