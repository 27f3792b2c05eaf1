import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runActionBundle } from "../helpers/github-runner.js";
import { CLI, runNode } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

// The tests run src/; these keep each committed bundle honest beside check-dist: it loads, reads
// its inputs and answers as its source does.
describe("every bundle starts and answers", () => {
  it("dist/cli", () => {
    const r = runNode(CLI, ["validate", "--help"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Usage: gitops-ci validate/);
  });

  it("dist/validate (the action)", () => {
    const r = runActionBundle("actions/validate/action.yml", { dir: tempTree({}), renderer: "none", token: "" });
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.summary, /gitops-ci\/validate: passed/);
  });

  for (const action of ["set-image", "build-push", "promote"])
    it(`dist/${action} (the action) reads its inputs and refuses a run without the required ones`, () => {
      const r = runActionBundle(`actions/${action}/action.yml`, {});
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stdout, /^::error::give (at least one )?input \w+/m);
    });

  it("dist/release (the root action) refuses a run without the required inputs", () => {
    const r = runActionBundle("action.yml", {});
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stdout, /^::error::give input image/m);
  });
});
