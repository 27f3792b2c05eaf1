import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { UsageError } from "../errors.js";

const run = promisify(execFile);

/** A commit's files written out where kustomize can read them, away from the work tree. */
export interface CommitTree {
  /** The checkout (`--dir`) inside the written tree. */
  checkout: string;
  remove(): Promise<void>;
}

interface TreeEntry {
  mode: string;
  sha: string;
  path: string;
}

/** What a base commit may hold before the preview stops: as much as validate reads of a repository. */
export const MAX_TREE_BYTES = 256 * 1024 * 1024;

/**
 * Writes every file of `commit` (the whole repository, so a root's `../base` resolves as in the
 * work tree) into a temporary directory, from git's object store: no checkout, no `.gitattributes`
 * filters or hooks run, the work tree and the index untouched. An empty `.git` marks the
 * repository's top for the gate's boundary, as in a clone. Submodules are not written.
 */
export async function writeCommitTree(dir: string, commit: string): Promise<CommitTree> {
  const prefix = (await git(dir, ["rev-parse", "--show-prefix"])).trim();
  const entries = parseTree(await git(dir, ["ls-tree", "-r", "-z", "--full-tree", commit]));
  const top = await mkdtemp(path.join(tmpdir(), "gitops-ci-base-"));
  const remove = () => rm(top, { recursive: true, force: true });
  try {
    await mkdir(path.join(top, ".git"));
    const blobs = entries.filter((e) => e.mode !== "160000" && safePath(e.path));
    const contents = await readBlobs(dir, blobs);
    // files before symlinks: no file is ever written through a link the tree made
    for (const entry of blobs.filter((e) => e.mode !== "120000")) {
      const target = path.join(top, entry.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, contents.get(entry.sha) as Buffer, { mode: entry.mode === "100755" ? 0o755 : 0o644 });
    }
    for (const entry of blobs.filter((e) => e.mode === "120000")) {
      const target = path.join(top, entry.path);
      await mkdir(path.dirname(target), { recursive: true });
      await symlink((contents.get(entry.sha) as Buffer).toString("utf8"), target);
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { checkout: path.join(top, prefix), remove };
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
