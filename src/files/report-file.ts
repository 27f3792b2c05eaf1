import { renameSync } from "node:fs";
import { redact } from "../secrets.js";
import { refuseNonRegular, writeTempBeside } from "./temp-file.js";

/**
 * Writes a report (or any file the suite makes for the job), redacted, never through a symlink:
 * a PR can commit `gl-code-quality-report.json -> ~/.ssh/authorized_keys`. The text goes to a
 * new file with a random name, created exclusively without following links, then renamed over
 * the target, so a reader never sees half a report either.
 */
export function writeReportFile(target: string, text: string): void {
  refuseNonRegular(target, "a report");
  renameSync(writeTempBeside(target, redact(text)), target);
}
