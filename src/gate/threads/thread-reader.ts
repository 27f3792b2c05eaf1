import { Worker } from "node:worker_threads";
import { InternalError } from "../../errors.js";
import type { FileCheckSetup, FileRead, FileTask } from "../file-checks.js";
import type { Finding } from "../finding.js";
import { lazySource } from "../source-files.js";

/** What the main thread sends a reader thread (reader-thread.ts): the setup once, then batches to read. */
export type ReaderMessage = { setup: FileCheckSetup } | { batch: number; tasks: FileTask[] };

/**
 * A file as a reader thread read it: the findings and, when it parsed, the text and values. The
 * values come as JSON where JSON holds them exactly (see valuesMessage): parsing JSON here costs
 * about half of what copying the objects does.
 */
export interface ThreadRead {
  findings: Finding[];
  text?: string;
  json?: string;
  values?: unknown[];
}

/** A reader thread's answer to one batch. */
export type ReaderReply =
  { batch: number; ok: true; reads: ThreadRead[] } | { batch: number; ok: false; error: string };

interface Waiting {
  tasks: FileTask[];
  resolve: (reads: FileRead[]) => void;
  reject: (error: Error) => void;
}

/**
 * A worker thread that runs `script` (an entry point, which runs reader-thread.ts when it is not the
 * main thread) and reads and checks the batches of files it is given, in order. The files come back
 * as their text and values, as if read here: positions are parsed here when a finding needs them.
 */
export class ThreadReader {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextBatch = 0;
  private failure?: Error;

  constructor(script: URL, setup: FileCheckSetup) {
    this.worker = new Worker(script);
    this.worker.on("message", (reply: ReaderReply) => this.answer(reply));
    this.worker.once("error", (error) => this.fail(`a reader thread failed: ${error.stack ?? error.message}`));
    this.worker.once("exit", (code) => this.fail(`a reader thread stopped (exit code ${code})`));
    this.worker.postMessage({ setup } satisfies ReaderMessage);
  }

  /** Batches sent and not yet answered. */
  get pending(): number {
    return this.waiting.size;
  }

  read(tasks: FileTask[]): Promise<FileRead[]> {
    if (this.failure) return Promise.reject(this.failure);
    const batch = this.nextBatch++;
    const answer = new Promise<FileRead[]>((resolve, reject) => this.waiting.set(batch, { tasks, resolve, reject }));
    this.worker.postMessage({ batch, tasks } satisfies ReaderMessage);
    return answer;
  }

  /** Stops the thread; a batch still unanswered is rejected. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private answer(reply: ReaderReply): void {
    const waiting = this.waiting.get(reply.batch);
    if (!waiting) return;
    this.waiting.delete(reply.batch);
    if (!reply.ok) return waiting.reject(new InternalError(`a reader thread failed: ${reply.error}`));
    waiting.resolve(
      reply.reads.map((read, i) => ({
        findings: read.findings,
        ...(read.text !== undefined && {
          source: lazySource(
            (waiting.tasks[i] as FileTask).file,
            read.text,
            read.json === undefined ? (read.values ?? []) : (JSON.parse(read.json) as unknown[]),
          ),
        }),
      })),
    );
  }

  private fail(message: string): void {
    this.failure ??= new InternalError(message);
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
}
