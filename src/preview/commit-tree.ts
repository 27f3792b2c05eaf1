import { execFile, spawn } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { UsageError } from "../errors.js";

const run = promisify(execFile);

/** A commit's files, listed from git's object store: nothing checked out, no filters or hooks run. */
export interface CommitFiles {
  commit: string;
  /** Whether the commit holds this file (relative to the checkout). */
  has(file: string): boolean;
  /** The files' bytes (relative to the checkout), in one `git cat-file --batch`. */
  read(files: string[]): Promise<Map<string, Buffer>>;
  /**
   * Writes the files at or under these paths (relative to the checkout, `../` allowed inside the
   * repository) into a temporary directory laid out as the repository: what a render reads.
   */
  write(paths: Iterable<string>): Promise<CommitTree>;
}

/** Part of a commit written out where kustomize can read it, away from the work tree. */
export interface CommitTree {
  /** The checkout (`--dir`) inside the written tree. */
  checkout: string;
  remove(): Promise<void>;
}

interface TreeEntry {
  mode: string;
  sha: string;
  /** Relative to the repository's top. */
  path: string;
}

/** What a base commit may hold before the preview stops: as much as validate reads of a repository. */
export const MAX_TREE_BYTES = 256 * 1024 * 1024;

/**
 * The files of `commit` in the repository holding `dir`. Submodules are left out, and any path
 * git would refuse to check out (`..`, `.git`). Writing only what a render reads matters: creating
 * files is most of the cost of a whole tree (2 s for 5,000 files on this project's CI machine).
 */
export async function commitFiles(dir: string, commit: string): Promise<CommitFiles> {
  const prefix = (await git(dir, ["rev-parse", "--show-prefix"])).trim();
  const entries = new Map(
    parseTree(await git(dir, ["ls-tree", "-r", "-z", "--full-tree", commit]))
      .filter((e) => e.mode !== "160000" && safePath(e.path))
      .map((e) => [e.path, e]),
  );
  const inRepo = (file: string) => path.posix.normalize(path.posix.join(prefix || ".", file));
  return {
    commit,
    has: (file) => entries.has(inRepo(file)),
    async read(files) {
      const wanted = files.flatMap((f) => entries.get(inRepo(f)) ?? []);
      const blobs = await readBlobs(dir, wanted);
      return new Map(
        files.flatMap((f) => {
          const entry = entries.get(inRepo(f));
          return entry ? [[f, blobs.get(entry.sha) as Buffer]] : [];
        }),
      );
    },
    async write(paths) {
      const under = [...new Set([...paths].map(inRepo))];
      const chosen = [...entries.values()].filter((e) =>
        under.some((p) => p === "." || e.path === p || e.path.startsWith(`${p}/`)),
      );
      const top = await mkdtemp(path.join(tmpdir(), "gitops-ci-base-"));
      const remove = () => rm(top, { recursive: true, force: true });
      try {
        writeTree(top, chosen, await readBlobs(dir, chosen));
      } catch (error) {
        await remove();
        throw error;
      }
      const checkout = path.join(top, prefix);
      mkdirSync(checkout, { recursive: true });
      return { checkout, remove };
    },
  };
}

/** Synchronous writes: thousands of small files, where one awaited call per file costs ten times more. */
function writeTree(top: string, blobs: TreeEntry[], contents: Map<string, Buffer>): void {
  mkdirSync(path.join(top, ".git"));
  const made = new Set<string>();
  const parentOf = (target: string) => {
    const parent = path.dirname(target);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
  };
  // files before symlinks: no file is ever written through a link the tree made
  for (const entry of blobs.filter((e) => e.mode !== "120000")) {
    const target = path.join(top, entry.path);
    parentOf(target);
    writeFileSync(target, contents.get(entry.sha) as Buffer, { mode: entry.mode === "100755" ? 0o755 : 0o644 });
  }
  for (const entry of blobs.filter((e) => e.mode === "120000")) {
    const target = path.join(top, entry.path);
    parentOf(target);
    symlinkSync((contents.get(entry.sha) as Buffer).toString("utf8"), target);
  }
}

async function git(dir: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run("git", ["-C", dir, ...args], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .trim()
      .split("\n")[0];
    throw new UsageError(`git ${args[0]} in ${dir}: ${detail}`);
  }
}

function parseTree(listing: string): TreeEntry[] {
  return listing
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode, , sha] = line.slice(0, tab).split(" ");
      return { mode: mode as string, sha: sha as string, path: line.slice(tab + 1) };
    });
}

/** A tree path git would check out: relative, no `..`, nothing in a `.git` directory. */
function safePath(file: string): boolean {
  const parts = file.split("/");
  return (
    !path.isAbsolute(file) && parts.every((p) => p !== "" && p !== "." && p !== ".." && p.toLowerCase() !== ".git")
  );
}

/** Every blob's bytes in one `git cat-file --batch`, bounded by MAX_TREE_BYTES. */
function readBlobs(dir: string, entries: TreeEntry[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(entries.map((e) => e.sha))];
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-C", dir, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let received = 0;
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.stdout.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received > MAX_TREE_BYTES + wanted.length * 64) {
        child.kill();
        reject(new UsageError(`the base commit holds more than ${MAX_TREE_BYTES} bytes: too large to preview`));
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const blobs = splitBatch(Buffer.concat(chunks));
      if (blobs.size === wanted.length) resolve(blobs);
      else
        reject(
          new UsageError(
            `git cat-file in ${dir} gave ${blobs.size} of ${wanted.length} files (exit ${code}): ${stderr.trim()}`,
          ),
        );
    });
    child.stdin.end(wanted.map((sha) => `${sha}\n`).join(""));
  });
}

/** `<sha> <type> <size>\n<bytes>\n`, repeated. */
function splitBatch(output: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < output.length) {
    const newline = output.indexOf(10, at);
    if (newline < 0) break;
    const [sha, type, size] = output.subarray(at, newline).toString("utf8").split(" ");
    if (type !== "blob") break;
    const end = newline + 1 + Number(size);
    blobs.set(sha as string, output.subarray(newline + 1, end));
    at = end + 1;
  }
  return blobs;
}
