import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import type { Finding } from "../../src/gate/finding.js";
import { REPORTERS } from "../../src/gate/reporters/index.js";
import type { Report } from "../../src/gate/reporters/report.js";
import { tempTree } from "../helpers/temp-dir.js";

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: "plaintext-secret",
  severity: "error",
  file: "apps/web/secret.yaml",
  line: 5,
  column: 1,
  message: 'Secret "a<b>&c" has data in plain text',
  hint: "seal it",
  ...over,
});
const report = (findings: Finding[]): Report => ({
  findings,
  summary: { roots: 1, rendered: 1, skipped: 0, resources: 3, errors: 1, warnings: 1, info: 0, checkedNothing: false },
  failed: true,
  failOn: "error",
  repoPath: "",
});
const TWO = report([
  finding(),
  finding({ rule: "image-entry-unused", severity: "warning", file: "k.yaml", line: 4, column: 9, message: "unused" }),
]);

describe("report formats", () => {
  it("SARIF 2.1.0 for code scanning: rules, levels and regions", () => {
    const sarif = JSON.parse(REPORTERS.sarif(TWO));
    assert.equal(sarif.version, "2.1.0");
    const run = sarif.runs[0];
    assert.deepEqual(
      run.tool.driver.rules.map((r: { id: string }) => r.id),
      ["image-entry-unused", "plaintext-secret"],
    );
    assert.deepEqual(
      run.results.map(
        (r: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[];
        }) => [
          r.ruleId,
          r.ruleIndex,
          r.level,
          r.locations[0]?.physicalLocation.artifactLocation.uri,
          r.locations[0]?.physicalLocation.region,
        ],
      ),
      [
        ["plaintext-secret", 1, "error", "apps/web/secret.yaml", { startLine: 5, startColumn: 1 }],
        ["image-entry-unused", 0, "warning", "k.yaml", { startLine: 4, startColumn: 9 }],
      ],
    );
  });

  it("GitLab Code Quality: severities, locations and fingerprints stable across runs", () => {
    const first = JSON.parse(REPORTERS.codequality(TWO));
    const again = JSON.parse(REPORTERS.codequality(TWO));
    assert.deepEqual(
      first.map((i: { check_name: string; severity: string; location: object }) => [
        i.check_name,
        i.severity,
        i.location,
      ]),
      [
        ["plaintext-secret", "major", { path: "apps/web/secret.yaml", lines: { begin: 5 } }],
        ["image-entry-unused", "minor", { path: "k.yaml", lines: { begin: 4 } }],
      ],
    );
    assert.deepEqual(
      first.map((i: { fingerprint: string }) => i.fingerprint),
      again.map((i: { fingerprint: string }) => i.fingerprint),
    );
    assert.notEqual(first[0].fingerprint, first[1].fingerprint);
  });

  it("JUnit XML: one failing case per file with findings at or above --fail-on, escaped, well-formed", () => {
    const xml = REPORTERS.junit(TWO);
    // the warning passes under --fail-on error, as the exit code does
    assert.match(xml, /<testsuites name="gitops-ci validate" tests="1" failures="1">/);
    assert.doesNotMatch(xml, /image-entry-unused/);
    assert.match(REPORTERS.junit({ ...TWO, failOn: "warning" }), /tests="2" failures="2"/);
    assert.match(
      xml,
      /message="apps\/web\/secret\.yaml:5:1: Secret &quot;a&lt;b&gt;&amp;c&quot; has data in plain text"/,
    );
    const clean = REPORTERS.junit(report([]));
    assert.match(clean, /failures="0"/);
    assert.match(clean, /<testcase classname="gitops-ci.validate" name="config repository"\/>/);
    const dir = tempTree({});
    for (const [name, text] of [
      ["two.xml", xml],
      ["clean.xml", clean],
    ] as const) {
      writeFileSync(path.join(dir, name), text);
      execFileSync("xmllint", ["--noout", path.join(dir, name)]);
    }
  });

  it("json keeps exactly the public fields", () => {
    const parsed = JSON.parse(REPORTERS.json(report([{ ...finding(), extra: 1 } as Finding])));
    assert.deepEqual(Object.keys(parsed.findings[0]), [
      "rule",
      "severity",
      "file",
      "line",
      "column",
      "message",
      "hint",
    ]);
  });
});
