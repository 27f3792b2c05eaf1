import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { UsageError } from "../errors.js";
import type { RootInputs } from "./root-inputs.js";

const run = promisify(execFile);

function firstLine(error: unknown): string {
  return String((error as { stderr?: string }).stderr ?? (error as Error).message)
    .trim()
    .split("\n")[0] as string;
}

/**
 * The commit a `--base-ref` names. It is checked as a revision, after `--end-of-options`, so a
 * value that looks like an option (`--output=<file>`) is a usage error, never a git flag.
 */
export async function baseCommit(dir: string, baseRef: string): Promise<string> {
  if (baseRef.startsWith("-")) throw new UsageError(`--base-ref "${baseRef}" is not a git ref (it starts with "-")`);
  try {
    const { stdout } = await run("git", [
      "-C",
      dir,
      "rev-parse",
      "--verify",
      "--quiet",
      "--end-of-options",
      `${baseRef}^{commit}`,
    ]);
    return stdout.trim();
  } catch (error) {
    throw new UsageError(
      `--base-ref ${baseRef}: git cannot compare against it (${firstLine(error) || "no such commit"}); fetch it first, e.g. git fetch origin main`,
    );
  }
}

/**
 * Files that differ between the base commit (what `baseRef` names) and the working tree
 * (committed or not), relative to `dir` as every other path of the gate is, even when `dir` is
 * a subfolder of the git checkout.
 */
export async function changedFiles(dir: string, baseRef: string, base: string): Promise<Set<string>> {
  try {
    const { stdout } = await run(
      "git",
      ["-C", dir, "diff", "--name-only", "--no-renames", "--relative", "-z", base, "--"],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const untracked = await run("git", ["-C", dir, "ls-files", "--others", "--exclude-standard", "-z"], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return new Set([...stdout.split("\0"), ...untracked.stdout.split("\0")].filter(Boolean));
  } catch (error) {
    throw new UsageError(`--base-ref ${baseRef}: git cannot list the changes (${firstLine(error)})`);
  }
}

/** A file's text at the base commit (`dir`-relative path), or undefined where it does not exist there. */
export async function fileAtCommit(dir: string, commit: string, file: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", ["-C", dir, "show", `${commit}:./${file}`], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}

/** Whether any changed file is an input of the root. */
export function rootChanged(inputs: RootInputs, changed: Set<string>): boolean {
  for (const file of changed) {
    if (inputs.files.has(file)) return true;
    for (const dir of inputs.dirs) if (dir === "." || file.startsWith(`${dir}/`)) return true;
  }
  return false;
}
