import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { promote, promotionBranch, type PromoteOptions } from "../../src/commands/promote.js";
import { DowngradeError, MergeError, SourceNotGreenError } from "../../src/promote/errors.js";
import { ForeignCommitsError } from "../../src/proposal/ownership.js";
import { HOSTS, openFrom, REPO, testForge, TOKEN } from "../helpers/forge.js";

// Each scenario uses its own app in one config repo, so they run against one forge per host.
const APPS = ["flow", "down", "green", "red", "gate", "policy", "foreign", "auto", "draft", "timeout"];
const staging = (app: string) => `apps/${app}/overlays/staging`;
const production = (app: string) => `apps/${app}/overlays/production`;
const FILES: Record<string, string> = Object.fromEntries(
  APPS.flatMap((app) => [
    [`apps/${app}/base/kustomization.yaml`, "resources:\n- deployment.yaml\n"],
    [
      `${staging(app)}/kustomization.yaml`,
      'resources:\n- ../../base\nimages:\n- name: web # the app\n  newTag: "1.4.0"\n- name: registry.example.com/team/api\n  newTag: v2.1.0\n',
    ],
    [
      `${production(app)}/kustomization.yaml`,
      '# production: changes go through promotion PRs\nresources:\n- ../../base\nimages:\n  - name: web   # pinned by gitops-ci\n    newTag: "1.3.2"\n',
    ],
  ]),
);

