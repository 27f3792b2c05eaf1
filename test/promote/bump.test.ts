import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type AutoMergeLevel, type Bump, bumpAllowed, classifyBump } from "../../src/promote/bump.js";

describe("classifyBump", () => {
  const cases: [string | undefined, string | undefined, Bump, boolean][] = [
    ["1.2.3", "1.2.4", "patch", false],
    ["v1.2.3", "v1.3.0", "minor", false],
    ["1.2.3", "v2.0.0", "major", false],
    ["1.2.3", "1.2.4-rc.1", "patch", false],
    ["2.0.0-rc.1", "2.0.0", "major", false], // semver: releasing a prerelease major is a major diff
    ["1.4.0", "1.3.9", "minor", true],
    ["v2.0.0", "1.9.9", "major", true],
    ["1.10", "1.9", "other", false], // not semver: no order is assumed
    ["3f2c1ab", "9d8e7f6", "other", false],
    ["2024-05-01", "2024-06-01", "other", false],
    [undefined, "1.0.0", "other", false],
    ["1.0.0", "1.0.0", "other", false], // same tag: a digest-only change
  ];
  for (const [from, to, bump, downgrade] of cases) {
    it(`${from} -> ${to}: ${bump}${downgrade ? ", downgrade" : ""}`, () => {
      assert.deepEqual(classifyBump(from, to), { bump, downgrade });
    });
  }
});

describe("bumpAllowed: patch ⊂ minor ⊂ major ⊂ any", () => {
  const table: Record<AutoMergeLevel, Bump[]> = {
    none: [],
    patch: ["patch"],
    minor: ["patch", "minor"],
    major: ["patch", "minor", "major"],
    any: ["patch", "minor", "major", "other"],
  };
  for (const [level, allowed] of Object.entries(table) as [AutoMergeLevel, Bump[]][]) {
    it(level, () => {
      for (const bump of ["patch", "minor", "major", "other"] as Bump[])
        assert.equal(bumpAllowed(bump, level), allowed.includes(bump), `${bump} under ${level}`);
    });
  }
});
