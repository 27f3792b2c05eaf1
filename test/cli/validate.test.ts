import assert from "node:assert/strict";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { runCli } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

const LEAK = { "s.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  k: v\n" };

describe("gitops-ci validate", () => {
  it("exits 1 on an error finding and prints it at file:line:column", () => {
    const r = runCli(["validate", "--dir", tempTree(LEAK), "--renderer", "none"]);
    assert.equal(r.status, 1);
    assert.match(
      r.stdout,
      /^s\.yaml:5:1: error \[plaintext-secret\] Secret s has stringData in plain text\n {4}hint: /,
    );
  });

  it("exits 0 on a clean repo", () => {
    const r = runCli([
      "validate",
      "--dir",
      tempTree({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n" }),
      "--renderer",
      "none",
    ]);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /0 error\(s\), 0 warning\(s\)\.\n$/);
  });

  it("--format json prints exactly the documented shape, to --output when given", () => {
    const dir = tempTree(LEAK);
    const out = path.join(dir, "report.json");
    const r = runCli(["validate", "--dir", dir, "--renderer", "none", "--format", "json", "--output", out]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    const report = JSON.parse(readFileSync(out, "utf8"));
    assert.deepEqual(Object.keys(report), ["findings", "summary"]);
    assert.deepEqual(Object.keys(report.findings[0]), [
      "rule",
      "severity",
      "file",
      "line",
      "column",
      "message",
      "hint",
    ]);
    // The leaking file's directory is a plain manifest directory: a root that renders to itself.
    assert.deepEqual(report.summary, {
      roots: 1,
      rendered: 1,
      skipped: 0,
      resources: 1,
      errors: 1,
      warnings: 0,
      info: 0,
      checkedNothing: false,
    });
  });

  it("--report writes more formats beside the one printed", () => {
    const dir = tempTree(LEAK);
    const r = runCli([
      "validate",
      "--dir",
      dir,
      "--renderer",
      "none",
      "--report",
      `sarif=${dir}/v.sarif`,
      "--report",
      `junit=${dir}/v.xml`,
    ]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /\[plaintext-secret\]/);
    assert.equal(JSON.parse(readFileSync(path.join(dir, "v.sarif"), "utf8")).version, "2.1.0");
    assert.match(readFileSync(path.join(dir, "v.xml"), "utf8"), /^<\?xml/);
    assert.equal(runCli(["validate", "--report", "pdf=x"]).status, 2);
  });

  it("exits 2 on bad flags: unknown format, a Kubernetes release it has no schemas for, a bad PR number", () => {
    assert.equal(runCli(["validate", "--format", "xml"]).status, 2);
    for (const version of ["1.15", "1.99", "2.0", "latest"]) {
      const r = runCli(["validate", "--renderer", "none", "--kubernetes-version", version]);
      assert.equal(r.status, 2, version);
      assert.match(r.stderr, new RegExp(`--kubernetes-version ${version}: give a release from 1\\.16 to 1\\.36`));
    }
    const r = runCli(["validate", "--renderer", "none", "--dir", tempTree({}), "--publish", "--change-request", "x"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--change-request takes a PR\/MR number, not "x"/);
  });

  it("never writes a report through a symlink a PR committed: the target keeps its bytes", () => {
    const dir = tempTree(LEAK);
    const victim = path.join(tempTree({}), "authorized_keys");
    writeFileSync(victim, "ssh-ed25519 AAAA admin\n");
    symlinkSync(victim, path.join(dir, "gl-code-quality-report.json"));
    symlinkSync(victim, path.join(dir, "report.txt"));
    for (const args of [
      ["--report", `codequality=${dir}/gl-code-quality-report.json`],
      ["--output", `${dir}/report.txt`],
    ]) {
      const r = runCli(["validate", "--dir", dir, "--renderer", "none", ...args]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /is a symlink; gitops-ci never writes a report through one/);
    }
    assert.equal(readFileSync(victim, "utf8"), "ssh-ed25519 AAAA admin\n");
  });

  it("a --base-ref that looks like a git option is a usage error (exit 2) and git writes no file", () => {
    const dir = tempTree(LEAK);
    const target = path.join(dir, "written");
    const r = runCli(["validate", "--dir", dir, "--renderer", "none", `--base-ref=--output=${target}`]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--base-ref "--output=.*" is not a git ref/);
    assert.equal(existsSync(target), false);
  });

  it("a missing --dir is a usage error naming it; an empty one warns that nothing was checked", () => {
    const missing = runCli(["validate", "--dir", "/nonexistent/config"]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--dir \/nonexistent\/config: no such directory/);
    const empty = runCli(["validate", "--dir", tempTree({ "README.md": "x\n" })]);
    assert.equal(empty.status, 0);
    assert.match(empty.stdout, /warning: nothing was checked/);
  });
});
