import { execFile } from "node:child_process";
import { createHash, type Hash } from "node:crypto";
import { lstat, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { UsageError } from "../../errors.js";
import type { RenderResult } from "./renderer.js";

const run = promisify(execFile);

/** Bumped when what a key covers changes, so that no older entry is ever read as a hit. */
const FORMAT = "gitops-ci-render-cache-1";

/** An entry nobody read or wrote for this long is removed: the cache holds recent commits' renders. */
export const CACHE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** What one render depends on: the renderer, the root and how it is built, and the files it reads. */
export interface RenderKeyParts {
  /** Renderer.identity(): command, version, binary hash. */
  renderer: string;
  root: string;
  /** How a deployer builds it (JSON of the build), or undefined for a plain kustomize build. */
  build?: unknown;
  /** The render limits: a render that fits one set may not fit another. */
  limits: unknown;
  /** Files and directories it reads, relative to the checkout; directories are read whole. */
  inputs: Iterable<string>;
}

/**
 * The render cache in `dir`. Inside the checkout it must hold nothing the repository tracks: a
 * change under review could otherwise commit an entry for its own inputs' key (the key is no
 * secret) and have the gate read a clean render in place of its real one.
 */
export async function openRenderCache(dir: string, checkout: string): Promise<RenderCache> {
  const inside = cacheDirInside(dir, checkout) ?? (path.resolve(dir) === path.resolve(checkout) ? "." : undefined);
  if (inside) {
    const { stdout } = await run("git", ["-C", checkout, "ls-files", "--", inside]).catch(() => ({ stdout: "" }));
    const tracked = stdout.split("\n").find(Boolean);
    if (tracked)
      throw new UsageError(
        `--cache-dir ${dir}: the repository tracks ${tracked} there; a change could plant renders in it. Use a directory git does not track (and add it to .gitignore)`,
      );
  }
  return new RenderCache(path.resolve(dir), checkout);
}

/** The cache directory relative to the checkout, when it is inside: the gate reads no file there. */
export function cacheDirInside(dir: string | undefined, checkout: string): string | undefined {
  if (!dir) return undefined;
  const rel = path.relative(path.resolve(checkout), path.resolve(dir)).split(path.sep).join("/");
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : undefined;
}

/** How a run used the cache, for the job log. */
export function cacheUse(stats: { hits: number; misses: number }, dir: string | undefined): string {
  return `render cache: ${stats.hits} read from ${dir}, ${stats.misses} rendered`;
}

/**
 * Renders kept on disk by a content key, so that a push re-renders only the roots whose inputs
 * changed since the cached run. Only successful renders are kept: a failure is cheap to repeat
 * and may be the machine's (a time limit), not the inputs'.
 */
export class RenderCache {
  hits = 0;
  misses = 0;

  constructor(
    readonly dir: string,
    private readonly checkout: string,
  ) {}

  /**
   * The key of a render, or undefined when its inputs cannot be pinned by content: a symlink to
   * a directory (kustomize follows it; hashing would have to as well, loops included).
   */
  async key(parts: RenderKeyParts): Promise<string | undefined> {
    const hash = createHash("sha256");
    hash.update(`${FORMAT}\0${parts.renderer}\0${parts.root}\0`);
    hash.update(`${JSON.stringify(parts.build ?? null)}\0${JSON.stringify(parts.limits)}\0`);
    for (const input of [...new Set(parts.inputs)].sort()) {
      const digest = await this.digestOf(input);
      if (digest === undefined) return undefined;
      hash.update(`${input}\0${digest}\0`);
    }
    return hash.digest("hex");
  }

  /** Overlays share their base: each path is hashed once per run. */
  private readonly digests = new Map<string, Promise<string | undefined>>();

  private digestOf(rel: string): Promise<string | undefined> {
    let digest = this.digests.get(rel);
    if (!digest) {
      const hash = createHash("sha256");
      digest = this.hashPath(hash, rel).then((pinned) => (pinned ? hash.digest("hex") : undefined));
      this.digests.set(rel, digest);
    }
    return digest;
  }

  /** The cached render under this key, else `render()`'s, kept when it succeeded. */
  async through(key: string, render: () => Promise<RenderResult>): Promise<RenderResult> {
    const file = this.entry(key);
    const cached = await readFile(file, "utf8").catch(() => undefined);
    if (cached !== undefined) {
      this.hits++;
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return { ok: true, output: cached };
    }
    this.misses++;
    const result = await render();
    if (result.ok) await this.write(file, result.output);
    return result;
  }

  /** Removes entries older than maxAgeMs (by their last hit or write). */
  async prune(maxAgeMs = CACHE_MAX_AGE_MS, now = Date.now()): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith(".yaml"))) {
      const file = path.join(this.dir, name);
      const { mtimeMs } = await stat(file);
      if (now - mtimeMs > maxAgeMs) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private entry(key: string): string {
    return path.join(this.dir, `${key}.yaml`);
  }

  /** Written beside and renamed into place: a run stopped halfway leaves no torn entry. */
  private async write(file: string, output: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, output);
    await rename(partial, file);
  }

  /** Hashes a file, or a directory's files recursively; false for a symlink to a directory. */
  private async hashPath(hash: Hash, rel: string): Promise<boolean> {
    const full = path.join(this.checkout, rel);
    const link = await lstat(full).catch(() => undefined);
    const info = link?.isSymbolicLink() ? await stat(full).catch(() => undefined) : link;
    if (!info) {
      hash.update(`missing\0${rel}\0`);
      return true;
    }
    if (info.isDirectory()) {
      if (link?.isSymbolicLink()) return false;
      const names = (await readdir(full)).filter((n) => n !== ".git").sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      hash.update(`dir\0${rel}\0`);
      for (const name of names) if (!(await this.hashPath(hash, path.posix.join(rel, name)))) return false;
      return true;
    }
    hash.update(`file\0${rel}\0${info.size}\0`);
    hash.update(await readFile(full));
    return true;
  }
}
