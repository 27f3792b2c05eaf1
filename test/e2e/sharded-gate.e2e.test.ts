import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { gitlabCiLocal, gitlabProject } from "../helpers/gitlab-ci-local.js";
import { runAction } from "../helpers/github-runner.js";
import { CLI } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

// Issue 16: the examples for repositories one job cannot check in time, run as their hosts run
// them: the GitHub matrix's jobs and the merge job through the action bundle, each in a checkout
// of its own; the GitLab pipeline (parallel: 4, then the merge job) under gitlab-ci-local.

/** Twelve roots; app-07's base has a mistake all three of its overlays render. */
function configRepo(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 4; i++) {
    const app = `app-0${i + 5}`;
    const replicas = app === "app-07" ? "many" : "2";
    files[`apps/${app}/base/kustomization.yaml`] = "resources:\n  - deployment.yaml\n";
    files[`apps/${app}/base/deployment.yaml`] =
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec:\n      containers: [{name: ${app}, image: "registry.example.com/${app}:1.0.0"}]\n`;
    for (const env of ["dev", "staging", "production"])
      files[`apps/${app}/overlays/${env}/kustomization.yaml`] =
        `namespace: ${app}-${env}\nresources:\n  - ../../base\n`;
  }
  return files;
}

interface Step {
  id?: string;
  uses: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { strategy?: { matrix: { shard: number[] } }; steps: Step[] }>;
}

const validateStep = (steps: Step[]) => steps.find((s) => s.uses.includes("gitops-ci/actions/validate")) as Step;
const inputsOf = (step: Step, matrix: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries(step.with ?? {}).map(([k, v]) => [
      k,
      String(v).replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, name: string) => String(matrix[name])),
    ]),
  );

describe("the sharded gate examples", () => {
  it("github: the matrix's four jobs and the merge job give the verdict of one job", () => {
    const workflow = parse(readFileSync("examples/github/config-repo-sharded.yml", "utf8")) as Workflow;
    const { shard, verdict } = workflow.jobs as Record<string, Workflow["jobs"][string]>;
    assert.ok(shard && verdict);
    const repo = tempTree(configRepo());
    const checkout = () => {
      const dir = tempTree({});
      cpSync(repo, dir, { recursive: true });
      return dir;
    };
    const downloaded = checkout();
    mkdirSync(path.join(downloaded, "shards"));
    for (const index of shard.strategy?.matrix.shard ?? []) {
      const workspace = checkout();
      const run = runAction(
        "actions/validate/action.yml",
        inputsOf(validateStep(shard.steps), { shard: index }),
        {},
        {
          bundle: true,
          cwd: workspace,
        },
      );
      assert.equal(run.status, 0, `shard ${index}: ${run.stdout}${run.stderr}`);
      const report = run.outputs["shard-report"] as string;
      assert.ok(existsSync(path.join(workspace, report)), `shard ${index} wrote ${report}`);
      // upload-artifact, then download-artifact with merge-multiple into shards/
      cpSync(path.join(workspace, report), path.join(downloaded, "shards", path.basename(report)));
    }
    const merged = runAction(
      "actions/validate/action.yml",
      inputsOf(validateStep(verdict.steps)),
      {},
      {
        bundle: true,
        cwd: downloaded,
      },
    );
    const single = runAction("actions/validate/action.yml", {}, {}, { bundle: true, cwd: checkout() });
    assert.equal(merged.status, 1, merged.stdout);
    assert.equal(single.status, 1);
    assert.deepEqual(merged.outputs, { errors: "1", warnings: "0" });
    assert.deepEqual(merged.outputs, single.outputs);
    assert.equal(merged.summary, single.summary);
    assert.match(merged.summary, /12 roots, 12 rendered \(12 resources\)/);
    assert.match(merged.summary, /apps\/app-07\/base\/deployment\.yaml:6:13/);
  });

  it("gitlab: parallel: 4 and the merge job, under gitlab-ci-local, give one Code Quality report", () => {
    const ci = readFileSync("examples/gitlab/config-repo-sharded.gitlab-ci.yml", "utf8")
      // gitlab-ci-local cannot fetch catalog components, nor publish to a real GitLab
      .replace(/component: \$CI_SERVER_FQDN\/<group>\/gitops-ci\/([a-z-]+)@1/g, "local: templates/$1.yml")
      .replace("      publish: false\n", `      publish: false\n      cli: node ${CLI}\n      renderer: auto\n`)
      .replace("- gitops-ci validate", `- node ${CLI} validate`)
      .replace(" --publish", "");
    const dir = gitlabProject({ ".gitlab-ci.yml": ci, ...configRepo() });
    // gitlab-ci-local says GITLAB_CI=false; the real runner says true, which the shard is read behind.
    const r = gitlabCiLocal(dir, [
      "--force-shell-executor",
      "--variable",
      "CI_PIPELINE_SOURCE=merge_request_event",
      "--variable",
      "GITLAB_CI=true",
    ]);
    assert.notEqual(r.status, 0, r.output);
    for (const i of [1, 2, 3, 4]) assert.match(r.output, new RegExp(`shard ${i}/4: report written`));
    assert.match(r.output, /merged 4 shard report\(s\): 12 root\(s\) in all/);
    assert.match(r.output, /12 root\(s\), 12 rendered/);
    const quality = JSON.parse(readFileSync(path.join(dir, "gl-code-quality-report.json"), "utf8"));
    assert.deepEqual(
      quality.map((i: { check_name: string; location: object }) => [i.check_name, i.location]),
      [["schema", { path: "apps/app-07/base/deployment.yaml", lines: { begin: 6 } }]],
    );
  });
});
