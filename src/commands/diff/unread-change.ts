import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ParseLimits } from "../../gate/source-files.js";

const MANIFEST = /\.(ya?ml|json)$/;

/**
 * Whether no render can read the change, known without parsing the repository: no changed file
 * is a manifest, and no manifest's text holds a changed file's name. kustomize reads another file
 * only where a kustomization (or a generator or transformer config it names, YAML too) names it,
 * so a file no YAML text mentions is read by no root; a name that merely appears (a README in a
 * comment) only sends the change the full way. Files the gate would not parse (past the limits)
 * read no file in any render, and past the total budget the answer is "maybe".
 */
export function unreadChange(dir: string, manifests: string[], changed: Set<string>, limits: ParseLimits): boolean {
  if ([...changed].some((file) => MANIFEST.test(file))) return false;
  const names = [...new Set([...changed].map((file) => path.posix.basename(file)))];
  let total = 0;
  for (const file of manifests) {
    const full = path.join(dir, file);
    const bytes = statSync(full).size;
    if (bytes > limits.maxFileBytes) continue;
    total += bytes;
    if (total > limits.maxTotalBytes) return false;
    const text = readFileSync(full, "utf8");
    if (names.some((name) => text.includes(name))) return false;
  }
  return true;
}
