import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { progressOn } from "../../src/gate/progress.js";
import { CLI_SOURCE, nodeArgs } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

function recorder(isTTY: boolean) {
  let clock = 0;
  const written: string[] = [];
  const progress = progressOn({ isTTY, columns: 120, write: (t) => written.push(t) }, () => clock);
  return { progress, written, advance: (ms: number) => (clock += ms) };
}

describe("progress of a long validate run", () => {
  it("in CI: a line every ten seconds with the roots done, the rate and what is left; nothing for short runs", () => {
    const { progress, written, advance } = recorder(false);
    progress.begin("rendering", 600);
    for (let i = 0; i < 40; i++) {
      advance(250);
      progress.tick();
    }
    assert.deepEqual(written, ["gitops-ci: rendering 40/600 roots (4.0/s, about 2m20s left)\n"]);
    advance(9_000);
    progress.tick();
    assert.equal(written.length, 1, "not before the next ten seconds");
    progress.end();
    const quick = recorder(false);
    quick.progress.begin("rendering", 3);
    for (let i = 0; i < 3; i++) quick.progress.tick();
    quick.progress.end();
    assert.deepEqual(quick.written, []);
  });

  it("on a terminal: a bar redrawn in place, at most every 100 ms, always at the end, then a newline", () => {
    const { progress, written, advance } = recorder(true);
    progress.begin("rendering", 4);
    for (let i = 0; i < 4; i++) {
      advance(10);
      progress.tick();
    }
    progress.end();
    assert.equal(written[0], "\r\x1b[K[....................] rendering 0/4 roots (0.0/s)");
    assert.equal(written.at(-2), `\r\x1b[K[${"#".repeat(20)}] rendering 4/4 roots (100.0/s)`);
    assert.equal(written.at(-1), "\n");
    assert.ok(written.length <= 4, "throttled: the two middle ticks are not redrawn");
  });

  it("the CLI draws it on a pseudo-terminal's stderr, and never on stdout", () => {
    const dir = tempTree({
      "app/kustomization.yaml": "resources:\n- cm.yaml\n",
      "app/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
    });
    const command = [process.execPath, ...nodeArgs(CLI_SOURCE), "validate", "--dir", dir, "--format", "json"]
      .map((a) => `'${a}'`)
      .join(" ");
    // script(1) gives the command a terminal; stdout is sent to a file, so the terminal holds stderr only.
    const out = `${dir}/report.json`;
    const r = spawnSync("script", ["-qec", `${command} > '${out}'`, "/dev/null"], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /\[#{20}\] rendering 1\/1 roots/);
    const report = spawnSync("cat", [out], { encoding: "utf8" }).stdout;
    assert.doesNotMatch(report, /roots \(/);
    assert.equal(JSON.parse(report).summary.rendered, 1);
  });
});
