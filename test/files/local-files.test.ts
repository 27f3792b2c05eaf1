import assert from "node:assert/strict";
import { lstatSync, readFileSync, readdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { writeFilesAtomically } from "../../src/files/local-files.js";
import { tempTree } from "../helpers/temp-dir.js";

describe("writeFilesAtomically", () => {
  it("does not follow a symlink planted under the temp name the previous version predicted", () => {
    const dir = tempTree({ "repo/kustomization.yaml": "images: []\n", "outside/victim": "untouched\n" });
    const target = path.join(dir, "repo/kustomization.yaml");
    const victim = path.join(dir, "outside/victim");
    symlinkSync(victim, path.join(dir, `repo/.kustomization.yaml.gitops-ci-${process.pid}.tmp`));

    writeFilesAtomically([{ path: target, content: "images:\n- name: app\n" }]);

    assert.equal(readFileSync(victim, "utf8"), "untouched\n");
    assert.ok(lstatSync(target).isFile(), "the kustomization stays a regular file, not a link");
    assert.equal(readFileSync(target, "utf8"), "images:\n- name: app\n");
  });

  it("gives every temp file a fresh random name and leaves none behind", () => {
    const dir = tempTree({ "a/kustomization.yaml": "x: 1\n" });
    const target = path.join(dir, "a/kustomization.yaml");
    writeFilesAtomically([{ path: target, content: "x: 2\n" }]);
    writeFilesAtomically([{ path: target, content: "x: 3\n" }]);
    assert.deepEqual(readdirSync(path.join(dir, "a")), ["kustomization.yaml"]);
  });

  it("refuses to replace a symlink and writes nothing at all", () => {
    const dir = tempTree({ "a/kustomization.yaml": "x: 1\n", "b/real.yaml": "y: 1\n" });
    const link = path.join(dir, "b/kustomization.yaml");
    symlinkSync(path.join(dir, "b/real.yaml"), link);
    assert.throws(
      () =>
        writeFilesAtomically([
          { path: path.join(dir, "a/kustomization.yaml"), content: "x: 2\n" },
          { path: link, content: "y: 2\n" },
        ]),
      /is a symlink; gitops-ci never writes an edit through one/,
    );
    assert.equal(readFileSync(path.join(dir, "a/kustomization.yaml"), "utf8"), "x: 1\n");
    assert.equal(readFileSync(path.join(dir, "b/real.yaml"), "utf8"), "y: 1\n");
    assert.deepEqual(readdirSync(path.join(dir, "a")), ["kustomization.yaml"]);
  });
});
