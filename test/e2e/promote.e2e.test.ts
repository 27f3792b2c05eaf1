import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { promotionBranch } from "../../src/commands/promote.js";
import { forgeProcess, PRODUCTION, REPO, STAGING, TOKEN } from "../helpers/forge.js";
import { runActionBundle } from "../helpers/github-runner.js";
import { runComponentJob } from "../helpers/gitlab-ci-local.js";
import { CLI, runNode } from "../helpers/run-node.js";

const FROM = "apps/web/overlays/staging";
const TO = "apps/web/overlays/production";
const BRANCH = promotionBranch(TO);

describe("promote end to end against the forge process", async () => {
  const f = await forgeProcess({
    files: {
      "apps/web/base/kustomization.yaml": "resources:\n- deployment.yaml\n",
      [STAGING]: 'resources:\n- ../../base\nimages:\n- name: web # the app\n  newTag: "1.4.0"\n',
      [PRODUCTION]: 'resources:\n- ../../base\nimages:\n- name: web\n  newTag: "1.3.2"\n',
    },
  });
  const captured: string[] = [];

  it("the GitHub action bundle opens the promotion pull request and writes its outputs", () => {
    const run = runActionBundle("actions/promote/action.yml", {
      repo: REPO.github,
      token: TOKEN,
      "api-url": f.apiUrl("github"),
      from: FROM,
      to: TO,
      labels: "promotion",
    });
    captured.push(run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.changed, "true");
    assert.equal(run.outputs["pr-number"], "1");
    assert.match(run.outputs["pr-url"] ?? "", /\/acme\/config\/pull\/1$/);
    assert.equal(run.outputs.merged, "false");
    const plan = JSON.parse(run.outputs.plan ?? "[]");
    assert.deepEqual(plan[0].images, [
      { name: "web", from: { newTag: "1.3.2" }, to: { newTag: "1.4.0" }, bump: "minor" },
    ]);
    assert.match(f.git("github", "show", `${BRANCH}:${PRODUCTION}`), /newTag: "1\.4\.0"/);
    assert.match(f.git("github", "show", `main:${PRODUCTION}`), /newTag: "1\.3\.2"/);
    assert.doesNotMatch(run.stdout, /GITHUB_TOKEN: pull requests it opens/);
    assert.match(run.summary, /\| apps\/web\/overlays\/production \| web \| web:1\.3\.2 \| web:1\.4\.0 \| minor \|/);
  });

  it("the action warns that the workflow token opens PRs no workflow runs on", () => {
    const run = runActionBundle("actions/promote/action.yml", {
      repo: REPO.github,
      "github-token": TOKEN,
      "api-url": f.apiUrl("github"),
      from: FROM,
      to: TO,
    });
    captured.push(run.stdout, run.stderr, run.summary);
    assert.equal(run.status, 0, run.stdout);
    assert.match(
      run.stdout,
      /^::warning::promoting with the workflow's GITHUB_TOKEN: pull requests it opens do not trigger workflows/m,
    );
    assert.equal(run.outputs["pr-number"], "1", "the same pull request, refreshed");
  });

  it("the CLI refuses a downgrade with exit 1 and commits nothing", () => {
    const before = f.git("gitlab", "rev-parse", "main");
    const r = runNode(
      CLI,
      [
        "promote",
        "--forge",
        "gitlab",
        "--api-url",
        f.apiUrl("gitlab"),
        "--repo",
        REPO.gitlab,
        "--from",
        TO,
        "--to",
        FROM,
      ],
      {
        env: { PATH: process.env.PATH, GITOPS_TOKEN: TOKEN },
      },
    );
    captured.push(r.stdout, r.stderr);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /refusing to downgrade: .*--allow-downgrade/);
    assert.equal(f.git("gitlab", "rev-parse", "main"), before);
  });

  it("the GitLab component opens the merge request and hands its outputs to later jobs", () => {
    const r = runComponentJob(
      "promote",
      {
        cli: `node ${CLI}`,
        repo: REPO.gitlab,
        from: FROM,
        to: TO,
        "api-url": f.apiUrl("gitlab"),
        labels: "promotion,web",
      },
      TOKEN,
    );
    const dir = r.dir;
    captured.push(r.output);
    assert.equal(r.status, 0, r.output);
    assert.match(f.git("gitlab", "show", `${BRANCH}:${PRODUCTION}`), /newTag: "1\.4\.0"/);
    const env = readFileSync(path.join(dir, "gitops-ci-promote.env"), "utf8");
    captured.push(env);
    assert.match(env, /^GITOPS_CI_CHANGED=true$/m);
    assert.match(env, /^GITOPS_CI_PR_NUMBER=1$/m);
    assert.match(env, /^GITOPS_CI_PR_URL=.*\/platform\/team\/config\/-\/merge_requests\/1$/m);
  });

  it("never printed or wrote the token", () => {
    // `::add-mask::<token>` is how the runner learns what to mask; it never reaches the log.
    for (const text of captured) {
      const visible = text.replace(/^::add-mask::.*$/gm, "");
      assert.ok(!visible.includes(TOKEN), `the token leaked into: ${visible.slice(0, 300)}`);
    }
  });
});
