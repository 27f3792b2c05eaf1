import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { REPO_ROOT } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

/** @actions/github reads its context from the environment as it loads: each case is its own process. */
function contextsUnder(env: NodeJS.ProcessEnv) {
  const script = `import { actionReviewContext, actionSourceContext } from ${JSON.stringify(path.join(REPO_ROOT, "src/platform/actions-context.ts"))};
process.stderr.write(JSON.stringify({ source: actionSourceContext(), review: actionReviewContext() }));`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH, ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stderr) as { source: Record<string, unknown>; review: Record<string, unknown> };
}

describe("the action's context, from @actions/github", () => {
  it("on a pull request: the PR head (not the merge commit), its number, and the run's links", () => {
    const dir = tempTree({});
    const event = path.join(dir, "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: "b".repeat(40) } } }));
    const { source, review } = contextsUnder({
      GITHUB_REPOSITORY: "acme/config",
      GITHUB_SHA: "a".repeat(40),
      GITHUB_EVENT_PATH: event,
      GITHUB_SERVER_URL: "https://ghe.example",
      GITHUB_RUN_ID: "42",
    });
    assert.deepEqual(review, { repo: "acme/config", sha: "b".repeat(40), changeRequest: 7 });
    assert.deepEqual(source, {
      repo: "acme/config",
      sha: "a".repeat(40),
      commitUrl: `https://ghe.example/acme/config/commit/${"a".repeat(40)}`,
      runUrl: "https://ghe.example/acme/config/actions/runs/42",
    });
  });

  it("on a push: the commit the workflow runs on; outside a workflow: nothing", () => {
    const push = contextsUnder({ GITHUB_REPOSITORY: "acme/config", GITHUB_SHA: "c".repeat(40) });
    assert.deepEqual(push.review, { repo: "acme/config", sha: "c".repeat(40) });
    assert.equal(push.source.runUrl, undefined);
    assert.equal(push.source.commitUrl, `https://github.com/acme/config/commit/${"c".repeat(40)}`);
    assert.deepEqual(contextsUnder({}), { source: {}, review: {} });
  });
});
