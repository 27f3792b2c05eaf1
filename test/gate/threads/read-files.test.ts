import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate, type ValidateOptions } from "../../../src/commands/validate.js";
import { UsageError } from "../../../src/errors.js";
import { DEFAULT_PARSE_LIMITS } from "../../../src/gate/source-files.js";
import { BATCH_BYTES, batchesOf } from "../../../src/gate/threads/batches.js";
import {
  readFiles,
  type SizedTask,
  threadOptions,
  threadsFor,
  threadsUse,
} from "../../../src/gate/threads/read-files.js";
import { threadScript } from "../../../src/gate/threads/thread-script.js";
import { CORPUS } from "../../corpus/repos.js";
import { tempTree } from "../../helpers/temp-dir.js";

/** Three threads for any repository: every fixture is split across them. */
const THREADS = { script: new URL("../../helpers/reader-thread.mjs", import.meta.url), max: 3, bytesPerThread: 1 };

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

  it("values JSON cannot hold come back exactly: infinities, NaN, tags, YAML 1.1, aliases, a __proto__ key", async () => {
    const files: Record<string, string> = {
      "inf.yaml": "a: .inf\nb: -.Inf\nc: .nan\nd: [1, .NaN]\n",
      "binary.yaml": "data: !!binary aGVsbG8=\n",
      "set.yaml": "s: !!set {a, b}\n",
      "yaml11.yaml": "%YAML 1.1\n---\nwhen: 2001-12-14\nflag: yes\n",
      "circular.yaml": "data: &a\n  k: *a\n",
      "proto.yaml": "__proto__:\n  polluted: yes\n",
      "shared.yaml": "a: &big {k: [1, 2, 3]}\nb: *big\nc: *big\n",
      "plain.yaml": 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {n: "1", m: [1, 2.5, null, true]}\n',
    };
    const dir = tempTree(files);
    const setup = {
      dir,
      limits: DEFAULT_PARSE_LIMITS,
      read: {},
      context: { sealedSecretsKeyBytes: 512, placeholders: [] },
    };
    const tasks = Object.keys(files).map((file) => ({ file, inScope: true, bytes: 1 }));
    const here = await readFiles(setup, tasks);
    const there = await readFiles(setup, tasks, THREADS);
    assert.equal(there.threads, 3);
    assert.ok(Number.isNaN((here.reads[0]?.source?.values[0] as { c: number }).c));
    // structured clone gives a Buffer back as the Uint8Array it is: the same bytes
    const bytes = (reads: typeof here.reads) => (reads[1]?.source?.values[0] as { data: Uint8Array }).data;
    assert.deepEqual([...bytes(there.reads)], [...Buffer.from("hello")]);
    assert.deepEqual([...bytes(here.reads)], [...Buffer.from("hello")]);
    const others = (reads: typeof here.reads) => reads.filter((_, i) => i !== 1).map((read) => read.source?.values);
    assert.deepEqual(others(there.reads), others(here.reads));
    // an anchor's aliases stay one value, as one thread reads them: not a copy each
    const shared = there.reads.find((read) => read.source?.file === "shared.yaml")?.source?.values[0] as {
      a: object;
      b: object;
      c: object;
    };
    assert.ok(shared.a === shared.b && shared.b === shared.c);
    // a `__proto__` key is the object's own, in every thread: nothing's prototype changes
    const proto = there.reads.find((read) => read.source?.file === "proto.yaml")?.source?.values[0] as object;
    assert.deepEqual(Object.keys(proto), ["__proto__"]);
    assert.equal(Object.getPrototypeOf(proto), Object.prototype);
  });

  it("a thread that stops before it answers fails the run, naming its exit code", async () => {
    const dir = path.resolve("test/fixtures/config-repo");
    const script = new URL("data:text/javascript,process.exit(3)");
    await assert.rejects(
      validate({ dir, renderer: "none", threads: { ...THREADS, script } }),
      /a reader thread stopped \(exit code 3\)/,
    );
  });

  it("a file a thread cannot read fails the run, naming why", async () => {
    const dir = tempTree({ "a.yaml": "a: 1\n" });
    const setup = {
      dir,
      limits: DEFAULT_PARSE_LIMITS,
      read: {},
      context: { sealedSecretsKeyBytes: 512, placeholders: [] },
    };
    const tasks = ["a.yaml", "gone.yaml"].map((file) => ({ file, inScope: true, bytes: 1 }));
    await assert.rejects(
      readFiles(setup, tasks, { ...THREADS, max: 2 }),
      /a reader thread failed: .*ENOENT.*gone\.yaml/s,
    );
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

  it("one thread per bytesPerThread, at most max; none without a script", () => {
    const options = { script: new URL("file:///x.js"), max: 4, bytesPerThread: 100 };
    assert.equal(threadsFor(99, options), 1);
    assert.equal(threadsFor(250, options), 2);
    assert.equal(threadsFor(10_000, options), 4);
    assert.equal(threadsFor(10_000, undefined), 1);
    assert.equal(threadsFor(64 * 1024 * 1024, { script: options.script }) >= 1, true);
  });

  it("batches hold about BATCH_BYTES each, the largest files first, every file once", () => {
    const tasks = Array.from({ length: 400 }, (_, i) => task(`f${i}.yaml`, 1000 + ((i * 7919) % 5000)));
    tasks.push(task("huge.yaml", 3 * BATCH_BYTES));
    const batches = batchesOf(tasks);
    assert.deepEqual(
      batches[0]?.map((t) => t.file),
      ["huge.yaml"],
    );
    assert.equal(new Set(batches.flat().map((t) => t.file)).size, tasks.length);
    const sizes = batches.slice(1, -1).map((batch) => batch.reduce((n, t) => n + t.bytes, 0));
    assert.ok(sizes.length > 1);
    for (const size of sizes) assert.ok(size >= BATCH_BYTES && size < BATCH_BYTES + 6000, `a batch of ${size} bytes`);
    const bytes = batches.flat().map((t) => t.bytes);
    assert.deepEqual(
      bytes,
      [...bytes].sort((a, b) => b - a),
    );
  });

  it("--threads takes a number or auto; a source entry (through a loader) reads in one thread", () => {
    const entry = new URL("file:///app/dist/cli/index.js");
    assert.deepEqual(threadOptions(entry, "auto"), { script: entry });
    assert.deepEqual(threadOptions(entry, "2"), { script: entry, max: 2 });
    for (const bad of ["0", "-1", "1.5", "many"]) assert.throws(() => threadOptions(entry, bad), UsageError);
    assert.equal(threadScript("file:///app/src/entrypoints/cli.ts"), undefined);
    assert.equal(threadScript("file:///app/dist/cli/index.js")?.href, "file:///app/dist/cli/index.js");
    const timings = { totalMs: 1234, cpuMs: 2100 };
    assert.equal(threadsUse({ threads: 1, bytes: 5 }, timings), undefined);
    assert.equal(
      threadsUse({ threads: 2, bytes: 3 * 1024 * 1024 }, timings),
      "read 3.0 MiB of YAML in 2 threads; the gate took 1.23 s, 2.10 CPU-s",
    );
  });
});
