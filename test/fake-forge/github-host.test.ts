import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import { CONFIG_FILES, REPO, testForge, TOKEN } from "../helpers/forge.js";

// Issue 14, item 12: GitHub pages statuses and check runs (at most 100 a page).
const FLEET = 110;
const FILES: Record<string, string> = { ...CONFIG_FILES };
for (let i = 0; i < FLEET; i++) FILES[`fleet/app-${i}/kustomization.yaml`] = `images:\n- name: web\n  newTag: "1"\n`;

describe("GitHub as it is", async () => {
  // The statuses and check runs below stand for many CI systems, each under its own limit.
  const f = await testForge({ files: FILES, githubContentLimit: { requests: 1000, windowMs: 60_000 } });
  const forge = f.client("github");
  const post = (path: string, body: unknown) =>
    fetch(`${f.apiUrl("github")}/repos/${REPO.github}${path}`, {
      method: "POST",
      headers: { authorization: `token ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("reads 330 candidate paths in batches from one commit, where one query would time out", async () => {
    const paths = Array.from({ length: FLEET }, (_, i) => `fleet/app-${i}`);
    f.running.resetStats();
    const result = await setImageRemote({ forge, branch: "main", paths, images: ["web:2"] });
    assert.equal(result.files.length, FLEET);
    for (const i of [0, 57, FLEET - 1])
      assert.match(f.git("github", "show", `main:fleet/app-${i}/kustomization.yaml`), /newTag: "2"/);
    assert.equal(f.running.stats().byEndpoint["POST /github/api/graphql"], Math.ceil((FLEET * 3) / 100) + 1);
  });

  it("reads every page of statuses and check runs before saying a check is missing", async () => {
    const sha = f.git("github", "rev-parse", "main");
    for (let i = 0; i < 120; i++) await post(`/statuses/${sha}`, { state: "success", context: `lint-${i}` });
    await post(`/statuses/${sha}`, { state: "failure", context: "gitops-ci/validate" });
    for (let i = 0; i < 130; i++)
      await post("/check-runs", { name: `job-${i}`, head_sha: sha, status: "completed", conclusion: "success" });
    await post("/check-runs", { name: "security", head_sha: sha, status: "completed", conclusion: "failure" });
    const checks = await forge.listCommitChecks(sha);
    assert.equal(checks.length, 252);
    assert.equal(checks.find((c) => c.name === "gitops-ci/validate")?.state, "failure");
    assert.equal(checks.find((c) => c.name === "security")?.state, "failure");
  });
});
