import { parentPort } from "node:worker_threads";
import { type FileCheckSetup, readAndCheck } from "../file-checks.js";
import type { SourceFile } from "../source-files.js";
import type { ReaderMessage, ReaderReply } from "./thread-reader.js";

/**
 * What JSON cannot hold exactly, by the text it comes from: `.inf` and `.nan` (Infinity and NaN),
 * tags and directives (binary data, sets, dates of YAML 1.1), and anchors: JSON would write out
 * every alias of one (a hundred aliases of a large anchor, a hundred copies) and cannot write an
 * alias of its own ancestor. A `-0` becomes 0, which reads the same to every check.
 */
const NOT_JSON = /[!%&]|\.(?:inf|nan)/i;

/** A file's values as the main thread takes them: JSON when it holds them exactly, else the objects. */
function valuesMessage(source: SourceFile): { json: string } | { values: unknown[] } {
  return NOT_JSON.test(source.text) ? { values: source.values } : { json: JSON.stringify(source.values) };
}

/**
 * The body of a reader thread (see thread-reader.ts): given the setup, it reads and checks each
 * batch of files as the main thread would, and answers each with the findings, texts and values.
 */
let setup: FileCheckSetup | undefined;
parentPort?.on("message", (message: ReaderMessage) => {
  if ("setup" in message) {
    setup = message.setup;
    return;
  }
  let reply: ReaderReply;
  try {
    const reads = message.tasks.map((task) => {
      const { findings, source } = readAndCheck(setup as FileCheckSetup, task);
      return { findings, ...(source && { text: source.text, ...valuesMessage(source) }) };
    });
    reply = { batch: message.batch, ok: true, reads };
  } catch (error) {
    reply = { batch: message.batch, ok: false, error: (error as Error).stack ?? String(error) };
  }
  parentPort?.postMessage(reply);
});
