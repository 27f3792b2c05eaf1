import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate, type ValidateOptions } from "../../src/commands/validate.js";
import { CORPUS } from "../corpus/repos.js";
import { tempTree } from "../helpers/temp-dir.js";

// Issue 16: files are read with a fast loader and parsed with positions only when a finding needs
// them. Both paths must give the same findings at the same lines; `parse: { exact: true }` is the
// old path (every file parsed with positions up front), kept as the reference.
async function bothPaths(options: ValidateOptions) {
  const fast = await validate(options);
  const exact = await validate({ ...options, parse: { exact: true } });
  return { fast, exact };
}

const comparable = (result: Awaited<ReturnType<typeof validate>>) => ({
  findings: result.findings,
  summary: result.summary,
  roots: result.roots,
});

describe("the fast parse gives the findings the exact parse gives", () => {
  const RULES = path.resolve("test/fixtures/rules");
  for (const rule of readdirSync(RULES).sort()) {
    const { options } = JSON.parse(readFileSync(path.join(RULES, rule, "expected.json"), "utf8")) as {
      options: Pick<ValidateOptions, "renderer" | "strict" | "limits">;
    };
    for (const side of ["fail", "pass"]) {
      it(`rule fixture ${rule}/${side}`, async () => {
        const { fast, exact } = await bothPaths({ dir: path.join(RULES, rule, side), renderer: "none", ...options });
        if (side === "fail") assert.ok(fast.findings.length > 0, "findings: the files were read with positions");
        assert.deepEqual(comparable(fast), comparable(exact));
      });
    }
  }

  for (const repo of CORPUS) {
    it(`corpus ${repo.name}, clean and with its planted mistake, rendered`, async () => {
      for (const files of [repo.files, { ...repo.files, [repo.planted.file]: repo.planted.text }]) {
        const dir = tempTree(files);
        const { fast, exact } = await bothPaths({ dir, renderer: "auto", strict: repo.strict });
        assert.deepEqual(comparable(fast), comparable(exact));
        const raw = await bothPaths({ dir, renderer: "none", strict: true });
        assert.deepEqual(comparable(raw.fast), comparable(raw.exact));
      }
    });
  }

  it("the config-repo fixture, rendered", async () => {
    const { fast, exact } = await bothPaths({ dir: path.resolve("test/fixtures/config-repo"), renderer: "auto" });
    assert.ok(fast.summary.resources > 0);
    assert.deepEqual(comparable(fast), comparable(exact));
  });
});
