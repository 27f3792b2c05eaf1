import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { gitlabCiLocal, gitlabProject } from "../helpers/gitlab-ci-local.js";
import { CLI } from "../helpers/run-node.js";

const ci = JSON.stringify({
  stages: ["test"],
  include: [{ local: "templates/validate.yml", inputs: { cli: `node ${CLI}`, renderer: "auto" } }],
});

describe("the validate component under gitlab-ci-local", () => {
  it("blocks a leaking config repo and writes the Code Quality and JUnit reports", () => {
    const dir = gitlabProject({
      ".gitlab-ci.yml": ci,
      "apps/web/kustomization.yaml": "resources:\n- secret.yaml\n",
      "apps/web/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n",
    });
    const r = gitlabCiLocal(dir, ["--force-shell-executor", "gitops-ci-validate"]);
    assert.notEqual(r.status, 0, r.output);
    assert.match(
      r.output,
      /apps\/web\/secret\.yaml:5:1: error \[plaintext-secret\] Secret db has stringData in plain text/,
    );
    assert.match(r.output, /FAIL\s+gitops-ci-validate/);
    const quality = JSON.parse(readFileSync(path.join(dir, "gl-code-quality-report.json"), "utf8"));
    assert.deepEqual(
      quality.map((i: { check_name: string; location: object }) => [i.check_name, i.location]),
      [["plaintext-secret", { path: "apps/web/secret.yaml", lines: { begin: 5 } }]],
    );
    assert.match(readFileSync(path.join(dir, "gitops-ci-validate-junit.xml"), "utf8"), /failures="1"/);
  });

  it("passes a clean one", () => {
    const dir = gitlabProject({
      ".gitlab-ci.yml": ci,
      "apps/web/kustomization.yaml": "resources:\n- cm.yaml\n",
      "apps/web/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n",
    });
    const r = gitlabCiLocal(dir, ["--force-shell-executor", "gitops-ci-validate"]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /1 kustomization root\(s\), 1 rendered \(1 resources\)/);
    assert.ok(existsSync(path.join(dir, "gl-code-quality-report.json")));
  });
});
