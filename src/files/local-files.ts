import { readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { PathError } from "../errors.js";
import { refuseNonRegular, writeTempBeside } from "./temp-file.js";

/** Kustomizations are small; a larger file is a mistake (or an attack), not a config. */
export const MAX_TEXT_FILE_BYTES = 4 * 1024 * 1024;

/** Reads a UTF-8 file byte for byte (a BOM stays), refusing binaries and oversized files. */
export function readTextFile(absolute: string, shown: string): string {
  const size = statSync(absolute).size;
  if (size > MAX_TEXT_FILE_BYTES) {
    throw new PathError(`${shown} is ${size} bytes; refusing files over ${MAX_TEXT_FILE_BYTES} bytes`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(absolute));
  } catch {
    throw new PathError(`${shown} is not UTF-8 text`);
  }
}

export interface FileWrite {
  path: string;
  content: string;
}

/**
 * Writes every file or none: all contents go to temporary files beside their targets first
 * (where a full disk or a permission problem shows), and only then are they renamed over the
 * targets, each rename atomic. File modes are kept. Temp files get random names and are created
 * exclusively without following links, and a target that is a symlink is refused rather than
 * replaced: `set-image --dir` edits only regular files inside the checkout.
 */
export function writeFilesAtomically(writes: FileWrite[]): void {
  const temps: { temp: string; target: string }[] = [];
  try {
    for (const w of writes) {
      refuseNonRegular(w.path, "an edit");
      temps.push({ temp: writeTempBeside(w.path, w.content, statSync(w.path).mode & 0o7777), target: w.path });
    }
  } catch (error) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of temps) renameSync(temp, target);
}
