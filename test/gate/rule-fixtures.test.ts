import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate, type ValidateOptions } from "../../src/commands/validate.js";

// One folder per public rule: fail/ gives exactly the findings in expected.json, pass/ none.
// The README shows these same files (test/packaging/readme-rules.test.ts keeps them equal).
const RULES = path.resolve("test/fixtures/rules");

interface Expected {
  options: Pick<ValidateOptions, "renderer" | "strict" | "limits">;
  fail: { rule: string; file: string; line: number; column: number }[];
}

async function run(dir: string, options: Expected["options"]) {
  const result = await validate({ dir, renderer: "none", ...options });
  return result.findings.map((f) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column }));
}

describe("every rule: a failing and a passing fixture", () => {
  for (const rule of readdirSync(RULES).sort()) {
    const expected = JSON.parse(readFileSync(path.join(RULES, rule, "expected.json"), "utf8")) as Expected;
    it(`${rule}: fail/ is reported at its lines`, async () => {
      assert.deepEqual(await run(path.join(RULES, rule, "fail"), expected.options), expected.fail);
      assert.ok(expected.fail.every((f) => f.rule === rule));
    });
    it(`${rule}: pass/ is clean`, async () => {
      assert.deepEqual(await run(path.join(RULES, rule, "pass"), expected.options), []);
    });
  }
});
