import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { promote, promotionBranch } from "../../src/commands/promote.js";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import { openFrom, QUICK_RETRY, REPO, testForge } from "../helpers/forge.js";

// Issue 14: how GitLab itself behaves, taught to the forge, and what the commands do about it.
const FILES: Record<string, string> = {
  "apps/web/base/kustomization.yaml": "resources:\n- deployment.yaml\n",
  "apps/web/overlays/staging/kustomization.yaml": 'resources:\n- ../../base\nimages:\n- name: web\n  newTag: "1.4.1"\n',
  "apps/web/overlays/production/kustomization.yaml":
    'resources:\n- ../../base\nimages:\n- name: web\n  newTag: "1.4.0"\n',
};

const MANY = 60;
for (let i = 0; i < MANY; i++) FILES[`fleet/app-${i}/kustomization.yaml`] = `images:\n- name: web\n  newTag: "1"\n`;

describe("GitLab as it is", async () => {
  const f = await testForge({ files: FILES });
  const forge = f.client("gitlab", { retry: QUICK_RETRY });
  const control = (path: string, body: unknown) =>
    fetch(`${f.running.url}/_forge/${path}`, { method: "POST", body: JSON.stringify(body) });
  const main = () => f.git("gitlab", "rev-parse", "main");

  it("reads 180 candidate paths and 60 kustomizations past the complexity cap and the 100-node page", async () => {
    const paths = Array.from({ length: MANY }, (_, i) => `fleet/app-${i}`);
    f.running.resetStats();
    // The default request timeout: 60 files in one commit take longer than QUICK_RETRY's 1.5 s on a busy machine.
    const result = await setImageRemote({ forge: f.client("gitlab"), branch: "main", paths, images: ["web:2"] });
    assert.equal(result.files.length, MANY);
    assert.equal(result.attempts, 1);
    for (const i of [0, 37, MANY - 1])
      assert.match(f.git("gitlab", "show", `main:fleet/app-${i}/kustomization.yaml`), /newTag: "2"/);
    const reads = f.running.stats().byEndpoint["POST /gitlab/api/graphql"];
    assert.equal(reads, Math.ceil((MANY * 3) / 50), "one query per batch of 50 paths");
  });

  it("lists statuses oldest first; the newest of a name counts, whichever way it went", async () => {
    const sha = main();
    await forge.setCommitStatus(sha, { name: "gitops-ci/validate", state: "failure" });
    await forge.setCommitStatus(sha, { name: "gitops-ci/validate", state: "success" });
    await forge.setCommitStatus(sha, { name: "lint", state: "success" });
    await forge.setCommitStatus(sha, { name: "lint", state: "failure" });
    const checks = await forge.listCommitChecks(sha);
    assert.deepEqual(
      checks.map((c) => [c.name, c.state]),
      [
        ["gitops-ci/validate", "success"],
        ["lint", "failure"],
      ],
    );
  });

  it("retries 409 'Another update to this commit status is in progress'", async () => {
    const sha = main();
    f.running.faults.set([
      {
        endpoint: "POST /gitlab/api/v4/projects/:id/statuses/:sha",
        status: 409,
        body: { message: "Another update to this commit status is in progress" },
        times: 2,
      },
    ]);
    try {
      await forge.setCommitStatus(sha, { name: "deploy-check", state: "success" });
    } finally {
      f.running.faults.clear();
    }
    const check = (await forge.listCommitChecks(sha)).find((c) => c.name === "deploy-check");
    assert.equal(check?.state, "success");
  });

  it("--merge now waits out a running MR pipeline, and manual, skipped and allowed-to-fail jobs block nothing", async () => {
    const branch = promotionBranch("apps/web/overlays/production");
    const from = "apps/web/overlays/staging";
    const to = ["apps/web/overlays/production"];
    const opened = await promote({ forge, branch: "main", from, to });
    const number = opened.targets[0]?.prNumber as number;
    const head = f.git("gitlab", "rev-parse", branch);
    const job = (name: string, status: string, allowFailure = false) =>
      control("gitlab/job", { repo: REPO.gitlab, sha: head, name, status, allowFailure });
    await forge.setCommitStatus(head, { name: "gitops-ci/validate", state: "success" });
    await job("deploy-preview", "manual");
    await job("nightly", "scheduled");
    await job("docs", "skipped");
    await job("flaky-e2e", "failed", true);
    await control("gitlab/merge-status", {
      repo: REPO.gitlab,
      iid: number,
      states: ["ci_still_running", "ci_must_pass", "checking", "approvals_syncing"],
    });
    const logged: string[] = [];
    const result = await promote({
      forge,
      branch: "main",
      from,
      to,
      merge: "now",
      pollMs: 10,
      timeoutMs: 20_000,
      log: (m) => logged.push(m),
    });
    assert.equal(result.targets[0]?.merged, true, logged.join("\n"));
    assert.match(logged.join("\n"), /ci_still_running/);
    assert.equal(await openFrom(forge, branch), undefined);
    assert.match(f.git("gitlab", "show", "main:apps/web/overlays/production/kustomization.yaml"), /1\.4\.1/);
  });

  it("--merge now stops at a state only a person can change, naming it", async () => {
    const staging = "apps/web/overlays/staging/kustomization.yaml";
    const read = await forge.readFiles("main", [staging]);
    await forge.commitFiles({
      branch: "main",
      message: "staging 1.4.2",
      changes: [{ path: staging, content: (read.files.get(staging) as string).replace("1.4.1", "1.4.2") }],
      expectedHead: read.head,
    });
    const opened = await promote({
      forge,
      branch: "main",
      from: "apps/web/overlays/staging",
      to: ["apps/web/overlays/production"],
    });
    const number = opened.targets[0]?.prNumber as number;
    await forge.setCommitStatus(f.git("gitlab", "rev-parse", opened.targets[0]?.branch as string), {
      name: "gitops-ci/validate",
      state: "success",
    });
    await control("gitlab/merge-status", { repo: REPO.gitlab, iid: number, states: ["need_rebase"] });
    await assert.rejects(
      promote({
        forge,
        branch: "main",
        from: "apps/web/overlays/staging",
        to: ["apps/web/overlays/production"],
        merge: "now",
        pollMs: 10,
        timeoutMs: 5_000,
      }),
      new RegExp(`!?#?${number} cannot merge: the host reports need_rebase`),
    );
  });
});
