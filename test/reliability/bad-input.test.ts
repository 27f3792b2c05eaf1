import assert from "node:assert/strict";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { setImageLocal } from "../../src/commands/set-image.js";
import { validate } from "../../src/commands/validate.js";
import { GitopsCiError } from "../../src/errors.js";
import { tempTree } from "../helpers/temp-dir.js";

// Hostile or broken input: each case ends in a clear error (or finding) and writes nothing.
const KUSTOMIZATION = 'images:\n- name: web\n  newTag: "1.0"\n';
const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nimages:\n- name: web\n  newTag: "1.0"\n`;

function refused(files: Record<string, string>, paths: string[], images: string[], message: RegExp) {
  const dir = tempTree(files);
  const before = Object.fromEntries(Object.keys(files).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
  assert.throws(
    () => setImageLocal({ dir, paths, images }),
    (e: unknown) => e instanceof GitopsCiError && message.test(e.message),
  );
  for (const [file, text] of Object.entries(before))
    assert.equal(readFileSync(path.join(dir, file), "utf8"), text, file);
}

describe("bad input: set-image refuses and writes nothing", () => {
  it("invalid YAML, at its line", () =>
    refused(
      { "k/kustomization.yaml": "images:\n- name: web\n  newTag: [1.0\n" },
      ["k"],
      ["web:2"],
      /k\/kustomization\.yaml:\d+:\d+/,
    ));
  it("duplicate keys", () =>
    refused(
      { "k/kustomization.yaml": "images:\n- name: web\n  newTag: '1'\n  newTag: '2'\n" },
      ["k"],
      ["web:2"],
      /kustomization\.yaml:4:3/,
    ));
  it("a YAML alias bomb", () => refused({ "k/kustomization.yaml": bomb }, ["k"], ["web:2"], /alias|Excessive/i));
  it("path traversal and absolute paths", () => {
    refused({ "k/kustomization.yaml": KUSTOMIZATION }, ["../k"], ["web:2"], /\.\.\/k/);
    refused({ "k/kustomization.yaml": KUSTOMIZATION }, ["/etc"], ["web:2"], /\/etc/);
  });
  it("a symlink leaving the checkout", () => {
    const outside = tempTree({ "kustomization.yaml": KUSTOMIZATION });
    const dir = tempTree({ "k/.keep": "" });
    symlinkSync(outside, path.join(dir, "link"));
    assert.throws(() => setImageLocal({ dir, paths: ["link"], images: ["web:2"] }), /leaves|outside|symlink/i);
    assert.equal(readFileSync(path.join(outside, "kustomization.yaml"), "utf8"), KUSTOMIZATION);
  });
  it("invalid tags, digests and references", () => {
    for (const image of ["web:-bad", "web@sha256:xyz", "Web:1", "web:1 2", "web:$(reboot)", "web:`id`"])
      refused({ "k/kustomization.yaml": KUSTOMIZATION }, ["k"], [image], /image spec|name|tag|digest|whitespace/i);
  });
});

describe("bad input: validate reports at the position and keeps going", () => {
  it("a 50 MB file is a finding, not a crash", async () => {
    const dir = tempTree({ "ok.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n" });
    writeFileSync(path.join(dir, "huge.yaml"), `a: "${"x".repeat(50 * 1024 * 1024)}"\n`);
    const result = await validate({ dir, renderer: "none" });
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.file, f.line]),
      [["parse-limit", "huge.yaml", 1]],
    );
  });
  it("an alias bomb in a manifest is a finding, not a hang", async () => {
    const dir = tempTree({ "bomb.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n${bomb}` });
    const started = Date.now();
    const result = await validate({ dir, renderer: "none" });
    assert.ok(Date.now() - started < 10_000);
    assert.ok(result.failed, JSON.stringify(result.findings.slice(0, 2)));
  });
});

describe("bad input: injection attempts through the API stay text", async () => {
  const { setImageRemote } = await import("../../src/commands/set-image-remote.js");
  const { testForge } = await import("../helpers/forge.js");
  const f = await testForge();
  const forge = f.client("github");
  const canary = path.join(tempTree({}), "pwned");

  it("a branch name with shell syntax is a missing branch, nothing written", async () => {
    const head = f.git("github", "rev-parse", "main");
    await assert.rejects(
      setImageRemote({
        forge,
        branch: `main; touch ${canary}`,
        paths: ["apps/web/overlays/staging"],
        images: ["web:9"],
      }),
      /does not exist/,
    );
    assert.equal(f.git("github", "rev-parse", "main"), head);
    assert.throws(() => readFileSync(canary));
  });

  it("a commit message with shell syntax and trailers lands verbatim, nothing executed", async () => {
    const message = `bump $(touch ${canary}) \`id\`\n\nCo-authored-by: "; rm -rf /`;
    const result = await setImageRemote({
      forge,
      branch: "main",
      paths: ["apps/web/overlays/staging"],
      images: ["web:9.1"],
      message,
    });
    assert.equal(result.changed, true);
    assert.equal(f.git("github", "log", "-1", "--format=%B", "main"), message);
    assert.throws(() => readFileSync(canary));
  });
});
