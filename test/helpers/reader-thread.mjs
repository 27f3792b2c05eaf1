// A reader thread for tests that run the TypeScript sources: Node 20 does not give a worker thread
// the loader its process was started with, so this one registers tsx itself, then runs the CLI's
// entry point as dist/cli/index.js runs in a thread (src/gate/threads/).
import { register } from "tsx/esm/api";

register();
await import("../../src/entrypoints/cli.ts");
