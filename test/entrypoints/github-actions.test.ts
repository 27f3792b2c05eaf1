import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { runAction } from "../helpers/github-runner.js";
import { tempTree } from "../helpers/temp-dir.js";

const KUSTOMIZATION = "resources:\n- ../base\nimages:\n- name: web\n  newTag: v1 # deployed\n";

describe("actions/set-image as the runner runs it", () => {
  it("edits the files and writes outputs and the job summary", () => {
    const dir = tempTree({ "a/kustomization.yaml": KUSTOMIZATION, "b/kustomization.yaml": KUSTOMIZATION });
    const run = runAction("actions/set-image/action.yml", { dir, paths: "a\nb\n", images: "web:v2\n  api:1.0  \n" });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    for (const p of ["a", "b"]) {
      assert.equal(
        readFileSync(path.join(dir, p, "kustomization.yaml"), "utf8"),
        `${KUSTOMIZATION.replace("v1 #", "v2 #")}- name: api\n  newTag: "1.0"\n`,
      );
    }
    assert.equal(run.outputs.changed, "true");
    assert.deepEqual(JSON.parse(run.outputs.files ?? ""), ["a/kustomization.yaml", "b/kustomization.yaml"]);
    assert.deepEqual(
      JSON.parse(run.outputs.images ?? "").map((e: { action: string }) => e.action),
      ["updated", "added", "updated", "added"],
    );
    assert.match(run.summary, /<h3>set-image<\/h3>\n/);
    assert.match(run.summary, /\| a\/kustomization\.yaml \| web \| updated \| {2}\| v2 \| {2}\|/);
    assert.match(run.stdout, /a\/kustomization\.yaml:4: web: updated/);
  });

  it("reports changed=false when there is nothing to do", () => {
    const dir = tempTree({ "a/kustomization.yaml": KUSTOMIZATION });
    const run = runAction("actions/set-image/action.yml", { dir, paths: "a", images: "web:v1" });
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.outputs.changed, "false");
    assert.match(run.summary, /Nothing to change/);
  });

  it("dry-run leaves the files alone", () => {
    const dir = tempTree({ "a/kustomization.yaml": KUSTOMIZATION });
    const run = runAction("actions/set-image/action.yml", { dir, paths: "a", images: "web:v9", "dry-run": "true" });
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.outputs.changed, "true");
    assert.match(run.summary, /set-image \(dry run\)/);
    assert.equal(readFileSync(path.join(dir, "a/kustomization.yaml"), "utf8"), KUSTOMIZATION);
  });

  it("fails with an error annotation and writes nothing on bad input", () => {
    const dir = tempTree({ "a/kustomization.yaml": KUSTOMIZATION });
    const run = runAction("actions/set-image/action.yml", { dir, paths: "a", images: "web:v2\nweb@sha256:00" });
    assert.equal(run.status, 2, "a bad spec is a usage error");
    assert.match(run.stdout, /::error::image spec "web@sha256:00": digest "sha256:00" is malformed/);
    assert.equal(readFileSync(path.join(dir, "a/kustomization.yaml"), "utf8"), KUSTOMIZATION);
    assert.deepEqual(run.outputs, {});
  });

  it("exits 2 on a usage error, as the CLI does, naming the input", () => {
    const dir = tempTree({ "a/kustomization.yaml": KUSTOMIZATION });
    const run = runAction("actions/set-image/action.yml", { dir, paths: "a", images: "web:v2", timeout: "soon" });
    assert.equal(run.status, 2, run.stdout);
    assert.match(run.stdout, /::error::input timeout must be a positive number, not "soon"/);
    assert.equal(readFileSync(path.join(dir, "a/kustomization.yaml"), "utf8"), KUSTOMIZATION);
  });
});

describe("actions/validate as the runner runs it", () => {
  const LEAK = { "apps/s.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  k: v\n" };

  it("annotates each finding at its file, line and column, fails, and summarises", () => {
    const dir = tempTree(LEAK);
    const sarif = path.join(dir, "findings.sarif");
    const run = runAction("actions/validate/action.yml", { dir, renderer: "none", sarif });
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /^::error title=gitops-ci%3A plaintext-secret,file=apps\/s\.yaml,line=5,col=1::Secret s has stringData in plain text\. seal it/m,
    );
    assert.match(run.stdout, /^::error::1 error\(s\) and 0 warning\(s\) at or above fail-on=error$/m);
    assert.equal(run.outputs.errors, "1");
    assert.equal(run.outputs.warnings, "0");
    assert.match(run.summary, /<h3>gitops-ci\/validate: blocked<\/h3>/);
    assert.match(run.summary, /\| error \| plaintext-secret \| apps\/s\.yaml:5:1 \|/);
    assert.equal(JSON.parse(readFileSync(sarif, "utf8")).runs[0].results[0].ruleId, "plaintext-secret");
  });

  it("passes a clean config repo", () => {
    const dir = tempTree({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n" });
    const run = runAction("actions/validate/action.yml", { dir, renderer: "none" });
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.outputs.errors, "0");
    assert.match(run.summary, /gitops-ci\/validate: passed/);
  });

  it("checks against the kubernetes-version input and fails the step on one it has no schemas for", () => {
    const dir = tempTree({
      "cron.yaml":
        "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '@daily'\n  jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: busybox}], restartPolicy: Never}}}}\n",
    });
    const old = runAction("actions/validate/action.yml", { dir, renderer: "none", "kubernetes-version": "1.24" });
    assert.equal(old.status, 0, old.stdout);
    const current = runAction("actions/validate/action.yml", { dir, renderer: "none", "kubernetes-version": "1.25" });
    assert.equal(current.status, 1);
    assert.match(
      current.stdout,
      /^::error title=gitops-ci%3A schema,file=cron.yaml,line=1,col=13::batch\/v1beta1 CronJob is not served by Kubernetes 1.25: removed in Kubernetes 1.25; use batch\/v1/m,
    );
    const bad = runAction("actions/validate/action.yml", { dir, "kubernetes-version": "1.9" });
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /::error::--kubernetes-version 1.9: give a release from 1.16 to 1.36/);
  });
});
