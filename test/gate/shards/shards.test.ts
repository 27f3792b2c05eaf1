import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate, type ValidateOptions } from "../../../src/commands/validate.js";
import { mergeReports } from "../../../src/commands/validate/merge-reports.js";
import { PathError, UsageError } from "../../../src/errors.js";
import { type PartialReport, readPartialReport } from "../../../src/gate/shards/partial-report.js";
import { assignShards, parseShard } from "../../../src/gate/shards/shard.js";
import { parallelShard } from "../../../src/platform/gitlab-job.js";
import { CORPUS } from "../../corpus/repos.js";
import { tempTree } from "../../helpers/temp-dir.js";

/** Every shard of n, then the merge: what a matrix of n jobs and the merge job give. */
async function sharded(options: ValidateOptions, total: number) {
  const reports = [];
  for (let index = 1; index <= total; index++) {
    const result = await validate({ ...options, shard: { index, total } });
    assert.ok(result.partial);
    reports.push({ file: `shard-${index}.json`, report: result.partial });
  }
  return { reports, merged: mergeReports(reports) };
}

const verdict = (r: { findings: unknown; summary: unknown; failed: boolean; roots: unknown }) => ({
  findings: r.findings,
  summary: r.summary,
  failed: r.failed,
  roots: r.roots,
});

describe("--shard and --merge-reports", () => {
  it("parses <index>/<total> and refuses anything else", () => {
    assert.deepEqual(parseShard("2/4"), { index: 2, total: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "2", "a/b", "1/201", "-1/2"])
      assert.throws(() => parseShard(bad), UsageError, bad);
  });

  it("reads GitLab's parallel: N variables, and nothing outside GitLab or without parallel", () => {
    assert.deepEqual(parallelShard({ GITLAB_CI: "true", CI_NODE_INDEX: "3", CI_NODE_TOTAL: "4" }), {
      index: 3,
      total: 4,
    });
    assert.equal(parallelShard({ GITLAB_CI: "true" }), undefined);
    assert.equal(parallelShard({ GITLAB_CI: "true", CI_NODE_INDEX: "1", CI_NODE_TOTAL: "1" }), undefined);
    assert.equal(parallelShard({ CI_NODE_INDEX: "1", CI_NODE_TOTAL: "2" }), undefined);
  });

  it("splits deterministically, every root once, balanced by weight", () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ key: `apps/a${i}`, weight: 100 + ((i * 37) % 11) * 50 }));
    const a = assignShards(items, 4);
    assert.deepEqual(a, assignShards([...items].reverse(), 4), "the same split whatever the order");
    assert.equal(a.size, 40);
    const loads = [1, 2, 3, 4].map((s) => items.filter((i) => a.get(i.key) === s).reduce((n, i) => n + i.weight, 0));
    const heaviest = Math.max(...items.map((i) => i.weight));
    assert.ok(Math.max(...loads) - Math.min(...loads) <= heaviest, `balanced within one root: ${loads.join(", ")}`);
  });

  for (const repo of CORPUS) {
    it(`corpus ${repo.name} with its planted mistake: 1, 2 and 3 shards merge to the one-run verdict`, async () => {
      const dir = tempTree({ ...repo.files, [repo.planted.file]: repo.planted.text });
      const options: ValidateOptions = { dir, renderer: "auto", strict: repo.strict };
      const one = await validate(options);
      assert.ok(one.findings.length > 0);
      for (const total of [1, 2, 3]) {
        const { reports, merged } = await sharded(options, total);
        assert.deepEqual(verdict(merged), verdict(one), `${total} shard(s)`);
        if (total > 1 && one.summary.roots > 1)
          assert.ok(
            reports.every((r) => r.report.summary.roots < one.summary.roots),
            "each shard checks a share",
          );
      }
    });
  }

  it("a base shared by overlays in different shards is one finding naming every root, as in one run", async () => {
    const files: Record<string, string> = {
      "base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "base/deployment.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: many\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: web:1}]\n",
    };
    for (const env of ["dev", "prod", "qa"])
      files[`overlays/${env}/kustomization.yaml`] = `namePrefix: ${env}-\nresources:\n  - ../../base\n`;
    const options = { dir: tempTree(files) };
    const one = await validate(options);
    const { merged } = await sharded(options, 3);
    assert.match(merged.findings[0]?.message ?? "", /rendered by overlays\/dev, overlays\/prod, overlays\/qa/);
    assert.deepEqual(verdict(merged), verdict(one));
  });

  it("refuses a merge missing a shard, holding one twice, or mixing splits", async () => {
    const { reports } = await sharded(
      { dir: tempTree({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n" }) },
      3,
    );
    const [a, b, c] = reports as [(typeof reports)[0], (typeof reports)[0], (typeof reports)[0]];
    assert.throws(() => mergeReports([a, c]), /shards? 2\/3 missing/);
    assert.throws(
      () => mergeReports([a, b, c, { ...b, file: "again.json" }]),
      /shard 2\/3 again \(also shard-2\.json\)/,
    );
    const other = { file: "other.json", report: { ...c.report, shard: { index: 3, total: 4 } } };
    assert.throws(() => mergeReports([a, b, other]), /other\.json: shard of 4, but shard-1\.json is a shard of 3/);
    assert.throws(() => mergeReports([]), PathError);
  });

  it("reads a shard's report as untrusted input: a tampered field is an error naming the file and the field", async () => {
    const { reports } = await sharded(
      { dir: tempTree({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n" }) },
      1,
    );
    const good = (reports[0] as { report: PartialReport }).report;
    const dir = tempTree({});
    const write = (name: string, value: unknown) => {
      const file = path.join(dir, name);
      writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
      return file;
    };
    assert.deepEqual(readPartialReport(write("ok.json", good)), good);
    const cases: [string, unknown, RegExp][] = [
      ["not-json.json", "{", /not-json\.json: not a shard report/],
      ["format.json", { ...good, format: "other" }, /format\.json: format is not/],
      [
        "severity.json",
        {
          ...good,
          findings: [{ rule: "schema", severity: "fatal", file: "a", line: 1, column: 1, message: "m", hint: "h" }],
        },
        /severity\.json: findings\[0\]\.severity/,
      ],
      [
        "rule.json",
        {
          ...good,
          findings: [{ rule: "nonsense", severity: "error", file: "a", line: 1, column: 1, message: "m", hint: "h" }],
        },
        /rule\.json: findings\[0\]\.rule/,
      ],
      [
        "count.json",
        { ...good, summary: { ...good.summary, roots: -1 } },
        /count\.json: summary\.roots is not a count/,
      ],
      ["shard.json", { ...good, shard: { index: 2, total: 1 } }, /shard\.json: shard is not/],
    ];
    for (const [name, value, message] of cases) assert.throws(() => readPartialReport(write(name, value)), message);
  });
});
