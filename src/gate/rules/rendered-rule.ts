import type { DeployerBuild } from "../deployers/deployer-build.js";
import type { KustomizationRoot } from "../discovery.js";
import type { Finding } from "../finding.js";
import type { SourceFile } from "../source-files.js";

/** A rendered object as kustomize printed it (plain JS). */
export interface RenderedObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

export interface RenderedRoot {
  root: KustomizationRoot;
  objects: RenderedObject[];
  /** Every parsed source file by path, to point findings at the lines the user edits. */
  sources: Map<string, SourceFile>;
  /** The files this root reads (its kustomization first): where its objects come from. */
  inputs: SourceFile[];
  /** The repository's own placeholder patterns (.gitops-ci.yaml). */
  placeholders: RegExp[];
  /** How its deployer builds it, when one adds options (an Argo CD source's `kustomize:`). */
  build?: DeployerBuild;
}

/** A check of one rendered root whose findings point back into its source files. */
export type RenderedRule = (rendered: RenderedRoot) => Finding[];
