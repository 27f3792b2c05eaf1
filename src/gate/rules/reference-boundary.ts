import path from "node:path";
import type { Finding } from "../finding.js";
import { looksRemote, type Reference } from "../references.js";
import { type RepoBoundary, resolveInRepo } from "../repo-boundary.js";
import { positionOf } from "../source-files.js";
import { KUSTOMIZATION_FILE_NAMES } from "../../kustomize/kustomization-file.js";

/**
 * The references of a root that kustomize must not follow: paths that leave the repository
 * (absolute, `../` above its root, through a symlink, into .git) and, unless remote loading is
 * allowed, anything it would fetch over the network. A root with any of these is not rendered.
 */
export function referenceFindings(references: Reference[], boundary: RepoBoundary, allowRemote: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const reference of references) {
    const finding = judge(reference, boundary, allowRemote);
    if (finding) findings.push(finding);
  }
  return findings;
}

function judge(reference: Reference, boundary: RepoBoundary, allowRemote: boolean): Finding | undefined {
  const at = { file: reference.source.file, ...positionOf(reference.source, reference.node) };
  const absolute = path.resolve(boundary.checkout, reference.baseDir, reference.value);
  const resolution = resolveInRepo(boundary, absolute);
  if (resolution.place === "missing" && looksRemote(reference.value)) {
    if (allowRemote) return undefined;
    return {
      rule: "remote-resource",
      severity: "error",
      ...at,
      message: `${reference.field} entry "${reference.value}" is fetched from the network; the root is not rendered`,
      hint: "vendor it into the repository (the gate renders offline), or pass --allow-remote to let this repository's content make the runner fetch URLs",
    };
  }
  const outside =
    resolution.place === "outside"
      ? resolution.through
      : reference.kind === "build" && resolution.place === "inside"
        ? kustomizationOutside(boundary, absolute)
        : undefined;
  if (!outside) return undefined;
  return {
    rule: "path-outside-repo",
    severity: "error",
    ...at,
    message: `${reference.field} entry "${reference.value}" ${outside === "symlink" ? "is a symlink that leads" : "points"} outside the repository; the root is not rendered`,
    hint: "a kustomization may read only files of its own repository (not .git, not the runner's disk); copy what it needs into the repo",
  };
}

/** A referenced directory whose kustomization file is a symlink out of the repository. */
function kustomizationOutside(boundary: RepoBoundary, dir: string): "symlink" | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const resolution = resolveInRepo(boundary, path.join(dir, name));
    if (resolution.place === "outside") return "symlink";
  }
  return undefined;
}
