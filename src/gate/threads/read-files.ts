import { availableParallelism } from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import { UsageError } from "../../errors.js";
import { type FileCheckSetup, type FileRead, type FileTask, readAndCheck } from "../file-checks.js";
import { type SizedTask, batchesOf } from "./batches.js";
import { ThreadReader } from "./thread-reader.js";

export type { SizedTask } from "./batches.js";

/**
 * A reader thread is started for each this many bytes of YAML: a thread costs about 0.1 s to start
 * and its values are copied back, so a smaller repository is read faster in this thread alone
 * (BENCHMARKS.md, "validate at scale").
 */
export const BYTES_PER_THREAD = 4 * 1024 * 1024;

/**
 * Batches a reader thread holds at once: while its answer to one waits for this thread to take it
 * (between two of this thread's own batches), it reads the next.
 */
const BATCHES_IN_FLIGHT = 2;

/** Where reader threads come from, and how many may run. */
export interface ThreadOptions {
  /** The script a reader thread runs: the entry point this process started from (src/entrypoints/). */
  script: URL;
  /** At most this many threads read, this one included (default: the cores this process may use). */
  max?: number;
  /** One thread for each this many bytes (default BYTES_PER_THREAD). */
  bytesPerThread?: number;
}

/** How many threads read this many bytes: one per bytesPerThread, at most max. */
export function threadsFor(bytes: number, options?: ThreadOptions): number {
  if (!options) return 1;
  const max = Math.max(1, options.max ?? availableParallelism());
  return Math.max(1, Math.min(max, Math.floor(bytes / (options.bytesPerThread ?? BYTES_PER_THREAD))));
}

/**
 * Every file read and checked (parsed, the source rules run): in this thread and, for a large
 * repository, in worker threads too. The files are taken in batches from one queue, so that a
 * thread that starts late or reads slowly takes fewer, and this thread, which also takes in the
 * others' answers, takes what it has time for. The results come back in the tasks' order, the same
 * wherever a file was read; the schemas are checked later, in this thread, where each kind's
 * validator is loaded and warmed once.
 */
export async function readFiles(
  setup: FileCheckSetup,
  tasks: SizedTask[],
  options?: ThreadOptions,
): Promise<{ reads: FileRead[]; threads: number }> {
  const count = threadsFor(
    tasks.reduce((n, t) => n + t.bytes, 0),
    options,
  );
  if (count === 1) return { reads: tasks.map((task) => readAndCheck(setup, task)), threads: 1 };

  const queue = batchesOf(tasks);
  const reads = new Map<string, FileRead>();
  const collect = (batch: FileTask[], results: FileRead[]) =>
    batch.forEach((task, i) => reads.set(task.file, results[i] as FileRead));
  let failure: unknown;
  const answers: Promise<void>[] = [];
  const feed = (reader: ThreadReader) => {
    while (failure === undefined && reader.pending < BATCHES_IN_FLIGHT && queue.length > 0) {
      const batch = queue.shift() as FileTask[];
      answers.push(
        reader.read(batch).then(
          (results) => {
            collect(batch, results);
            feed(reader);
          },
          (error: unknown) => {
            failure ??= error;
          },
        ),
      );
    }
  };
  const readers = Array.from({ length: count - 1 }, () => new ThreadReader(options?.script as URL, setup));
  try {
    readers.forEach(feed);
    while (failure === undefined && queue.length > 0) {
      const batch = queue.shift() as FileTask[];
      collect(
        batch,
        batch.map((task) => readAndCheck(setup, task)),
      );
      // the other threads' answers are taken in, and their next batches sent, between two batches here
      await nextTurn();
    }
    while (answers.length > 0) await Promise.all(answers.splice(0));
  } finally {
    await Promise.all(readers.map((reader) => reader.close()));
  }
  if (failure !== undefined) throw failure;
  return { reads: tasks.map((task) => reads.get(task.file) as FileRead), threads: count };
}

/** A run's threads: reader threads run `entry` (the process's entry point); `count` a number, or auto for every core. */
export function threadOptions(entry: URL | undefined, count: string): ThreadOptions | undefined {
  const max = count === "auto" ? undefined : Number(count);
  if (max !== undefined && !(Number.isInteger(max) && max > 0))
    throw new UsageError(`threads ${count}: give a number of threads, or auto for every core`);
  if (!entry) return undefined;
  return { script: entry, ...(max !== undefined && { max }) };
}

/**
 * What the log says of a run read across threads, with what the run took in wall-clock and in CPU
 * time (what the threads saved); nothing for one read here alone.
 */
export function threadsUse(
  read: { threads: number; bytes: number },
  timings: { totalMs: number; cpuMs: number },
): string | undefined {
  if (read.threads < 2) return undefined;
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  return `read ${(read.bytes / 1024 / 1024).toFixed(1)} MiB of YAML in ${read.threads} threads; the gate took ${seconds(timings.totalMs)} s, ${seconds(timings.cpuMs)} CPU-s`;
}
