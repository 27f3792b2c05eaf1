import { chartDirs, insideChart } from "../../gate/helm-charts.js";
import { parseSourceText, type SourceFile } from "../../gate/source-files.js";
import type { CommitFiles } from "../../preview/commit-tree.js";
import type { Inventory } from "../validate/discover.js";
import type { RunScope } from "../validate/scope.js";

const MANIFEST = /\.(ya?ml|json)$/;

/** The base commit's parsed manifests, and those that did not parse. */
export interface BaseSources {
  sources: SourceFile[];
  unreadable: Set<string>;
  charts: string[];
}

/**
 * The base commit's manifests without reading the repository again: a file the change did not
 * touch is the same at the base, so the head's parse of it stands; only changed files are read
 * from the commit and parsed.
 */
export async function baseSources(head: RunScope, found: Inventory, base: CommitFiles): Promise<BaseSources> {
  const changed = head.changed ?? new Set<string>();
  const changedThere = [...changed].filter((f) => MANIFEST.test(f) && !head.excluded(f) && base.has(f)).sort();
  const manifests = [...head.files.manifests.filter((f) => !changed.has(f)), ...changedThere];
  const charts = chartDirs(manifests);
  const texts = await base.read(changedThere.filter((f) => !insideChart(f, charts)));
  const unreadable = new Set<string>();
  const parsed: SourceFile[] = [];
  for (const [file, bytes] of texts) {
    const { source } = parseSourceText(file, bytes.toString("utf8"), head.parseLimits);
    if (source) parsed.push(source);
    else unreadable.add(file);
  }
  const kept = found.sources.filter((s) => !changed.has(s.file) && !insideChart(s.file, charts));
  return {
    sources: [...kept, ...parsed].sort((a, b) => a.file.localeCompare(b.file)),
    unreadable: new Set([...unreadable, ...[...found.unreadable].filter((f) => !changed.has(f))]),
    charts,
  };
}