for (const { kind, host, label } of HOSTS) {
  describe(`promote on ${label}`, async () => {
    const f = await testForge({ files: FILES, ...host });
    const forge = f.client(kind);
    const run = (app: string, extra: Partial<PromoteOptions> = {}) =>
      promote({ forge, branch: "main", from: staging(app), to: [production(app)], pollMs: 20, ...extra });
    const onBranch = (app: string) =>
      f.git(kind, "show", `${promotionBranch(production(app))}:${production(app)}/kustomization.yaml`);
    const onMain = (app: string, env = "production") =>
      f.git(kind, "show", `main:apps/${app}/overlays/${env}/kustomization.yaml`);
    const commitToMain = async (path: string, content: string) => {
      const head = (await forge.readFiles("main", [])).head;
      const outcome = await forge.commitFiles({
        branch: "main",
        message: "edit",
        changes: [{ path, content }],
        expectedHead: head,
      });
      assert.equal(outcome.kind, "committed");
    };
    const openRequests = async (app: string) => {
      const open = await openFrom(forge, promotionBranch(production(app)));
      return open ? [open.number] : [];
    };

    it("opens one PR/MR, refreshes it when staging moves, closes it when production catches up", async () => {
      const first = await run("flow");
      const target = first.targets[0];
      assert.ok(target?.prNumber);
      assert.deepEqual(
        target.plan.map((i) => [i.name, i.from?.newTag, i.to.newTag, i.bump]),
        [
          ["web", "1.3.2", "1.4.0", "minor"],
          ["registry.example.com/team/api", undefined, "v2.1.0", "other"],
        ],
      );
      // Every byte but the promoted values kept; the missing image appended in the file's style.
      assert.equal(
        onBranch("flow"),
        '# production: changes go through promotion PRs\nresources:\n- ../../base\nimages:\n  - name: web   # pinned by gitops-ci\n    newTag: "1.4.0"\n  - name: registry.example.com/team/api\n    newTag: v2.1.0',
      );
      assert.equal(onMain("flow").includes('"1.3.2"'), true, "main untouched until merged");
      const details = await forge.getChangeRequest(target.prNumber);
      assert.equal(details.title, "Promote web:1.4.0, api:v2.1.0 to production");

      await commitToMain(
        `${staging("flow")}/kustomization.yaml`,
        FILES[`${staging("flow")}/kustomization.yaml`]?.replace("1.4.0", "1.4.1") ?? "",
      );
      const second = await run("flow");
      assert.equal(second.targets[0]?.prNumber, target.prNumber, "the same PR/MR, updated");
      assert.match(onBranch("flow"), /newTag: "1\.4\.1"/);
      assert.deepEqual(await openRequests("flow"), [target.prNumber]);
      assert.equal(
        (await forge.getChangeRequest(target.prNumber)).title,
        "Promote web:1.4.1, api:v2.1.0 to production",
      );

      await commitToMain(`${production("flow")}/kustomization.yaml`, `${onBranch("flow")}\n`);
      const third = await run("flow");
      assert.equal(third.changed, false);
      assert.equal(third.targets[0]?.closed, target.prNumber);
      assert.equal((await forge.getChangeRequest(target.prNumber)).state, "closed");
      assert.deepEqual(await openRequests("flow"), []);
    });

    it("refuses a downgrade and changes nothing; --allow-downgrade rolls back on purpose", async () => {
      await commitToMain(
        `${staging("down")}/kustomization.yaml`,
        "resources:\n- ../../base\nimages:\n- name: web\n  newTag: v1.2.0\n",
      );
      const before = f.git(kind, "rev-parse", "main");
      await assert.rejects(
        run("down"),
        (e: unknown) => e instanceof DowngradeError && /web 1\.3\.2 -> v1\.2\.0/.test(e.message),
      );
      assert.equal(f.git(kind, "rev-parse", "main"), before);
      assert.equal(f.git(kind, "branch", "--list", promotionBranch(production("down"))), "", "no promotion branch");
      const rolled = await run("down", { allowDowngrade: true });
      assert.ok(rolled.targets[0]?.prNumber);
      assert.match(onBranch("down"), /newTag: "v1\.2\.0"/, "the quoting style of the entry is kept");
    });

    it("--merge now merges once the gate is green on the PR head", async () => {
      const running = run("green", { merge: "now", timeoutMs: 20_000 });
      const head = await promotionHead(() => openFrom(forge, promotionBranch(production("green"))), forge);
      await forge.setCommitStatus(head, { name: "gitops-ci/validate", state: "success" });
      const result = await running;
      assert.equal(result.merged, true);
      assert.equal((await forge.getChangeRequest(result.targets[0]?.prNumber ?? 0)).state, "merged");
      assert.match(onMain("green"), /newTag: "1\.4\.0"/);
    });

    it("--merge now fails when the gate is red, and leaves the PR/MR open", async () => {
      const running = run("red", { merge: "now", timeoutMs: 20_000 });
      const head = await promotionHead(() => openFrom(forge, promotionBranch(production("red"))), forge);
      await forge.setCommitStatus(head, { name: "gitops-ci/validate", state: "failure", description: "2 error(s)" });
      await assert.rejects(
        running,
        (e: unknown) => e instanceof MergeError && /gitops-ci\/validate failed \(2 error\(s\)\)/.test(e.message),
      );
      assert.match(onMain("red"), /newTag: "1\.3\.2"/);
      assert.equal((await openRequests("red")).length, 1);
    });

    it("--require-source-green needs gitops-ci/validate green on the last commit that changed the source", async () => {
      await assert.rejects(
        run("gate", { requireSourceGreen: true }),
        (e: unknown) => e instanceof SourceNotGreenError && /is missing/.test(e.message),
      );
      const sourceCommit = f.git(
        kind,
        "log",
        "-1",
        "--format=%H",
        "main",
        "--",
        `${staging("gate")}/kustomization.yaml`,
      );
      await forge.setCommitStatus(sourceCommit, { name: "gitops-ci/validate", state: "success" });
      const result = await run("gate", { requireSourceGreen: true });
      assert.ok(result.targets[0]?.prNumber);
      assert.match(
        (await forge.getChangeRequest(result.targets[0]?.prNumber ?? 0)).body,
        /`gitops-ci\/validate` on the last commit of `apps\/gate\/overlays\/staging`: success\./,
      );
    });

    it("--auto-merge-level keeps a bigger bump for review and says why in the body", async () => {
      const result = await run("policy", {
        merge: "now",
        autoMergeLevel: "patch",
        labels: ["promotion"],
        reviewers: ["alice"],
      });
      const target = result.targets[0];
      assert.equal(target?.merged, false);
      assert.match(
        target?.reviewReason ?? "",
        /web web:1\.3\.2 -> web:1\.4\.0 is a minor change, above --auto-merge-level patch/,
      );
      assert.match((await forge.getChangeRequest(target?.prNumber ?? 0)).body, /\*\*Left for review:\*\*/);
    });

    it("labels, reviewers and compare links reach the PR/MR", async () => {
      const result = await run("policy", {
        labels: ["promotion", "web"],
        reviewers: ["alice"],
        sourceRepos: new Map([["web", "https://github.com/acme/web"]]),
      });
      const number = result.targets[0]?.prNumber ?? 0;
      const raw = (await (
        await fetch(
          `${f.apiUrl(kind)}${kind === "github" ? `/repos/acme/config/pulls/${number}` : `/projects/${encodeURIComponent("platform/team/config")}/merge_requests/${number}`}`,
          { headers: kind === "github" ? { authorization: `token ${TOKEN}` } : { "private-token": TOKEN } },
        )
      ).json()) as {
        labels: (string | { name: string })[];
        requested_reviewers?: { login: string }[];
        reviewers?: { username: string }[];
      };
      assert.deepEqual(
        raw.labels.map((l) => (typeof l === "string" ? l : l.name)),
        ["promotion", "web"],
      );
      assert.deepEqual(
        kind === "github" ? raw.requested_reviewers?.map((r) => r.login) : raw.reviewers?.map((r) => r.username),
        ["alice"],
      );
      assert.match(
        (await forge.getChangeRequest(number)).body,
        /\[`web:1\.4\.0`\]\(https:\/\/github\.com\/acme\/web\/compare\/1\.3\.2\.\.\.1\.4\.0\)/,
      );
    });

    it("--merge auto hands merging to the host, or says why it cannot", async () => {
      if (kind === "github") {
        // Without required checks GitHub refuses auto-merge ("clean status"): nothing to wait for.
        await assert.rejects(
          run("auto", { merge: "auto" }),
          (e: unknown) =>
            e instanceof MergeError &&
            /can merge now: GitHub has no required check to wait for .*clean status.*; not merging it untested: gitops-ci\/validate is not green on [0-9a-f]{12}/.test(
              e.message,
            ),
        );
        await fetch(`${f.running.url}/_forge/github/protection`, {
          method: "POST",
          body: JSON.stringify({ repo: REPO.github, branch: "main", requiredChecks: ["gitops-ci/validate"] }),
        });
        const result = await run("auto", { merge: "auto", mergeMethod: "squash" });
        assert.equal(result.targets[0]?.autoMerge, true);
        assert.equal(result.targets[0]?.merged, false);
        // Green already: GitHub says "clean status" again, and the run merges the head it made.
        const head = f.git(kind, "rev-parse", promotionBranch(production("auto")));
        await forge.setCommitStatus(head, { name: "gitops-ci/validate", state: "success" });
        const merged = await run("auto", { merge: "auto" });
        assert.equal(merged.targets[0]?.merged, true);
        assert.match(onMain("auto"), /1\.4\.0/);
      } else {
        // The forge, like a project without CI, has no pipeline on the MR: auto_merge would merge at once.
        await assert.rejects(
          run("auto", { merge: "auto", timeoutMs: 300 }),
          (e: unknown) =>
            e instanceof MergeError &&
            /has no pipeline yet; setting auto-merge now would merge it at once, untested; none appeared in time/.test(
              e.message,
            ),
        );
        // Once the MR pipeline runs, auto-merge is set and nothing merges yet, on every release
        // (before 17.11 GitLab reads only merge_when_pipeline_succeeds).
        const open = await openFrom(forge, promotionBranch(production("auto")));
        await fetch(`${f.running.url}/_forge/gitlab/pipeline`, {
          method: "POST",
          body: JSON.stringify({ repo: REPO.gitlab, iid: open?.number, status: "running" }),
        });
        const result = await run("auto", { merge: "auto" });
        assert.equal(result.targets[0]?.autoMerge, true);
        assert.equal(result.targets[0]?.merged, false);
        assert.match(onMain("auto"), /newTag: "1\.3\.2"/, "nothing merged while the pipeline runs");
        assert.equal((await forge.getChangeRequest(open?.number as number)).state, "open");
      }
    });

    it("--merge now gives up at --timeout, naming what it still waits for", async () => {
      await assert.rejects(
        run("timeout", { merge: "now", timeoutMs: 300 }),
        (e: unknown) =>
          e instanceof MergeError &&
          /did not become mergeable in time: still waiting for gitops-ci\/validate \(not reported yet\) \(raise --merge-timeout\)/.test(
            e.message,
          ),
      );
    });

    it("a draft is never merged by the run", async () => {
      const result = await run("draft", { merge: "now", draft: true, timeoutMs: 1_000 });
      assert.equal(result.targets[0]?.merged, false);
      const details = await forge.getChangeRequest(result.targets[0]?.prNumber ?? 0);
      assert.equal(details.state, "open");
      if (kind === "gitlab") assert.match(details.title, /^Draft: Promote /);
    });

    it("stops when someone else pushed to the promotion branch, keeping their commit", async () => {
      const first = await run("foreign");
      const branch = promotionBranch(production("foreign"));
      const head = (await forge.readFiles(branch, [])).head;
      const foreign = await forge.commitFiles({
        branch,
        message: "hotfix by a human",
        changes: [
          {
            path: `${production("foreign")}/kustomization.yaml`,
            content: `# careful: hotfix\n${onBranch("foreign")}\n`,
          },
        ],
        expectedHead: head,
      });
      assert.equal(foreign.kind, "committed");
      await commitToMain(
        `${staging("foreign")}/kustomization.yaml`,
        FILES[`${staging("foreign")}/kustomization.yaml`]?.replace("1.4.0", "1.5.0") ?? "",
      );
      await assert.rejects(
        run("foreign"),
        (e: unknown) =>
          e instanceof ForeignCommitsError && new RegExp(`#${first.targets[0]?.prNumber}`).test(e.message),
      );
      assert.equal(f.git(kind, "rev-parse", branch), foreign.kind === "committed" ? foreign.sha : "");
    });
  });
}

/** Waits for the promotion PR/MR to exist and returns its head commit. */
async function promotionHead(
  find: () => Promise<{ number: number } | undefined>,
  forge: { getChangeRequest(n: number): Promise<{ headSha: string }> },
): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const open = await find();
    if (open) return (await forge.getChangeRequest(open.number)).headSha;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the promotion PR/MR never appeared");
}
