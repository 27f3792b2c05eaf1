import path from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";
import type { Forge } from "../forge/forge.js";
import { looksRemote, referencesOf } from "../gate/references.js";
import { type SourceFile, sourceOf } from "../gate/source-files.js";
import { kustomizationCandidates } from "../kustomize/snapshot-kustomization.js";
import { KUSTOMIZATION_FILE_NAMES } from "../kustomize/kustomization-file.js";

/** Bounds on the walk through the API: one read per level, and not more paths than this. */
const MAX_DEPTH = 8;
const MAX_PATHS = 64;

/**
 * What the source root renders from, as paths a commit can touch: its directory, and every
 * directory (a kustomization it builds) or file outside it that its kustomizations name, read
 * through the API one level at a time. Remote references have no commit here and are left out.
 */
export async function sourceInputs(
  forge: Forge,
  branch: string,
  from: string,
  fromFile: string,
  fromText: string,
): Promise<string[]> {
  const dirs = [from];
  const files: string[] = [];
  const covered = (p: string) => [...dirs, ...files].some((d) => p === d || p.startsWith(`${d}/`));
  let level: { file: string; text: string }[] = [{ file: fromFile, text: fromText }];
  for (let depth = 0; depth < MAX_DEPTH && level.length && dirs.length + files.length < MAX_PATHS; depth++) {
    const builds: string[] = [];
    for (const k of level) {
      for (const ref of referencesOf(parsed(k.file, k.text), new Map())) {
        if (looksRemote(ref.value)) continue;
        const target = path.posix.normalize(path.posix.join(ref.baseDir, ref.value));
        if (target.startsWith("..") || covered(target)) continue;
        if (ref.kind === "build") builds.push(target);
        else files.push(target);
      }
    }
    const found = builds.length
      ? await forge.readFiles(branch, kustomizationCandidates([...new Set(builds)]))
      : undefined;
    level = [];
    for (const target of new Set(builds)) {
      const file = KUSTOMIZATION_FILE_NAMES.map((n) => path.posix.join(target, n)).find((f) => found?.files.has(f));
      if (!file) {
        if (!covered(target)) files.push(target);
        continue;
      }
      if (covered(target)) continue;
      dirs.push(target);
      level.push({ file, text: found?.files.get(file) as string });
    }
  }
  return [...dirs, ...files].slice(0, MAX_PATHS);
}

/**
 * The newest of the last commits that touched each path: the one the others are ancestors of
 * (commit dates tie within a second, and automation commits faster); by committer date only
 * between commits on parallel lines of history.
 */
export async function newestCommitOf(forge: Forge, branch: string, paths: string[]): Promise<string | undefined> {
  const found = (await Promise.all(paths.map((p) => forge.lastCommitTouching(branch, p)))).filter(
    (c): c is { sha: string; date: string } => c !== undefined,
  );
  const distinct = [...new Map(found.map((c) => [c.sha, c])).values()];
  let newest = distinct[0];
  for (const candidate of distinct.slice(1)) {
    if (!newest || (await forge.compare(newest.sha, candidate.sha)).commits.length === 0) continue;
    const behind = (await forge.compare(candidate.sha, newest.sha)).commits.length > 0;
    if (!behind || Date.parse(candidate.date) > Date.parse(newest.date)) newest = candidate;
  }
  return newest?.sha;
}

function parsed(file: string, text: string): SourceFile {
  const lines = new LineCounter();
  return sourceOf(file, text, parseAllDocuments(text, { lineCounter: lines }) as SourceFile["docs"], lines);
}
