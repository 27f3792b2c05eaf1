import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate, type ValidateOptions } from "../../../src/commands/validate.js";
import { UsageError } from "../../../src/errors.js";
import {
  type SizedTask,
  splitByBytes,
  threadOptions,
  threadsFor,
  threadsUse,
} from "../../../src/gate/threads/read-files.js";
import { threadScript } from "../../../src/gate/threads/thread-script.js";
import { CORPUS } from "../../corpus/repos.js";
import { tempTree } from "../../helpers/temp-dir.js";

/** Three threads for any repository: every fixture is split across them. */
const THREADS = { script: new URL("../../helpers/reader-thread.mjs", import.meta.url), max: 3, shareMinBytes: 1 };

const comparable = (result: Awaited<ReturnType<typeof validate>>) => ({
  findings: result.findings,
  summary: result.summary,
  roots: result.roots,
});

/** The same run read in this thread alone and across three: the results must not differ. */
async function acrossThreads(options: ValidateOptions) {
  const one = await validate(options);
  const three = await validate({ ...options, threads: THREADS });
  assert.equal(one.read.threads, 1);
  return { one, three };
}

describe("files read across threads give what one thread gives", () => {
  const RULES = path.resolve("test/fixtures/rules");
  for (const rule of readdirSync(RULES).sort()) {
    const { options } = JSON.parse(readFileSync(path.join(RULES, rule, "expected.json"), "utf8")) as {
      options: Pick<ValidateOptions, "renderer" | "strict" | "limits">;
    };
    it(`rule fixture ${rule}/fail`, async () => {
      const { one, three } = await acrossThreads({ dir: path.join(RULES, rule, "fail"), renderer: "none", ...options });
      assert.ok(one.findings.length > 0);
      assert.deepEqual(comparable(three), comparable(one));
    });
  }

  for (const repo of CORPUS)
    it(`corpus ${repo.name}, with its planted mistake, rendered`, async () => {
      const dir = tempTree({ ...repo.files, [repo.planted.file]: repo.planted.text });
      const { one, three } = await acrossThreads({ dir, renderer: "auto", strict: repo.strict });
      assert.ok(three.read.threads > 1, "the corpus repo was read across threads");
      assert.deepEqual(comparable(three), comparable(one));
    });

  it("the config-repo fixture, rendered", async () => {
    const { one, three } = await acrossThreads({ dir: path.resolve("test/fixtures/config-repo"), renderer: "auto" });
    assert.equal(three.read.threads, 3);
    assert.ok(one.summary.resources > 0);
    assert.deepEqual(comparable(three), comparable(one));
  });

  it("a thread that cannot start fails the run, naming why", async () => {
    const dir = path.resolve("test/fixtures/config-repo");
    await assert.rejects(
      validate({ dir, renderer: "none", threads: { ...THREADS, script: new URL("file:///nonexistent/cli.js") } }),
      /a reader thread failed: .*Cannot find module/s,
    );
  });
});

describe("how files are shared between threads", () => {
  const task = (file: string, bytes: number): SizedTask => ({ file, bytes, inScope: true });

  it("one thread per share of at least shareMinBytes, at most max; none without a script", () => {
    const options = { script: new URL("file:///x.js"), max: 4, shareMinBytes: 100 };
    assert.equal(threadsFor(99, options), 1);
    assert.equal(threadsFor(250, options), 2);
    assert.equal(threadsFor(10_000, options), 4);
    assert.equal(threadsFor(10_000, undefined), 1);
    assert.equal(threadsFor(64 * 1024 * 1024, { script: options.script }) >= 1, true);
  });

  it("shares balance bytes, this thread's a little heavier (it copies the others' values back)", () => {
    const tasks = Array.from({ length: 200 }, (_, i) => task(`f${i}.yaml`, 1000 + ((i * 7919) % 5000)));
    const shares = splitByBytes(tasks, 2);
    const bytes = shares.map((share) => share.reduce((n, t) => n + t.bytes, 0));
    assert.equal(shares.flat().length, tasks.length);
    assert.deepEqual(new Set(shares.flat().map((t) => t.file)).size, tasks.length);
    const ratio = (bytes[0] as number) / (bytes[1] as number);
    assert.ok(ratio > 1.1 && ratio < 1.3, `this thread's share / the other's = ${ratio}`);
  });

  it("--threads takes a number or auto; a source entry (through a loader) reads in one thread", () => {
    const entry = new URL("file:///app/dist/cli/index.js");
    assert.deepEqual(threadOptions(entry, "auto"), { script: entry });
    assert.deepEqual(threadOptions(entry, "2"), { script: entry, max: 2 });
    for (const bad of ["0", "-1", "1.5", "many"]) assert.throws(() => threadOptions(entry, bad), UsageError);
    assert.equal(threadScript("file:///app/src/entrypoints/cli.ts"), undefined);
    assert.equal(threadScript("file:///app/dist/cli/index.js")?.href, "file:///app/dist/cli/index.js");
    assert.equal(threadsUse({ threads: 1, bytes: 5 }), undefined);
    assert.equal(threadsUse({ threads: 2, bytes: 3 * 1024 * 1024 }), "read 3.0 MiB of YAML in 2 threads");
  });
});
