import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { promotionBranch } from "../../src/commands/promote.js";
import type { ForgeKind } from "../../src/forge/forge.js";
import { forgeProcess, PRODUCTION, REPO, STAGING, TOKEN } from "../helpers/forge.js";
import { runActionBundle } from "../helpers/github-runner.js";
import { runComponentJob } from "../helpers/gitlab-ci-local.js";
import { CLI } from "../helpers/run-node.js";

// Issue 13, item 1, with the real bundles: a commit pushed to the promotion branch while
// `--merge now` waits, and a green gate reported on it, must not be merged.
const FROM = "apps/web/overlays/staging";
const TO = "apps/web/overlays/production";
const BACKDOOR = 'images:\n- name: web\n  newName: evil.example/backdoor\n  newTag: "6.6.6"\n';

describe("promote --merge now against a push while it waits, with the real bundles", async () => {
  const f = await forgeProcess({
    files: {
      "apps/web/base/kustomization.yaml": "resources:\n- deployment.yaml\n",
      [STAGING]: 'resources:\n- ../../base\nimages:\n- name: web\n  newTag: "1.4.1"\n',
      [PRODUCTION]: 'resources:\n- ../../base\nimages:\n- name: web\n  newTag: "1.4.0"\n',
    },
  });

  /** The other user, as its own process: the runners block this one. */
  const foreignPush = (kind: ForgeKind) => {
    const job = {
      forge: f.url,
      kind,
      repo: REPO[kind],
      branch: promotionBranch(TO),
      files: { [PRODUCTION]: BACKDOOR },
      token: TOKEN,
    };
    const child = spawn(
      path.resolve("node_modules/.bin/tsx"),
      ["test/helpers/foreign-pusher.ts", JSON.stringify(job)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    // "close", not "exit": stdout is read to its end by then.
    const done = new Promise<string>((resolve) => child.on("close", () => resolve(out.trim())));
    return () => done;
  };

  const assertNotMerged = (kind: ForgeKind, pushed: string, output: string) => {
    assert.match(pushed, /^[0-9a-f]{40}$/, "the other user pushed");
    assert.match(
      output,
      new RegExp(`its head is now ${pushed.slice(0, 12)} by Mallory <mallory@evil\\.example> \\("add backdoor"\\)`),
    );
    assert.match(output, /Nothing was merged/);
    assert.doesNotMatch(f.git(kind, "show", `main:${PRODUCTION}`), /backdoor/);
    assert.match(f.git(kind, "show", `main:${PRODUCTION}`), /newTag: "1\.4\.0"/);
  };

  it("the GitHub action fails with exit 1 naming the pushed commit, and merges nothing", async () => {
    const pushed = foreignPush("github");
    const run = runActionBundle("actions/promote/action.yml", {
      repo: REPO.github,
      token: TOKEN,
      "api-url": f.apiUrl("github"),
      from: FROM,
      to: TO,
      merge: "now",
      timeout: "30",
    });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^::error::/m);
    assertNotMerged("github", await pushed(), run.stdout);
  });

  it("the GitLab component fails naming the pushed commit, and merges nothing", async () => {
    const pushed = foreignPush("gitlab");
    const r = runComponentJob(
      "promote",
      {
        cli: `node ${CLI}`,
        repo: REPO.gitlab,
        from: FROM,
        to: TO,
        "api-url": f.apiUrl("gitlab"),
        merge: "now",
        timeout: "30",
      },
      TOKEN,
    );
    assert.notEqual(r.status, 0, r.output);
    assertNotMerged("gitlab", await pushed(), r.output);
  });
});
