import { isMainThread } from "node:worker_threads";
import { threadScript } from "../gate/threads/thread-script.js";

// The validate action; also what its reader threads run (src/gate/threads/), which load the
// parser and the source rules alone.
if (isMainThread)
  void import("../platform/validate-action.js").then(({ runValidateAction }) =>
    runValidateAction(threadScript(import.meta.url)),
  );
else void import("../gate/threads/reader-thread.js");
