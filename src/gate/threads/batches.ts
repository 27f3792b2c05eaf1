import type { FileTask } from "../file-checks.js";

/** A file to read, with its size: what batches are made by. */
export interface SizedTask extends FileTask {
  bytes: number;
}

/**
 * A batch holds files of about this many bytes: tens of milliseconds of reading, so that a thread
 * waits little for the next, and the last batches, which nobody shares, end together.
 */
export const BATCH_BYTES = 256 * 1024;

/**
 * The files in batches of about `bytes`, the largest files first: a large file read last would
 * keep every other thread waiting for it.
 */
export function batchesOf(tasks: SizedTask[], bytes = BATCH_BYTES): SizedTask[][] {
  const batches: SizedTask[][] = [];
  let batch: SizedTask[] = [];
  let size = 0;
  for (const task of [...tasks].sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file))) {
    batch.push(task);
    size += task.bytes;
    if (size >= bytes) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
