import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConflictTimeoutError, proposalBranch, setImageRemote } from "../../src/commands/set-image-remote.js";
import { BranchNotFoundError, type ForgeKind } from "../../src/forge/forge.js";
import { parseImageSpecs } from "../../src/kustomize/image-ref.js";
import {
  CONFIG_FILES,
  HOSTS,
  PRODUCTION,
  openFrom,
  QUICK_RETRY,
  READ_TOKEN,
  STAGING,
  testForge,
} from "../helpers/forge.js";

const PATHS = ["apps/web/overlays/staging", "apps/web/overlays/production"];
const SOURCE = {
  repo: "acme/web",
  sha: "0123abc",
  commitUrl: "https://github.com/acme/web/commit/0123abc",
  runUrl: "https://github.com/acme/web/actions/runs/7",
};

for (const { kind, host, label } of HOSTS) {
  describe(`set-image through the ${label} API`, async () => {
    const f = await testForge(host);
    const show = (file: string, ref = "main") => f.git(kind, "show", `${ref}:${file}`);

    // GitLab: the branch, the files, the release (read before the first write), the commit.
    it(`commits every file in one commit, in ${kind === "github" ? 2 : 4} requests`, async () => {
      f.running.resetStats();
      const result = await setImageRemote({
        forge: f.client(kind),
        branch: "main",
        paths: PATHS,
        images: ["web:1.10"],
        source: SOURCE,
      });
      assert.equal(f.running.stats().total, kind === "github" ? 2 : 4);
      assert.equal(result.changed, true);
      assert.equal(result.attempts, 1);
      assert.equal(result.commit, f.git(kind, "rev-parse", "main"));
      assert.deepEqual(result.files, [STAGING, PRODUCTION]);
      assert.equal(f.git(kind, "rev-list", "--count", "main"), "2");
      assert.deepEqual(f.git(kind, "show", "--name-only", "--format=", "main").split("\n").sort(), [
        PRODUCTION,
        STAGING,
      ]);
      assert.equal(show(STAGING), CONFIG_FILES[STAGING]?.replace('"1.0"', '"1.10"').trimEnd());
      const message = f.git(kind, "log", "-1", "--format=%B", "main");
      assert.match(message, /^set-image: web:1\.10\n/);
      assert.match(message, /Source: https:\/\/github\.com\/acme\/web\/commit\/0123abc/);
      assert.match(message, /Run: https:\/\/github\.com\/acme\/web\/actions\/runs\/7/);
    });

    it("makes no commit when there is nothing to change", async () => {
      const head = f.git(kind, "rev-parse", "main");
      const result = await setImageRemote({
        forge: f.client(kind),
        branch: "main",
        paths: PATHS,
        images: ["web:1.10"],
      });
      assert.equal(result.changed, false);
      assert.equal(result.commit, undefined);
      assert.deepEqual(result.files, []);
      assert.equal(f.git(kind, "rev-parse", "main"), head);
    });

    it("dry-run reads and diffs, commits nothing", async () => {
      const head = f.git(kind, "rev-parse", "main");
      const result = await setImageRemote({
        forge: f.client(kind),
        branch: "main",
        paths: PATHS,
        images: ["web:9"],
        dryRun: true,
      });
      assert.equal(result.changed, true);
      assert.match(result.diff, /- {2}newTag: "1\.10"\n\+ {2}newTag: "9"/);
      assert.equal(f.git(kind, "rev-parse", "main"), head);
    });

    it("fills the message template", async () => {
      await setImageRemote({
        forge: f.client(kind),
        branch: "main",
        paths: PATHS.slice(0, 1),
        images: ["web:1.11"],
        message: "deploy {images} to {paths} from {source_repo}@{source_sha} ({run_url})",
        source: SOURCE,
      });
      assert.equal(
        f.git(kind, "log", "-1", "--format=%B", "main"),
        "deploy web:1.11 to apps/web/overlays/staging from acme/web@0123abc (https://github.com/acme/web/actions/runs/7)",
      );
    });

    it("pull-request mode opens one PR/MR, updates it on re-runs, and never touches the base", async () => {
      const base = f.git(kind, "rev-parse", "main");
      const branch = proposalBranch("main", parseImageSpecs(["web:2.0"]), PATHS);
      assert.match(branch, /^gitops-ci\/set-image\/main\/web-[0-9a-f]{8}$/);
      const first = await setImageRemote({
        forge: f.client(kind),
        branch: "main",
        paths: PATHS,
        images: ["web:2.0"],
        mode: "pull-request",
      });
      assert.equal(first.changed, true);
      assert.equal(first.branch, branch);
      assert.equal(first.prNumber, 1);
      assert.match(first.prUrl ?? "", kind === "github" ? /\/pull\/1$/ : /\/merge_requests\/1$/);
      assert.equal(f.git(kind, "rev-parse", "main"), base);
      assert.equal(f.git(kind, "rev-parse", `${branch}~1`), base);
      assert.match(show(STAGING, branch), /newTag: "2\.0"/);

      const again = await setImageRemote({
        forge: f.client(kind),
        branch: "main",
        paths: PATHS,
        images: ["web:2.0"],
        mode: "pull-request",
      });
      assert.equal(again.changed, false);
      assert.equal(again.prNumber, 1);
      assert.equal(
        f.git(kind, "rev-list", "--count", branch),
        f.git(kind, "rev-list", "--count", "main").replace(/\d+/, (n) => String(Number(n) + 1)),
      );

      const newer = await setImageRemote({
        forge: f.client(kind),
        branch: "main",
        paths: PATHS,
        images: ["web:2.1"],
        mode: "pull-request",
      });
      assert.equal(newer.prNumber, 1, "the same PR is updated");
      assert.equal(f.git(kind, "rev-parse", `${branch}~1`), base, "rebuilt on the base head");
      assert.match(show(STAGING, branch), /newTag: "2\.1"/);
      const pr = await openFrom(f.client(kind), branch);
      assert.equal(pr?.title, "set-image: web:2.1");
    });

    it("re-reads and re-applies when another commit lands between read and commit", async () => {
      const forge = f.client(kind);
      let raced = false;
      const racing = {
        ...forge,
        kind: forge.kind,
        repo: forge.repo,
        readFiles: forge.readFiles.bind(forge),
        changeRequestsFrom: forge.changeRequestsFrom.bind(forge),
        createChangeRequest: forge.createChangeRequest.bind(forge),
        updateChangeRequest: forge.updateChangeRequest.bind(forge),
        commitFiles: async (request: Parameters<typeof forge.commitFiles>[0]) => {
          if (!raced) {
            raced = true;
            // Another pipeline updates the same file first.
            await setImageRemote({ forge, branch: "main", paths: PATHS.slice(0, 1), images: ["api:7.0"] });
          }
          return forge.commitFiles(request);
        },
      };
      const result = await setImageRemote({
        forge: racing,
        branch: "main",
        paths: PATHS.slice(0, 1),
        images: ["web:3.0"],
      });
      assert.equal(result.attempts, 2);
      const staging = show(STAGING);
      assert.match(staging, /- name: web # the app\n {2}newTag: "3\.0"/);
      assert.match(staging, /- name: api\n {2}newTag: "7\.0"/, "the other pipeline's change survives");
    });

    it("gives up after the timeout when the branch keeps moving, committing nothing", async () => {
      const forge = f.client(kind);
      const head = f.git(kind, "rev-parse", "main");
      const alwaysStale = {
        ...forge,
        kind: forge.kind,
        repo: forge.repo,
        readFiles: forge.readFiles.bind(forge),
        commitFiles: async () => ({ kind: "conflict" as const, detail: "moved" }),
      };
      await assert.rejects(
        setImageRemote({
          forge: alwaysStale as typeof forge,
          branch: "main",
          paths: PATHS,
          images: ["web:4.0"],
          timeoutMs: 400,
        }),
        (e: unknown) =>
          e instanceof ConflictTimeoutError &&
          /branch "main" kept changing under us: gave up after \d+ attempts/.test((e as Error).message),
      );
      assert.equal(f.git(kind, "rev-parse", "main"), head);
    });

    it("commits in one attempt when the head commit of main touched other files only", async () => {
      const forge = f.client(kind);
      const head = (await forge.readFiles("main", [])).head;
      const unrelated = await forge.commitFiles({
        branch: "main",
        message: "docs",
        changes: [{ path: "apps/web/base/kustomization.yaml", content: "resources:\n- deployment.yaml\n# docs\n" }],
        expectedHead: head,
      });
      assert.equal(unrelated.kind, "committed");
      const result = await setImageRemote({
        forge,
        branch: "main",
        paths: PATHS,
        images: ["web:4.5"],
        timeoutMs: 3_000,
      });
      assert.equal(result.changed, true);
      assert.equal(result.attempts, 1);
      assert.match(show(STAGING), /newTag: "4\.5"/);
    });

    it("reports the commit it made when the host's answer was lost and the resend was refused", async () => {
      const before = Number(f.git(kind, "rev-list", "--count", "main"));
      const endpoint =
        kind === "github" ? "POST /github/api/graphql" : "POST /gitlab/api/v4/projects/:id/repository/commits";
      // GitHub: the second GraphQL request is the commit (the first reads the files).
      f.running.faults.set([
        { endpoint, status: 502, afterHandling: true, times: 1, ...(kind === "github" ? { everyNth: 2 } : {}) },
      ]);
      let result;
      try {
        result = await setImageRemote({
          forge: f.client(kind, { retry: QUICK_RETRY }),
          branch: "main",
          paths: PATHS,
          images: ["web:4.7"],
        });
      } finally {
        f.running.faults.clear();
      }
      assert.equal(Number(f.git(kind, "rev-list", "--count", "main")), before + 1, "one commit, not two");
      assert.equal(result.changed, true);
      assert.equal(result.commit, f.git(kind, "rev-parse", "main"));
      assert.deepEqual(result.files.sort(), [PRODUCTION, STAGING].sort());
    });

    it("survives injected 502s and connection resets", async () => {
      const before = Number(f.git(kind, "rev-list", "--count", "main"));
      f.running.faults.set([
        { endpoint: "*", status: 502, times: 2 },
        { endpoint: "*", reset: true, everyNth: 3, times: 1 },
      ]);
      f.running.resetStats();
      try {
        const result = await setImageRemote({
          forge: f.client(kind, { retry: QUICK_RETRY }),
          branch: "main",
          paths: PATHS,
          images: ["web:5.0"],
        });
        assert.equal(result.changed, true);
        assert.equal(result.attempts, 1, "transport retries are not compare-and-swap attempts");
      } finally {
        f.running.faults.clear();
      }
      // Two 502s and one reset were each answered by a retry of the same request. GitLab before
      // 16.0 may refuse the head as last_commit_id (when the head commit did not touch the files):
      // then one more commit, after one last-commit read per file.
      const plain = (kind === "github" ? 2 : 4) + 3;
      const olderGitLab = host.gitlabVersion !== undefined && Number(host.gitlabVersion.split(".")[0]) < 16;
      assert.ok(
        [plain, ...(olderGitLab ? [plain + 1 + PATHS.length] : [])].includes(f.running.stats().total),
        JSON.stringify(f.running.stats()),
      );
      assert.equal(Number(f.git(kind, "rev-list", "--count", "main")), before + 1);
    });

    it("waits out a rate limit with the host's real headers", async () => {
      f.running.faults.set([
        { endpoint: "*", preset: kind === "github" ? "github-secondary-rate-limit" : "gitlab-rate-limit", times: 1 },
      ]);
      const started = Date.now();
      try {
        const result = await setImageRemote({
          forge: f.client(kind, { retry: QUICK_RETRY }),
          branch: "main",
          paths: PATHS,
          images: ["web:5.1"],
        });
        assert.equal(result.changed, true);
      } finally {
        f.running.faults.clear();
      }
      assert.ok(Date.now() - started >= 900, "waited the retry-after second");
    });

    it("fails cleanly on a permanent 500, with nothing committed", async () => {
      const head = f.git(kind, "rev-parse", "main");
      f.running.faults.set([{ endpoint: "*", status: 500, body: { message: "boom" } }]);
      try {
        await assert.rejects(
          setImageRemote({
            forge: f.client(kind, { retry: QUICK_RETRY }),
            branch: "main",
            paths: PATHS,
            images: ["web:6.0"],
          }),
          /failed \(500\)/,
        );
      } finally {
        f.running.faults.clear();
      }
      assert.equal(f.git(kind, "rev-parse", "main"), head);
    });

    it("names a bad token, a read-only token and a missing branch plainly", async () => {
      await assert.rejects(
        setImageRemote({
          forge: f.client(kind, { token: "wrong-token-value" }),
          branch: "main",
          paths: PATHS,
          images: ["web:7"],
        }),
        (e: unknown) =>
          /rejected the token \(401/.test((e as Error).message) && !(e as Error).message.includes("wrong-token-value"),
      );
      await assert.rejects(
        setImageRemote({
          forge: f.client(kind, { token: READ_TOKEN }),
          branch: "main",
          paths: PATHS,
          images: ["web:7"],
        }),
        kind === "github" ? /Resource not accessible/ : /403/,
      );
      await assert.rejects(
        setImageRemote({ forge: f.client(kind), branch: "nope", paths: PATHS, images: ["web:7"] }),
        BranchNotFoundError,
      );
    });

    it("reports a missing kustomization and invalid YAML at file:line:column", async () => {
      await assert.rejects(
        setImageRemote({ forge: f.client(kind), branch: "main", paths: ["apps/none"], images: ["web:7"] }),
        /no kustomization in "apps\/none" on branch main/,
      );
      await assert.rejects(
        setImageRemote({ forge: f.client(kind), branch: "main", paths: ["../x"], images: ["web:7"] }),
        /leaves --dir/,
      );
    });
  });
}

describe("requests stay constant with the number of files", async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++)
    files[`apps/a${i}/overlays/staging/kustomization.yaml`] = "images:\n- name: web\n  newTag: v1\n";
  const f = await testForge({ files });
  for (const kind of ["github", "gitlab"] as ForgeKind[]) {
    it(`${kind}: 12 kustomizations, one commit`, async () => {
      f.running.resetStats();
      const paths = Object.keys(files).map((p) => p.replace(/\/kustomization\.yaml$/, ""));
      const result = await setImageRemote({ forge: f.client(kind), branch: "main", paths, images: ["web:v2"] });
      assert.equal(result.files.length, 12);
      assert.equal(f.running.stats().total, kind === "github" ? 2 : 4);
    });
  }
});
