import { availableParallelism } from "node:os";
import { UsageError } from "../../errors.js";
import { type FileCheckSetup, type FileRead, type FileTask, readAndCheck } from "../file-checks.js";
import { readInThread } from "./thread-reader.js";

/**
 * Each thread's share of the YAML is at least this: a thread costs about 0.1 s to start and its
 * values are copied back, so a smaller repository is read faster in this thread alone
 * (BENCHMARKS.md, "validate at scale").
 */
export const SHARE_MIN_BYTES = 4 * 1024 * 1024;

/** Where reader threads come from, and how many may run. */
export interface ThreadOptions {
  /** The script a reader thread runs: the entry point this process started from (src/entrypoints/). */
  script: URL;
  /** At most this many threads read, this one included (default: the cores this process may use). */
  max?: number;
  /** Each thread's share is at least this many bytes (default SHARE_MIN_BYTES). */
  shareMinBytes?: number;
}

/** A file to read, with its size: what the shares are balanced by. */
export interface SizedTask extends FileTask {
  bytes: number;
}

/** How many threads read this many bytes: one per share of at least shareMinBytes, at most max. */
export function threadsFor(bytes: number, options?: ThreadOptions): number {
  if (!options) return 1;
  const max = Math.max(1, options.max ?? availableParallelism());
  return Math.max(1, Math.min(max, Math.floor(bytes / (options.shareMinBytes ?? SHARE_MIN_BYTES))));
}

/**
 * Every file read and checked (parsed, the source rules run): in this thread and, for a large
 * repository, in worker threads, each with a share balanced by bytes. The results come back in the
 * tasks' order, the same wherever a file was read; the schemas are checked later, in this thread,
 * where each kind's validator is loaded and warmed once.
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
  const [mine = [], ...theirs] = splitByBytes(tasks, count);
  // the threads' shares are sent first; this thread's is read while they work
  const elsewhere = theirs.map((share) => readInThread(options?.script as URL, setup, share));
  const reads = new Map<string, FileRead>();
  const collect = (share: SizedTask[], results: FileRead[]) =>
    share.forEach((task, i) => reads.set(task.file, results[i] as FileRead));
  try {
    collect(
      mine,
      mine.map((task) => readAndCheck(setup, task)),
    );
  } catch (error) {
    await Promise.allSettled(elsewhere);
    throw error;
  }
  (await Promise.all(elsewhere)).forEach((results, i) => collect(theirs[i] as SizedTask[], results));
  return { reads: tasks.map((task) => reads.get(task.file) as FileRead), threads: count };
}

/**
 * A byte another thread reads costs this thread about a fifth of reading it here: its values are
 * copied back (structured clone) after this thread read its own share. Balancing by this weight
 * lets both finish together (measured in BENCHMARKS.md, "validate at scale").
 */
const THREAD_BYTE_WEIGHT = 1.2;

/**
 * `count` shares, the first this thread's: the largest files placed first, each on the share
 * with the least weighted load, so that every thread finishes at about the same time.
 */
export function splitByBytes(tasks: SizedTask[], count: number): SizedTask[][] {
  const shares: SizedTask[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const task of [...tasks].sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file))) {
    const lightest = load.indexOf(Math.min(...load));
    (shares[lightest] as SizedTask[]).push(task);
    load[lightest] = (load[lightest] as number) + task.bytes * (lightest === 0 ? 1 : THREAD_BYTE_WEIGHT);
  }
  return shares;
}

/** A run's threads: reader threads run `entry` (the process's entry point); `count` a number, or auto for every core. */
export function threadOptions(entry: URL | undefined, count: string): ThreadOptions | undefined {
  const max = count === "auto" ? undefined : Number(count);
  if (max !== undefined && !(Number.isInteger(max) && max > 0))
    throw new UsageError(`threads ${count}: give a number of threads, or auto for every core`);
  if (!entry) return undefined;
  return { script: entry, ...(max !== undefined && { max }) };
}

/** What the log says of a run read across threads; nothing for one read here alone. */
export function threadsUse(read: { threads: number; bytes: number }): string | undefined {
  if (read.threads < 2) return undefined;
  return `read ${(read.bytes / 1024 / 1024).toFixed(1)} MiB of YAML in ${read.threads} threads`;
}
