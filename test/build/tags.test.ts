import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { computeTags, DEFAULT_RULES, parseTagRule, versionOf } from "../../src/build/tags.js";
import type { BuildContext } from "../../src/platform/build-context.js";

const SHA = "5f2b1c9d0e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c";
const branch: BuildContext = { sha: SHA, event: "branch", branch: "feature/login-form" };
const tag: BuildContext = { sha: SHA, event: "tag", tag: "v1.4.2" };
const pre: BuildContext = { sha: SHA, event: "tag", tag: "v2.0.0-rc.1" };
const pr: BuildContext = { sha: SHA, event: "pr", pr: 42, branch: "fix" };
const defaults = DEFAULT_RULES.map(parseTagRule);

describe("tag rules", () => {
  it("defaults: the branch (made a valid tag) and sha on branch builds", () => {
    assert.deepEqual(computeTags(defaults, branch), ["feature-login-form", "sha-5f2b1c9"]);
    assert.equal(versionOf(branch), "feature-login-form-5f2b1c9");
  });
  it("defaults: {{version}} and {{major}}.{{minor}} on tag builds, the version without v", () => {
    assert.deepEqual(computeTags(defaults, tag), ["1.4.2", "1.4", "sha-5f2b1c9"]);
    assert.equal(versionOf(tag), "1.4.2");
  });
  it("prereleases get {{version}} only, as metadata-action does", () => {
    assert.deepEqual(computeTags(defaults, pre), ["2.0.0-rc.1", "sha-5f2b1c9"]);
  });
  it("pr builds: pr-<n>", () => {
    assert.deepEqual(computeTags(defaults, pr), ["pr-42", "sha-5f2b1c9"]);
  });
  it("raw values, prefixes, {{major}} and ref,event=tag", () => {
    const rules = [
      "type=raw,value=latest",
      "type=semver,pattern={{major}}",
      "type=ref,event=tag",
      "type=sha,prefix=git-",
    ].map(parseTagRule);
    assert.deepEqual(computeTags(rules, tag), ["latest", "1", "v1.4.2", "git-sha-5f2b1c9"]);
  });
  it("refuses rules it cannot apply", () => {
    assert.throws(() => parseTagRule("type=semver"), /semver needs pattern=/);
    assert.throws(() => parseTagRule("type=ref,event=push"), /ref needs event=branch/);
    assert.throws(() => parseTagRule("type=edge"), /type must be sha, semver, ref or raw/);
    assert.throws(() => parseTagRule("latest"), /"latest" is not key=value/);
  });

  it("never gives a branch the tag a release pushes: version-like branch names get branch-", () => {
    const release: BuildContext = { sha: SHA, event: "tag", tag: "v1.4.1" };
    const releaseTags = computeTags(defaults, release);
    for (const name of ["1.4.1", "v1.4.1", "1.4", "2", "1.4.1-rc.1"]) {
      const built: BuildContext = { sha: SHA, event: "branch", branch: name };
      const tags = computeTags(defaults, built);
      assert.deepEqual(
        tags.filter((t) => releaseTags.includes(t) && !t.startsWith("sha-")),
        [],
        `branch ${name} got ${tags.join(", ")}`,
      );
      assert.ok(tags.includes(`branch-${name}`), tags.join(", "));
      assert.match(versionOf(built), new RegExp(`^branch-${name.replaceAll(".", "\\.")}-5f2b1c9$`));
    }
    assert.deepEqual(computeTags(defaults, { sha: SHA, event: "branch", branch: "release-1.4" }), [
      "release-1.4",
      "sha-5f2b1c9",
    ]);
  });
});
