import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runActionBundle } from "../helpers/github-runner.js";
import { CLI, runNode } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

// The bundles read a large repository across threads: each bundle's own script runs as the reader
// thread (src/entrypoints/), and what the threads found is what one thread finds.
const deployment = (app: number, i: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app${app}-${i}
  labels: {app: app${app}, tier: web}
spec:
  replicas: ${i === 0 && app % 20 === 0 ? "two" : 2}
  selector:
    matchLabels: {app: app${app}}
  template:
    metadata:
      labels: {app: app${app}}
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/app${app}:1.${i}.0
          ports: [{containerPort: 8080}]
          env: [{name: MODE, value: production}, {name: REGION, value: eu-west-1}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
`;

/**
 * About 9.5 MiB of manifests in 600 files (two shares of 4 MiB), a schema error in 30 files and a
 * leaked Secret in ten: a file with a finding is parsed again with positions, so few have one.
 */
function largeRepo(): string {
  const files: Record<string, string> = {};
  for (let app = 0; app < 600; app++) {
    const docs = Array.from({ length: 32 }, (_, i) => deployment(app, i));
    if (app % 60 === 0)
      docs.push(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: leak${app}\nstringData:\n  password: hunter2\n`);
    files[`apps/app${app}/manifests.yaml`] = docs.join("---\n");
  }
  return tempTree(files);
}

describe("a large repository, read across threads by the bundles", () => {
  const dir = largeRepo();

  it("the CLI bundle: the same report as one thread, and says it used two", () => {
    const one = runNode(CLI, ["validate", "--dir", dir, "--renderer", "none", "--threads", "1", "--format", "json"]);
    const two = runNode(CLI, ["validate", "--dir", dir, "--renderer", "none", "--threads", "2", "--format", "json"]);
    assert.equal(two.status, 1, two.stderr);
    assert.match(two.stderr, /read \d+\.\d MiB of YAML in 2 threads; the gate took \d+\.\d\d s, \d+\.\d\d CPU-s/);
    assert.doesNotMatch(one.stderr, /threads/);
    const report = JSON.parse(two.stdout) as { findings: { rule: string }[] };
    assert.equal(report.findings.filter((f) => f.rule === "plaintext-secret").length, 10);
    assert.equal(report.findings.filter((f) => f.rule === "schema").length, 30);
    assert.equal(two.stdout, one.stdout);
  });

  it("the validate action bundle: two threads, the same counts", () => {
    const run = runActionBundle("actions/validate/action.yml", { dir, renderer: "none", threads: "2" });
    assert.match(run.stdout, /read \d+\.\d MiB of YAML in 2 threads; the gate took \d+\.\d\d s, \d+\.\d\d CPU-s/);
    assert.equal(run.outputs.errors, "40");
  });
});
