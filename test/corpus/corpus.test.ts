import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validate } from "../../src/commands/validate.js";
import { tempTree } from "../helpers/temp-dir.js";
import { CORPUS } from "./repos.js";

// Issue 12's proof: realistic config repositories pass clean, and one planted mistake in each is
// found at its line, with the real kustomize rendering every root.
describe("the corpus of realistic config repositories", () => {
  for (const repo of CORPUS) {
    it(`${repo.name}: no error clean; the planted ${repo.planted.rule} is found at ${repo.planted.file}:${repo.planted.line}`, async () => {
      const clean = await validate({ dir: tempTree(repo.files), renderer: "auto", strict: repo.strict });
      const errors = clean.findings.filter((f) => f.severity === "error");
      assert.deepEqual(errors, [], `${repo.name} clean`);
      assert.ok(clean.summary.rendered > 0);
      const broken = await validate({
        dir: tempTree({ ...repo.files, [repo.planted.file]: repo.planted.text }),
        renderer: "auto",
        strict: repo.strict,
      });
      assert.deepEqual(
        broken.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.file}:${f.line}`),
        [`${repo.planted.rule} ${repo.planted.file}:${repo.planted.line}`],
      );
    });
  }
});
