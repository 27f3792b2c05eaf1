import path from "node:path";
import { overlayKustomization } from "../../gate/deployers/overlay.js";
import type { Finding } from "../../gate/finding.js";
import { helmChartEntries } from "../../gate/helm-charts.js";
import { isKustomizationFile, kustomizationIn } from "../../gate/references.js";
import type { Renderer, RenderResult } from "../../gate/render/renderer.js";
import type { RepoBoundary } from "../../gate/repo-boundary.js";
import type { RootInputs } from "../../gate/root-inputs.js";
import { referenceFindings } from "../../gate/rules/reference-boundary.js";
import type { SourceFile } from "../../gate/source-files.js";
import type { Inventory, RenderJob } from "./discover.js";

/**
 * Why a root is not rendered: a reference that leaves the repository or reaches the network, a
 * Helm chart it would inflate, or an input that did not parse (rendering would meet the same bomb).
 */
export function renderRefusal(
  job: RenderJob,
  found: Pick<Inventory, "sourcesByFile" | "unreadable">,
  boundary: RepoBoundary,
  allowRemote: boolean,
): { refused: boolean; findings: Finding[] } {
  const references = referenceFindings(job.inputs.references, boundary, allowRemote);
  const charts = [...job.inputs.dirs].flatMap((dir) => {
    const kustomization = kustomizationIn(dir, found.sourcesByFile);
    return kustomization ? helmChartEntries(kustomization) : [];
  });
  const findings = [...references, ...charts];
  return { refused: findings.length > 0 || readsUnreadable(job.inputs, found.unreadable), findings };
}

/** Renders a root as its deployer builds it: plainly, or through the overlay of the deployer's options. */
export function renderJob(
  renderer: Renderer,
  checkout: string,
  job: RenderJob,
  sources: Map<string, SourceFile>,
): Promise<RenderResult> {
  if (!job.build) return renderer.render(checkout, job.root.dir);
  const kustomization = sources.get(job.root.file) as SourceFile;
  const build = job.build;
  return renderer.renderOverlay(
    checkout,
    (dir) => overlayKustomization(kustomization, build, checkout, dir),
    job.root.dir,
  );
}

function readsUnreadable(inputs: RootInputs, unreadable: Set<string>): boolean {
  for (const file of unreadable) {
    if (inputs.files.has(file)) return true;
    if (isKustomizationFile(file) && inputs.files.has(path.posix.dirname(file))) return true;
  }
  return false;
}
