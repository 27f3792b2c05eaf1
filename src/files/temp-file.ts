import { randomBytes } from "node:crypto";
import { closeSync, constants, lstatSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PathError } from "../errors.js";

/**
 * Writes `content` to a new file beside `target` and returns its path: a random name, created
 * exclusively and without following links, so a symlink planted under a predictable temp name
 * cannot send the bytes elsewhere. The caller renames it over the target.
 */
export function writeTempBeside(target: string, content: string, mode = 0o644): string {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(8).toString("hex")}.tmp`);
  const fd = openSync(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    mode,
  );
  try {
    writeSync(fd, content);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  return temporary;
}

/** The target as it is on disk, without following a link; undefined when it does not exist. */
export function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** Refuses to replace anything but a regular file (or nothing): never a link, a directory or a device. */
export function refuseNonRegular(target: string, what: string): void {
  const existing = lstatOrUndefined(target);
  if (existing?.isSymbolicLink())
    throw new PathError(`${target} is a symlink; gitops-ci never writes ${what} through one (remove it)`);
  if (existing && !existing.isFile()) throw new PathError(`${target} exists and is not a regular file`);
}
