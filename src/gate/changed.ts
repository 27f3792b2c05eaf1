import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { isMap, isSeq } from "yaml";
import { UsageError } from "../errors.js";
import { KUSTOMIZATION_FILE_NAMES } from "../kustomize/kustomization-file.js";
import type { KustomizationRoot } from "./discovery.js";
import type { SourceFile } from "./source-files.js";
import { stringOf, valueOf } from "./yaml-nav.js";

const run = promisify(execFile);

/** Files that differ between `baseRef` and the working tree of the checkout (committed or not). */
export async function changedFiles(dir: string, baseRef: string): Promise<Set<string>> {
  try {
    const { stdout } = await run("git", ["-C", dir, "diff", "--name-only", "--no-renames", baseRef, "--"], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const untracked = await run("git", ["-C", dir, "ls-files", "--others", "--exclude-standard"]);
    return new Set([...stdout.split("\n"), ...untracked.stdout.split("\n")].filter(Boolean));
  } catch (error) {
    const message = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .trim()
      .split("\n")[0];
    throw new UsageError(
      `--base-ref ${baseRef}: git cannot compare against it (${message}); fetch it first, e.g. git fetch origin main`,
    );
  }
}

/** Keys of a kustomization whose values are paths to directories or files it reads. */
const LIST_KEYS = [
  "resources",
  "components",
  "bases",
  "crds",
  "patchesStrategicMerge",
  "transformers",
  "generators",
  "validators",
  "configurations",
];
const ENTRY_PATH_KEYS: Record<string, string[]> = {
  patches: ["path"],
  patchesJson6902: ["path"],
  replacements: ["path"],
  configMapGenerator: ["files", "envs", "env"],
  secretGenerator: ["files", "envs", "env"],
};

/** Everything a root reads: kustomization directories (transitively) and files named in them. */
export function inputsOf(
  root: KustomizationRoot,
  sources: Map<string, SourceFile>,
): { dirs: Set<string>; files: Set<string> } {
  const dirs = new Set<string>();
  const files = new Set<string>();
  const visit = (dir: string) => {
    if (dirs.has(dir)) return;
    const kustomization = KUSTOMIZATION_FILE_NAMES.map((n) => sources.get(path.posix.join(dir, n))).find(Boolean);
    if (!kustomization) return;
    dirs.add(dir);
    const contents = kustomization.docs[0]?.contents;
    const refer = (ref: string | undefined) => {
      if (!ref || ref.includes("://")) return;
      // generator file entries may be `key=path`
      const target = path.posix.normalize(
        path.posix.join(dir, ref.includes("=") ? (ref.split("=").pop() as string) : ref),
      );
      files.add(target);
      visit(target);
    };
    for (const key of LIST_KEYS) {
      const list = valueOf(contents, key);
      if (isSeq(list)) for (const item of list.items) refer(stringOf(item));
    }
    for (const [key, fields] of Object.entries(ENTRY_PATH_KEYS)) {
      const list = valueOf(contents, key);
      if (!isSeq(list)) continue;
      for (const entry of list.items) {
        if (!isMap(entry)) continue;
        for (const field of fields) {
          const value = valueOf(entry, field);
          if (isSeq(value)) for (const item of value.items) refer(stringOf(item));
          else refer(stringOf(value));
        }
      }
    }
  };
  visit(root.dir);
  return { dirs, files };
}

/** Whether any changed file is an input of the root. */
export function rootChanged(inputs: { dirs: Set<string>; files: Set<string> }, changed: Set<string>): boolean {
  for (const file of changed) {
    if (inputs.files.has(file)) return true;
    for (const dir of inputs.dirs) if (dir === "." || file.startsWith(`${dir}/`)) return true;
  }
  return false;
}
