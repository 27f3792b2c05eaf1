import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { RuleId } from "../../src/gate/finding.js";

// The README documents every public rule with a failing and a passing example; each example is a
// fixture the tests run (test/gate/rule-fixtures.test.ts), so the docs cannot drift from the code.
const README = readFileSync("README.md", "utf8");
const RULES: RuleId[] = [
  "yaml-syntax",
  "duplicate-key",
  "schema",
  "unknown-kind",
  "render-failed",
  "plaintext-secret",
  "secret-generator",
  "sealed-secret-malformed",
  "sealed-secret-scope",
  "sops-unencrypted-value",
  "cluster-credential",
  "image-entry-unused",
  "path-outside-repo",
  "remote-resource",
  "kustomization-cycle",
  "render-limit",
  "parse-limit",
  "not-rendered",
  "secret-placeholder",
  "gate-config",
];

/** Long sealed values are cut in the README; everything else is shown as it is. */
const shown = (text: string) =>
  text
    .split("\n")
    .map((l) => (l.length > 100 ? `${l.slice(0, 60)}…` : l))
    .join("\n")
    .trimEnd();

const blocks = [...README.matchAll(/<!-- fixture: (\S+) -->\n+```yaml\n([\s\S]*?)\n```/g)].map((m) => ({
  file: m[1] as string,
  text: m[2] as string,
}));

describe("README: every rule with a failing and a passing example", () => {
  it("covers exactly the rules that have fixtures", () => {
    assert.deepEqual(readdirSync("test/fixtures/rules").sort(), [...RULES].sort());
  });

  for (const rule of RULES) {
    it(`${rule}: a section with fail/ and pass/ examples`, () => {
      assert.match(README, new RegExp(`#### \`${rule}\``));
      for (const kind of ["fail", "pass"])
        assert.ok(
          blocks.some((b) => b.file.startsWith(`test/fixtures/rules/${rule}/${kind}/`)),
          `no ${kind} example for ${rule}`,
        );
    });
  }

  it("every example is its fixture file, byte for byte", () => {
    assert.ok(blocks.length >= RULES.length * 2);
    for (const block of blocks) assert.equal(block.text, shown(readFileSync(block.file, "utf8")), block.file);
  });
});
