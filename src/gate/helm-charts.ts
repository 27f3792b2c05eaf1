import path from "node:path";
import { isSeq, type Node } from "yaml";
import type { Finding } from "./finding.js";
import { positionOf, type SourceFile } from "./source-files.js";
import { stringOf, valueOf } from "./yaml-nav.js";

/**
 * Why charts are not rendered: the gate runs no `helm` (none is packaged for this machine's
 * registries), and kustomize inflates charts only with --enable-helm, which it never passes.
 */
const REASON = "the gate does not run helm, so its templates are not checked";

/** Directories holding a Chart.yaml: Helm charts, whose templates are not YAML until rendered. */
export function chartDirs(manifests: string[]): string[] {
  return manifests
    .filter((f) => path.posix.basename(f) === "Chart.yaml")
    .map((f) => path.posix.dirname(f))
    .sort();
}

/**
 * Whether a file belongs to a chart and is not a manifest: templates, values files, Chart.yaml
 * itself. A chart's `crds/` are plain manifests Helm applies as they are, and stay checked.
 */
export function insideChart(file: string, charts: string[]): boolean {
  return charts.some((chart) => {
    const prefix = chart === "." ? "" : `${chart}/`;
    return file.startsWith(prefix) && !file.slice(prefix.length).startsWith("crds/");
  });
}

/** One not-rendered warning per chart, at its Chart.yaml (`read` parses it, for the chart's name). */
export function chartFindings(charts: string[], read: (file: string) => SourceFile | undefined): Finding[] {
  return charts.map((chart) => {
    const file = chart === "." ? "Chart.yaml" : `${chart}/Chart.yaml`;
    const name = stringOf(valueOf(read(file)?.docs[0]?.contents, "name")) ?? path.posix.basename(chart);
    return {
      rule: "not-rendered",
      severity: "warning",
      file,
      line: 1,
      column: 1,
      message: `Helm chart ${name} is not rendered: ${REASON}`,
      hint: "render it in CI with helm template and check the output with --dir, or review its templates by hand",
    };
  });
}

/** A kustomization's helmCharts entries: each a not-rendered warning; the root is not rendered. */
export function helmChartEntries(kustomization: SourceFile): Finding[] {
  const list = valueOf(kustomization.docs[0]?.contents, "helmCharts");
  if (!isSeq(list)) return [];
  return list.items.map((entry) => ({
    rule: "not-rendered",
    severity: "warning",
    file: kustomization.file,
    ...positionOf(kustomization, entry as Node),
    message: `helmCharts entry ${stringOf(valueOf(entry, "name")) ?? "(unnamed)"} is not inflated (kustomize needs --enable-helm and helm): ${REASON}; ${path.posix.dirname(kustomization.file)} is not rendered`,
    hint: "its other resources are checked as files; render the chart in CI with helm template to check it",
  }));
}
