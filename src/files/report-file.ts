import { randomBytes } from "node:crypto";
import { closeSync, constants, lstatSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PathError } from "../errors.js";
import { redact } from "../secrets.js";

/**
 * Writes a report (or any file the suite makes for the job), redacted, never through a symlink:
 * a PR can commit `gl-code-quality-report.json -> ~/.ssh/authorized_keys`. The text goes to a
 * new file with a random name, created exclusively without following links, then renamed over
 * the target, so a reader never sees half a report either.
 */
export function writeReportFile(target: string, text: string): void {
  const existing = lstatOrUndefined(target);
  if (existing?.isSymbolicLink())
    throw new PathError(`${target} is a symlink; gitops-ci never writes a report through one (remove it)`);
  if (existing && !existing.isFile()) throw new PathError(`${target} exists and is not a regular file`);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(8).toString("hex")}.tmp`);
  const fd = openSync(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o644,
  );
  try {
    writeSync(fd, redact(text));
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, target);
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
