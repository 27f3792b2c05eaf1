import path from "node:path";
import { isSeq } from "yaml";
import { KUSTOMIZATION_FILE_NAMES } from "../kustomize/kustomization-file.js";
import type { SourceFile } from "./source-files.js";
import { objectsOf, stringOf, valueOf } from "./yaml-nav.js";

/** A kustomization that no other kustomization includes: what the deployer renders. */
export interface KustomizationRoot {
  /** The directory, relative to the checkout. */
  dir: string;
  /** Its kustomization file, relative to the checkout. */
  file: string;
}

const REFERENCE_KEYS = ["resources", "components", "bases"];

function isKustomization(file: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(path.posix.basename(file));
}

/**
 * The kustomization roots among the parsed files: every kustomization directory that no other
 * kustomization lists in resources, components or bases. Remote references are ignored.
 */
export function findKustomizationRoots(sources: SourceFile[]): KustomizationRoot[] {
  const kustomizations = sources.filter((s) => isKustomization(s.file));
  const included = new Set<string>();
  for (const source of kustomizations) {
    const dir = path.posix.dirname(source.file);
    for (const key of REFERENCE_KEYS) {
      const list = valueOf(source.docs[0]?.contents, key);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        const ref = stringOf(item);
        if (!ref || ref.includes("://") || /^[\w.-]+\.[a-z]{2,}\//.test(ref)) continue;
        included.add(path.posix.normalize(path.posix.join(dir, ref)));
      }
    }
  }
  return kustomizations
    .map((s) => ({ dir: path.posix.dirname(s.file), file: s.file }))
    .filter((k) => !included.has(k.dir))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/**
 * Directories the deployers are told to render: Argo CD Application and ApplicationSet
 * `source(s)[].path`, Flux Kustomization `spec.path`. Templated paths ({{...}}) are skipped.
 */
export function declaredPaths(sources: SourceFile[]): string[] {
  const found = new Set<string>();
  const add = (value: unknown) => {
    const p = stringOf(value);
    if (p && !p.includes("{{") && !p.includes("://"))
      found.add(path.posix.normalize(p.replace(/^\.\//, "")).replace(/\/$/, ""));
  };
  for (const source of sources) {
    for (const object of objectsOf(source)) {
      const group = object.apiVersion?.split("/")[0];
      if (group === "argoproj.io" && (object.kind === "Application" || object.kind === "ApplicationSet")) {
        const spec =
          object.kind === "Application" ? valueOf(object.map, "spec") : valueOf(object.map, "spec", "template", "spec");
        add(valueOf(spec, "source", "path"));
        const list = valueOf(spec, "sources");
        if (isSeq(list)) for (const item of list.items) add(valueOf(item, "path"));
      }
      if (group === "kustomize.toolkit.fluxcd.io" && object.kind === "Kustomization")
        add(valueOf(object.map, "spec", "path"));
    }
  }
  return [...found].sort();
}

/** The roots to render: undeclared top-level kustomizations plus every declared path holding one. */
export function rootsToRender(sources: SourceFile[]): KustomizationRoot[] {
  const byDir = new Map(findKustomizationRoots(sources).map((r) => [r.dir, r]));
  const kustomizationDirs = new Map(
    sources.filter((s) => isKustomization(s.file)).map((s) => [path.posix.dirname(s.file), s.file]),
  );
  for (const dir of declaredPaths(sources)) {
    const file = kustomizationDirs.get(dir);
    if (file && !byDir.has(dir)) byDir.set(dir, { dir, file });
  }
  return [...byDir.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

/** A directory of plain manifests a deployer applies as they are (no kustomization). */
export interface PlainRoot {
  dir: string;
  /** Its YAML files holding objects, relative to the checkout. */
  files: string[];
}

/**
 * Directories of plain manifests: they hold objects (apiVersion and kind), have no kustomization,
 * and no kustomization reads their files (`used`: every file and directory kustomizations read).
 */
export function plainManifestDirs(sources: SourceFile[], used: Set<string>): PlainRoot[] {
  const kustomizationDirs = new Set(
    sources.filter((s) => isKustomization(s.file)).map((s) => path.posix.dirname(s.file)),
  );
  const byDir = new Map<string, string[]>();
  for (const source of sources) {
    const dir = path.posix.dirname(source.file);
    if (kustomizationDirs.has(dir) || used.has(source.file) || used.has(dir)) continue;
    if (!objectsOf(source).some((o) => o.kind && o.apiVersion)) continue;
    byDir.set(dir, [...(byDir.get(dir) ?? []), source.file]);
  }
  return [...byDir].map(([dir, files]) => ({ dir, files })).sort((a, b) => a.dir.localeCompare(b.dir));
}
