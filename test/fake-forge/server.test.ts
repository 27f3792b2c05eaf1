import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import { READ_TOKEN, REPO, STAGING, testForge, TOKEN } from "../helpers/forge.js";

// Test probes into arbitrary JSON answers; the shapes are what the assertions check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const jsonOf = async (r: Response | Promise<Response>): Promise<Json> => (await r).json();

describe("local forge: GitHub API", async () => {
  const f = await testForge();
  const gh = (p: string, init: RequestInit = {}, token: string | null = TOKEN) =>
    fetch(`${f.apiUrl("github")}${p}`, {
      ...init,
      headers: { ...(token ? { authorization: `token ${token}` } : {}), ...init.headers },
    });
  const graphql = (query: string, variables: unknown, token = TOKEN) =>
    fetch(`${f.running.url}/github/api/graphql`, {
      method: "POST",
      headers: { authorization: `bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });

  it("answers 401 with GitHub's bodies for a missing or bad token", async () => {
    const missing = await gh("/repos/acme/config/pulls", {}, null);
    assert.equal(missing.status, 401);
    assert.equal((await jsonOf(missing)).message, "Requires authentication");
    const bad = await gh("/repos/acme/config/pulls", {}, "nope");
    assert.equal(bad.status, 401);
    assert.deepEqual(await jsonOf(bad), {
      message: "Bad credentials",
      documentation_url: "https://docs.github.com/rest",
      status: "401",
    });
  });

  it("answers 404 for an unknown repository and 403 for a read-only token writing", async () => {
    assert.equal((await gh("/repos/acme/missing/pulls")).status, 404);
    const r = await gh(
      "/repos/acme/config/pulls",
      { method: "POST", body: JSON.stringify({ head: "x", base: "main", title: "t" }) },
      READ_TOKEN,
    );
    assert.equal(r.status, 403);
  });

  it("sends rate-limit headers on every response", async () => {
    const r = await gh("/repos/acme/config");
    assert.equal(r.headers.get("x-ratelimit-limit"), "5000");
    assert.match(r.headers.get("x-ratelimit-remaining") ?? "", /^\d+$/);
    assert.equal(r.headers.get("x-ratelimit-resource"), "core");
  });

  it("rejects a stale expectedHeadOid with STALE_DATA, as GitHub does", async () => {
    const stale = "1".repeat(40);
    const r = await graphql(
      "mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }",
      {
        input: {
          branch: { repositoryNameWithOwner: "acme/config", branchName: "main" },
          message: { headline: "x" },
          fileChanges: { additions: [{ path: "a.txt", contents: Buffer.from("a").toString("base64") }] },
          expectedHeadOid: stale,
        },
      },
    );
    assert.equal(r.status, 200);
    const body = await jsonOf(r);
    assert.deepEqual(body.data, { createCommitOnBranch: null });
    assert.equal(body.errors[0].type, "STALE_DATA");
    assert.deepEqual(body.errors[0].path, ["createCommitOnBranch"]);
    assert.equal(body.errors[0].message, `Expected branch to point to "${stale}" but it did not. Pull and try again.`);
  });

  it("reads files through aliases in one query and reports unknown repositories as NOT_FOUND", async () => {
    const q = `query($p: String!) { repository(owner: "acme", name: "config") { ref(qualifiedName: "refs/heads/main") { target { oid ... on Commit { a: file(path: $p) { object { ... on Blob { text } } } b: file(path: "nope") { path } } } } } }`;
    const body = await jsonOf(graphql(q, { p: STAGING }));
    assert.equal(body.data.repository.ref.target.oid, f.git("github", "rev-parse", "main"));
    assert.match(body.data.repository.ref.target.a.object.text, /name: web/);
    assert.equal(body.data.repository.ref.target.b, null);
    const missing = await jsonOf(
      graphql(
        `
          {
            repository(owner: "acme", name: "nope") {
              nameWithOwner
            }
          }
        `,
        {},
      ),
    );
    assert.equal(missing.errors[0].type, "NOT_FOUND");
  });

  it("refuses a duplicate pull request with GitHub's 422", async () => {
    const sha = f.git("github", "rev-parse", "main");
    assert.equal(
      (
        await gh("/repos/acme/config/git/refs", {
          method: "POST",
          body: JSON.stringify({ ref: "refs/heads/feature", sha }),
        })
      ).status,
      201,
    );
    assert.equal(
      (
        await gh("/repos/acme/config/git/refs", {
          method: "POST",
          body: JSON.stringify({ ref: "refs/heads/feature", sha }),
        })
      ).status,
      422,
    );
    const open = () =>
      gh("/repos/acme/config/pulls", {
        method: "POST",
        body: JSON.stringify({ head: "feature", base: "main", title: "t" }),
      });
    assert.equal((await open()).status, 201);
    const dup = await open();
    assert.equal(dup.status, 422);
    assert.match((await jsonOf(dup)).errors[0].message, /A pull request already exists for acme:feature/);
  });
});

describe("local forge: GitLab API", async () => {
  const f = await testForge();
  const id = encodeURIComponent(REPO.gitlab);
  const gl = (p: string, init: RequestInit = {}, token: string | null = TOKEN) =>
    fetch(`${f.apiUrl("gitlab")}/projects/${id}${p}`, {
      ...init,
      headers: { "content-type": "application/json", ...(token ? { "private-token": token } : {}), ...init.headers },
    });
  const commit = (actions: unknown[]) =>
    gl("/repository/commits", {
      method: "POST",
      body: JSON.stringify({ branch: "main", commit_message: "m", actions }),
    });

  it("answers 401 and 404 with GitLab's bodies", async () => {
    const r = await gl("/repository/branches/main", {}, "nope");
    assert.equal(r.status, 401);
    assert.deepEqual(await jsonOf(r), { message: "401 Unauthorized" });
    const b = await gl("/repository/branches/nope");
    assert.equal(b.status, 404);
    assert.deepEqual(await jsonOf(b), { message: "404 Branch Not Found" });
  });

  it("checks last_commit_id as Files::BaseService does", async () => {
    const before = f.git("gitlab", "rev-parse", "main");
    const ok = await commit([
      { action: "update", file_path: STAGING, content: "images: []\n", last_commit_id: before },
    ]);
    assert.equal(ok.status, 201);
    // The file changed since `before`: the same last_commit_id is now stale.
    const stale = await commit([
      { action: "update", file_path: STAGING, content: "images: [x]\n", last_commit_id: before },
    ]);
    assert.equal(stale.status, 400);
    assert.match((await jsonOf(stale)).message, /has changed since you started editing it/);
    // A commit that did not touch the file does not make the head stale for it.
    await commit([{ action: "create", file_path: "other.txt", content: "x" }]);
    const unrelated = await commit([
      {
        action: "update",
        file_path: STAGING,
        content: "images: []\n# ok\n",
        last_commit_id: f.git("gitlab", "rev-parse", "main~1"),
      },
    ]);
    assert.equal(unrelated.status, 201);
  });

  it("refuses a duplicate merge request with 409", async () => {
    await gl("/repository/commits", {
      method: "POST",
      body: JSON.stringify({
        branch: "feature",
        start_branch: "main",
        commit_message: "f",
        actions: [{ action: "create", file_path: "f.txt", content: "f" }],
      }),
    });
    const open = () =>
      gl("/merge_requests", {
        method: "POST",
        body: JSON.stringify({ source_branch: "feature", target_branch: "main", title: "t" }),
      });
    assert.equal((await open()).status, 201);
    const dup = await open();
    assert.equal(dup.status, 409);
    assert.match((await jsonOf(dup)).message[0], /Another open merge request already exists/);
  });
});

describe("local forge: faults, stats and git smart HTTP", async () => {
  const f = await testForge();

  it("counts requests per endpoint and resets", async () => {
    f.running.resetStats();
    await fetch(`${f.apiUrl("github")}/repos/acme/config`, { headers: { authorization: `token ${TOKEN}` } });
    await fetch(`${f.apiUrl("github")}/repos/acme/config`, { headers: { authorization: `token ${TOKEN}` } });
    const stats = await jsonOf(fetch(`${f.running.url}/_forge/stats`));
    assert.deepEqual(stats, {
      total: 2,
      byEndpoint: { "GET /github/api/v3/repos/:owner/:repo": 2 },
      githubContentLimited: 0,
    });
    await fetch(`${f.running.url}/_forge/stats/reset`, { method: "POST" });
    assert.equal((await jsonOf(fetch(`${f.running.url}/_forge/stats`))).total, 0);
  });

  it("injects status, reset, delay and every-Nth faults through its HTTP control endpoint", async () => {
    const url = `${f.apiUrl("github")}/repos/acme/config`;
    const get = () => fetch(url, { headers: { authorization: `token ${TOKEN}` } });
    const rules = [
      { endpoint: "GET /github/api/v3/repos/:owner/:repo", status: 503, everyNth: 2, times: 1 },
      { endpoint: "GET /github/api/v3/repos/:owner/:repo", delayMs: 150, times: 1 },
    ];
    await fetch(`${f.running.url}/_forge/faults`, { method: "POST", body: JSON.stringify({ rules }) });
    const t0 = Date.now();
    assert.equal((await get()).status, 200);
    assert.ok(Date.now() - t0 >= 140, "first request delayed");
    assert.equal((await get()).status, 503);
    assert.equal((await get()).status, 200);
    await fetch(`${f.running.url}/_forge/faults`, {
      method: "POST",
      body: JSON.stringify({ rules: [{ endpoint: "*", reset: true, times: 1 }] }),
    });
    await assert.rejects(get());
    assert.equal((await get()).status, 200);
    await fetch(`${f.running.url}/_forge/faults`, { method: "DELETE" });
  });

  it("serves the same repositories over git smart HTTP, clone and push, counted too", async () => {
    // Async git: the forge runs in this process, a blocking call would deadlock it.
    const run = promisify(execFile);
    f.running.resetStats();
    const work = mkdtempSync(path.join(tmpdir(), "forge-clone-"));
    const remote = `${f.running.url.replace("http://", `http://x-access-token:${TOKEN}@`)}/git/acme/config.git`;
    await run("git", ["clone", "-q", remote, work]);
    assert.match(readFileSync(path.join(work, STAGING), "utf8"), /name: web/);
    writeFileSync(path.join(work, "pushed.txt"), "via smart http\n");
    const git = (...args: string[]) =>
      run("git", ["-c", "user.name=t", "-c", "user.email=t@e", ...args], { cwd: work });
    await git("add", "-A");
    await git("commit", "-qm", "pushed");
    await git("push", "-q", "origin", "HEAD:main");
    assert.equal(f.git("github", "show", "main:pushed.txt"), "via smart http");
    assert.ok((f.running.stats().byEndpoint["GET /git/*path"] ?? 0) >= 1);
    assert.ok((f.running.stats().byEndpoint["POST /git/*path"] ?? 0) >= 2);
    const env = { ...process.env, GIT_TERMINAL_PROMPT: "0" };
    await assert.rejects(run("git", ["clone", "-q", `${f.running.url}/git/acme/config.git`, `${work}-2`], { env }));
  });
});
