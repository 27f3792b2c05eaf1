import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { markdownReporter } from "../../../src/gate/reporters/markdown.js";

describe("the validate MR/PR note", () => {
  it("prints object names from the repository as text: no @all, no <img>, no links", () => {
    const finding = {
      rule: "plaintext-secret",
      severity: "error",
      file: "apps/x/secret.yaml",
      line: 3,
      column: 1,
      message: 'Secret "@all <img src=https://evil.example/t.png> [docs](https://evil.example)" holds plaintext data',
      hint: "seal it; see #12",
    };
    const note = markdownReporter({
      findings: [finding],
      summary: { roots: 1, rendered: 1, resources: 1, skipped: 0, errors: 1, warnings: 0, checkedNothing: false },
      failed: true,
    } as unknown as Parameters<typeof markdownReporter>[0]);
    assert.doesNotMatch(note, /@all/);
    assert.doesNotMatch(note, /(?<!\\)<img/);
    assert.doesNotMatch(note, /(?<!\\)\]\(/);
    assert.doesNotMatch(note, /#12/);
    assert.doesNotMatch(note, /&#&#/);
    assert.match(note, /\| error \| `plaintext-secret` \| `apps\/x\/secret\.yaml:3:1` \| Secret "@&#8203;all \\<img/);
  });
});
