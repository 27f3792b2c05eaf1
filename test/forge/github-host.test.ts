import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { REPO, testForge, TOKEN } from "../helpers/forge.js";

// Issue 14, item 12: GitHub pages statuses and check runs (at most 100 a page).
describe("GitHub as it is", async () => {
  const f = await testForge();
  const forge = f.client("github");
  const post = (path: string, body: unknown) =>
    fetch(`${f.apiUrl("github")}/repos/${REPO.github}${path}`, {
      method: "POST",
      headers: { authorization: `token ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
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
