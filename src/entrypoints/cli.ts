#!/usr/bin/env node
import { isMainThread } from "node:worker_threads";
import { threadScript } from "../gate/threads/thread-script.js";

// The CLI; also what validate's reader threads run (src/gate/threads/), which load the parser and
// the source rules alone, never the commands.
if (isMainThread)
  void import("../cli/main.js")
    .then(({ runCli }) => runCli(process.argv.slice(2), { entry: threadScript(import.meta.url) }))
    .then((code) => {
      process.exitCode = code;
    });
else void import("../gate/threads/reader-thread.js");
