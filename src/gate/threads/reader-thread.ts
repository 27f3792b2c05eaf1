import { parentPort } from "node:worker_threads";
import { readAndCheck } from "../file-checks.js";
import type { ReadReply, ReadRequest } from "./thread-reader.js";

/**
 * The body of a reader thread (see thread-reader.ts): it reads and checks the files it is given
 * as the main thread would, and answers once with the findings, texts and values.
 */
parentPort?.once("message", ({ setup, tasks }: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = {
      ok: true,
      reads: tasks.map((task) => {
        const { findings, source } = readAndCheck(setup, task);
        return { findings, ...(source && { text: source.text, values: source.values }) };
      }),
    };
  } catch (error) {
    reply = { ok: false, error: (error as Error).stack ?? String(error) };
  }
  parentPort?.postMessage(reply);
});
