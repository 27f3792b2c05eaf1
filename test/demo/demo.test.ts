import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";

// The README's first quick-start command, as a user runs it.
describe("npm run demo", () => {
  it("runs the whole flow with the real commands and exits 0", () => {
    const tsx = path.resolve("node_modules/.bin/tsx");
    const r = spawnSync(tsx, ["demo/run.ts"], { encoding: "utf8", timeout: 300_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /db-secret\.yaml:6:1: error \[plaintext-secret\] Secret db has stringData in plain text/);
    assert.match(r.stdout, /published gitops-ci\/validate on [0-9a-f]{12}/);
    // the rendered diff of the promotion: production's image line, and the object it changes
    assert.match(
      r.stdout,
      /registry\.example\.com\/team\/web {2}1\.1\.0 -> 1\.3\.0\S* {2}in apps\/web\/overlays\/production/,
    );
    assert.match(r.stdout, /^ +\+ +image: registry\.example\.com\/team\/web:1\.3\.0/m);
    assert.match(r.stdout, /merged #1/);
    assert.match(r.stdout, /Merge pull request #1 from gitops-ci\/promote\/apps-web-overlays-production/);
    assert.match(r.stdout, /Done: built, pinned on staging, gated, promoted and merged to production/);
  });
});
