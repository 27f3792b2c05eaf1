import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A change to one path in a commit: new content, or null to delete it. */
export interface PathChange {
  path: string;
  content: Buffer | null;
}

export interface Author {
  name: string;
  email: string;
}

export interface Comparison {
  commits: { sha: string; author: Author; date: string; message: string }[];
  files: string[];
}

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git in a repository; stdin optional. Never throws for a non-zero exit. */
export function git(
  dir: string,
  args: string[],
  input?: Buffer | string,
  env: NodeJS.ProcessEnv = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: dir, env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
  });
}

async function gitOk(dir: string, args: string[], input?: Buffer | string, env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await git(dir, args, input, env);
  if (r.code !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout.toString().trim();
}

/**
 * The forge's storage: every bare repository under root, `<root>/<path>.git`, read and written
 * with git itself. Commits are real commits; branch moves are compare-and-swap (`update-ref`).
 */
export class GitStore {
  constructor(readonly root: string) {}

  /** Repository paths (`owner/name`, `group/sub/project`) of every bare repository under root. */
  list(): string[] {
    const found: string[] = [];
    const walk = (dir: string, rel: string[]) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        if (entry.name.endsWith(".git")) found.push([...rel, entry.name.slice(0, -4)].join("/"));
        else if (rel.length < 4) walk(path.join(dir, entry.name), [...rel, entry.name]);
      }
    };
    if (existsSync(this.root)) walk(this.root, []);
    return found.sort();
  }

  dir(repo: string): string | undefined {
    if (repo.split("/").some((p) => p === "" || p === "." || p === "..")) return undefined;
    const dir = path.join(this.root, `${repo}.git`);
    return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
  }

  async head(dir: string, branch: string): Promise<string | undefined> {
    const r = await git(dir, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  async commitExists(dir: string, sha: string): Promise<boolean> {
    return /^[0-9a-f]{40}$/.test(sha) && (await git(dir, ["cat-file", "-e", `${sha}^{commit}`])).code === 0;
  }

  /** Reads several paths at one commit with a single `git cat-file --batch`; missing paths are absent. */
  async readFiles(dir: string, commit: string, paths: string[]): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    if (paths.length === 0) return files;
    const out = (await git(dir, ["cat-file", "--batch"], paths.map((p) => `${commit}:${p}\n`).join(""))).stdout;
    let at = 0;
    for (const p of paths) {
      const eol = out.indexOf(0x0a, at);
      const header = out.subarray(at, eol).toString();
      at = eol + 1;
      const match = /^[0-9a-f]{40} blob (\d+)$/.exec(header);
      if (!match) continue;
      const size = Number(match[1]);
      files.set(p, out.subarray(at, at + size));
      at += size + 1;
    }
    return files;
  }

  /** The last commit at or before `ref` that touched `filePath`, as `git log -1 -- path` finds it. */
  async lastCommitFor(dir: string, ref: string, filePath: string): Promise<string | undefined> {
    const r = await git(dir, ["log", "-1", "--format=%H", ref, "--", filePath]);
    return r.code === 0 && r.stdout.length ? r.stdout.toString().trim() : undefined;
  }

  /** Creates a commit on top of `parent` with the changes; does not move any branch. */
  async commit(dir: string, parent: string, changes: PathChange[], message: string, author: Author): Promise<string> {
    const tree = await this.writeTree(dir, parent, changes);
    return this.commitTree(dir, tree, [parent], message, author);
  }

  /** Moves a branch to `next` only if it is at `expected` (null: only if it does not exist). */
  async compareAndSwap(dir: string, branch: string, next: string, expected: string | null): Promise<boolean> {
    const old = expected ?? "0".repeat(40);
    return (await git(dir, ["update-ref", `refs/heads/${branch}`, next, old])).code === 0;
  }

  /** Moves or creates a branch unconditionally (a force update, for branches a client owns). */
  async setBranch(dir: string, branch: string, next: string): Promise<void> {
    await gitOk(dir, ["update-ref", `refs/heads/${branch}`, next]);
  }

  /**
   * Merges `head` into `base` the way the hosts do: a merge commit (two parents) or a squash
   * (one parent), from `git merge-tree`'s result. Undefined when the branches conflict.
   */
  async mergeCommit(
    dir: string,
    base: string,
    head: string,
    squash: boolean,
    message: string,
    author: Author,
  ): Promise<string | undefined> {
    const merged = await git(dir, ["merge-tree", "--write-tree", base, head]);
    if (merged.code !== 0) return undefined;
    const tree = merged.stdout.toString().split("\n")[0] as string;
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    };
    const parents = squash ? ["-p", base] : ["-p", base, "-p", head];
    return gitOk(dir, ["commit-tree", tree, ...parents, "-F", "-"], message, env);
  }

  /**
   * What `head` adds to `base`, as the hosts' compare views show it: the commits reachable from
   * head and not from base (oldest first), and the paths changed since their merge base.
   */
  async compare(dir: string, base: string, head: string): Promise<Comparison> {
    const log = await gitOk(dir, [
      "log",
      "--reverse",
      "--format=%H%x1f%an%x1f%ae%x1f%cI%x1f%B%x1e",
      `${base}..${head}`,
    ]);
    const commits = log
      .split("\x1e")
      .map((entry) => entry.replace(/^\n/, ""))
      .filter(Boolean)
      .map((entry) => {
        const [sha = "", name = "", email = "", date = "", message = ""] = entry.split("\x1f");
        return { sha, author: { name, email }, date, message: message.trim() };
      });
    const diff = await gitOk(dir, ["diff", "--name-only", `${base}...${head}`]);
    return { commits, files: diff ? diff.split("\n") : [] };
  }

  async commitDate(dir: string, sha: string): Promise<string> {
    return gitOk(dir, ["show", "-s", "--format=%cI", sha]);
  }

  async treeOf(dir: string, commit: string): Promise<string | undefined> {
    const r = await git(dir, ["rev-parse", "--verify", "--quiet", `${commit}^{tree}`]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  /** A tree: `baseTree` (or empty) with the given files written over it. */
  async writeTree(dir: string, baseTree: string | undefined, files: PathChange[]): Promise<string> {
    const work = mkdtempSync(path.join(tmpdir(), "forge-index-"));
    const env = { GIT_INDEX_FILE: path.join(work, "index") };
    try {
      if (baseTree) await gitOk(dir, ["read-tree", baseTree], undefined, env);
      const lines: string[] = [];
      for (const change of files) {
        if (change.content === null) lines.push(`0 ${"0".repeat(40)}\t${change.path}`);
        else lines.push(`100644 ${await gitOk(dir, ["hash-object", "-w", "--stdin"], change.content)}\t${change.path}`);
      }
      await gitOk(dir, ["update-index", "--index-info"], `${lines.join("\n")}\n`, env);
      return await gitOk(dir, ["write-tree"], undefined, env);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  async commitTree(dir: string, tree: string, parents: string[], message: string, author: Author): Promise<string> {
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    };
    return gitOk(dir, ["commit-tree", tree, ...parents.flatMap((p) => ["-p", p]), "-F", "-"], message, env);
  }

  /** Any ref, e.g. refs/pull/3/head, where hosts keep the head of a change request from a fork. */
  async setRef(dir: string, ref: string, sha: string): Promise<void> {
    await gitOk(dir, ["update-ref", ref, sha]);
  }

  async resolve(dir: string, ref: string): Promise<string | undefined> {
    const r = await git(dir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  async isAncestor(dir: string, ancestor: string, descendant: string): Promise<boolean> {
    return (await git(dir, ["merge-base", "--is-ancestor", ancestor, descendant])).code === 0;
  }
}
