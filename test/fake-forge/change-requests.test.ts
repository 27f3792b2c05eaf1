import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import type { ForgeKind } from "../../src/forge/forge.js";
import { REPO, STAGING, testForge, TOKEN } from "../helpers/forge.js";

// The Forge operations that gates and promotions build on, against the forge on both hosts.
for (const kind of ["github", "gitlab"] as ForgeKind[]) {
  describe(`${kind}: comments, statuses, merging`, async () => {
    const f = await testForge();
    const raw = (path: string, init: RequestInit = {}) =>
      fetch(
        `${f.apiUrl(kind)}${kind === "github" ? `/repos/${REPO.github}` : `/projects/${encodeURIComponent(REPO.gitlab)}`}${path}`,
        {
          ...init,
          headers: {
            "content-type": "application/json",
            ...(kind === "github" ? { authorization: `token ${TOKEN}` } : { "private-token": TOKEN }),
          },
        },
      );
    const propose = async (tag: string) => {
      const r = await setImageRemote({
        forge: f.client(kind),
        branch: "main",
        paths: ["apps/web/overlays/staging"],
        images: [`web:${tag}`],
        mode: "pull-request",
      });
      return r.prNumber as number;
    };

    it("comments on a PR/MR", async () => {
      const number = await propose("7.0");
      await f.client(kind).comment(number, "gate: green");
      const list = (await (
        await raw(kind === "github" ? `/issues/${number}/comments` : `/merge_requests/${number}/notes`)
      ).json()) as { body: string }[];
      assert.equal(list.length, 1);
      assert.match(list[0]?.body ?? "", /^gate: green\n\n<!-- gitops-ci\/comment [0-9a-f]{16} -->$/);
    });

    it("keeps one marked comment per PR/MR: the second upsert edits it in place", async () => {
      const number = await propose("7.1");
      const forge = f.client(kind);
      await forge.comment(number, "a reviewer's comment");
      assert.equal(await forge.upsertComment(number, "<!-- mark -->", "<!-- mark -->\nrun 1: 2 errors"), "created");
      assert.equal(await forge.upsertComment(number, "<!-- mark -->", "<!-- mark -->\nrun 2: clean"), "updated");
      const list = (await (
        await raw(kind === "github" ? `/issues/${number}/comments` : `/merge_requests/${number}/notes`)
      ).json()) as { body: string }[];
      assert.deepEqual(
        list.map((c) => c.body).filter((b) => b.includes("<!-- mark -->")),
        ["<!-- mark -->\nrun 2: clean"],
      );
      assert.ok(list.some((c) => c.body.startsWith("a reviewer's comment\n\n<!-- gitops-ci/comment ")));
    });

    it("writes statuses and reads them back, the newest per name winning", async () => {
      const forge = f.client(kind);
      const sha = f.git(kind, "rev-parse", "main");
      await forge.setCommitStatus(sha, { name: "gitops-ci/validate", state: "pending", description: "rendering" });
      await forge.setCommitStatus(sha, {
        name: "gitops-ci/validate",
        state: "failure",
        description: "2 findings",
        url: "https://ci.example.com/1",
      });
      await forge.setCommitStatus(sha, { name: "other", state: "success" });
      const checks = await forge.listCommitChecks(sha);
      assert.deepEqual(checks.map((c) => [c.name, c.state]).sort(), [
        ["gitops-ci/validate", "failure"],
        ["other", "success"],
      ]);
      assert.equal(checks.find((c) => c.name === "gitops-ci/validate")?.url, "https://ci.example.com/1");
    });

    if (kind === "github") {
      it("counts check runs: in progress is pending, failed conclusions fail", async () => {
        const sha = f.git(kind, "rev-parse", "main");
        await raw("/check-runs", {
          method: "POST",
          body: JSON.stringify({ name: "build", head_sha: sha, status: "in_progress" }),
        });
        await raw("/check-runs", {
          method: "POST",
          body: JSON.stringify({ name: "lint", head_sha: sha, conclusion: "timed_out" }),
        });
        await raw("/check-runs", {
          method: "POST",
          body: JSON.stringify({ name: "docs", head_sha: sha, conclusion: "skipped" }),
        });
        const checks = await f.client(kind).listCommitChecks(sha);
        const state = (name: string) => checks.find((c) => c.name === name)?.state;
        assert.deepEqual([state("build"), state("lint"), state("docs")], ["pending", "failure", "neutral"]);
      });
    }

    it("merges only while the head is the one expected, then reports merged", async () => {
      const forge = f.client(kind);
      const number = await propose("8.0");
      const pr = await forge.getChangeRequest(number);
      assert.equal(pr.state, "open");
      assert.equal(pr.mergeable, true);
      await assert.rejects(forge.merge(number, "merge", "0".repeat(40)), /409/);
      const { sha } = await forge.merge(number, "merge", pr.headSha);
      assert.equal(f.git(kind, "rev-parse", "main"), sha);
      assert.equal(
        f.git(kind, "rev-list", "--parents", "-n1", "main").split(" ").length,
        3,
        "a merge commit has two parents",
      );
      assert.match(f.git(kind, "show", `main:${STAGING}`), /newTag: "8\.0"/);
      assert.equal((await forge.getChangeRequest(number)).state, "merged");
    });

    it("squashes when asked", async () => {
      const forge = f.client(kind);
      const number = await propose("9.0");
      await forge.merge(number, "squash", (await forge.getChangeRequest(number)).headSha);
      assert.equal(f.git(kind, "rev-list", "--parents", "-n1", "main").split(" ").length, 2, "one parent");
      assert.match(f.git(kind, "show", `main:${STAGING}`), /newTag: "9\.0"/);
    });

    if (kind === "github") {
      it("enables auto-merge through GraphQL, and says plainly when the repository does not allow it", async () => {
        const forge = f.client(kind);
        await fetch(`${f.running.url}/_forge/github/protection`, {
          method: "POST",
          body: JSON.stringify({ repo: REPO.github, branch: "main", requiredChecks: ["gitops-ci/validate"] }),
        });
        const number = await propose("10.0");
        await forge.enableAutoMerge(number, "squash", (await forge.getChangeRequest(number)).headSha);
        const pull = (await (await raw(`/pulls/${number}`)).json()) as { auto_merge: { merge_method: string } | null };
        assert.deepEqual(pull.auto_merge, { merge_method: "squash" });
        f.running.faults.set([
          {
            endpoint: "POST /github/api/graphql",
            status: 200,
            times: 1,
            body: {
              data: { enablePullRequestAutoMerge: null },
              errors: [
                {
                  type: "UNPROCESSABLE",
                  path: ["enablePullRequestAutoMerge"],
                  message: "Pull request Auto merge is not allowed for this repository",
                },
              ],
            },
          },
        ]);
        try {
          await assert.rejects(
            forge.enableAutoMerge(number, "merge", f.git(kind, "rev-parse", "main")),
            /does not allow auto-merge: enable "Allow auto-merge" in the repository settings/,
          );
        } finally {
          f.running.faults.clear();
        }
      });
      it("enables auto-merge only for the head it was given (expectedHeadOid)", async () => {
        const forge = f.client(kind);
        const number = await propose("10.1");
        const autoMerge = async () =>
          ((await (await raw(`/pulls/${number}`)).json()) as { auto_merge: unknown }).auto_merge;
        const before = await autoMerge();
        await assert.rejects(
          forge.enableAutoMerge(number, "rebase", "1".repeat(40)),
          /Head sha didn't match expected head sha/,
        );
        assert.deepEqual(await autoMerge(), before, "auto-merge was not set for another head");
      });
    } else {
      it("refuses auto-merge before the MR has a pipeline, where GitLab would merge at once", async () => {
        const forge = f.client(kind);
        const number = await propose("10.0");
        const before = f.git(kind, "rev-parse", "main");
        await assert.rejects(
          forge.enableAutoMerge(number, "merge", f.git(kind, "rev-parse", "main")),
          /has no pipeline yet; setting auto-merge now would merge it at once/,
        );
        assert.equal(f.git(kind, "rev-parse", "main"), before);
        assert.equal((await forge.getChangeRequest(number)).state, "open");
      });
    }
  });
}
