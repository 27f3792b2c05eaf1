import { Worker } from "node:worker_threads";
import { InternalError } from "../../errors.js";
import type { FileCheckSetup, FileRead, FileTask } from "../file-checks.js";
import type { Finding } from "../finding.js";
import { lazySource } from "../source-files.js";

/** What the main thread asks a reader thread (reader-thread.ts): read and check these files. */
export interface ReadRequest {
  setup: FileCheckSetup;
  tasks: FileTask[];
}

/** A file as a reader thread read it: the findings, and the text and values when it parsed. */
export interface ThreadRead {
  findings: Finding[];
  text?: string;
  values?: unknown[];
}

/** A reader thread's one answer. */
export type ReadReply = { ok: true; reads: ThreadRead[] } | { ok: false; error: string };

/**
 * Reads and checks files in a worker thread that runs `script` (an entry point, which runs
 * reader-thread.ts when it is not the main thread), then stops it. The files come back as their
 * text and values, as if read here: positions are parsed here when a finding needs them.
 */
export function readInThread(script: URL, setup: FileCheckSetup, tasks: FileTask[]): Promise<FileRead[]> {
  const worker = new Worker(script);
  const answer = new Promise<ThreadRead[]>((resolve, reject) => {
    worker.once("message", (reply: ReadReply) =>
      reply.ok ? resolve(reply.reads) : reject(new InternalError(`a reader thread failed: ${reply.error}`)),
    );
    worker.once("error", (error) =>
      reject(new InternalError(`a reader thread failed: ${error.stack ?? error.message}`)),
    );
    worker.once("exit", (code) => reject(new InternalError(`a reader thread stopped (exit code ${code})`)));
  });
  worker.postMessage({ setup, tasks } satisfies ReadRequest);
  return answer
    .then((reads) =>
      reads.map((read, i) => ({
        findings: read.findings,
        ...(read.text !== undefined && {
          source: lazySource((tasks[i] as FileTask).file, read.text, read.values ?? []),
        }),
      })),
    )
    .finally(() => void worker.terminate());
}
