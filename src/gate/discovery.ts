import path from "node:path";
import { isSeq } from "yaml";
import type { Finding } from "./finding.js";
import { isKustomizationFile, looksRemote, type Reference, referencesOf } from "./references.js";
import { positionOf, type SourceFile } from "./source-files.js";
import { objectsOf, plainObjectsOf, stringOf, valueOf } from "./yaml-nav.js";

/** A kustomization that no other kustomization includes: what the deployer renders. */
export interface KustomizationRoot {
  /** The directory, relative to the checkout. */
  dir: string;
  /** Its kustomization file, relative to the checkout. */
  file: string;
}

/** A reference from one kustomization to another: an edge of the build graph. */
interface Edge {
  from: string;
  to: string;
  reference: Reference;
}

/** The kustomizations among the parsed files and what each builds, local references only. */
function buildGraph(sources: SourceFile[]): { dirs: string[]; edges: Map<string, Edge[]> } {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const kustomizations = sources.filter((s) => isKustomizationFile(s.file));
  const dirs = [...new Set(kustomizations.map((s) => path.posix.dirname(s.file)))].sort();
  const known = new Set(dirs);
  const edges = new Map<string, Edge[]>(dirs.map((d) => [d, []]));
  for (const source of kustomizations) {
    const from = path.posix.dirname(source.file);
    for (const reference of referencesOf(source, byFile)) {
      if (reference.kind !== "build" || looksRemote(reference.value)) continue;
      const to = path.posix.normalize(path.posix.join(from, reference.value));
      if (known.has(to)) edges.get(from)?.push({ from, to, reference });
    }
  }
  return { dirs, edges };
}

/** Strongly connected components (Tarjan): the kustomizations that build each other in a loop. */
function cyclesOf(dirs: string[], edges: Map<string, Edge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const { to } of edges.get(v) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(v, Math.min(low.get(v) as number, low.get(to) as number));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v) as number, index.get(to) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (;;) {
      const w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    const selfLoop = (edges.get(v) ?? []).some((e) => e.to === v);
    if (component.length > 1 || selfLoop) components.push(component.sort());
  };
  for (const dir of dirs) if (!index.has(dir)) connect(dir);
  return components;
}

/** The reference that closes a cycle: the first edge back to a kustomization on the walk. */
function closingEdge(component: string[], edges: Map<string, Edge[]>): Edge {
  const members = new Set(component);
  const path: string[] = [];
  const seen = new Set<string>();
  const walk = (v: string): Edge | undefined => {
    path.push(v);
    seen.add(v);
    for (const edge of edges.get(v) ?? []) {
      if (!members.has(edge.to)) continue;
      if (path.includes(edge.to)) return edge;
      if (!seen.has(edge.to)) {
        const found = walk(edge.to);
        if (found) return found;
      }
    }
    path.pop();
    return undefined;
  };
  return walk(component[0] as string) as Edge;
}

function cycleFinding(component: string[], edges: Map<string, Edge[]>): Finding {
  const { reference, to } = closingEdge(component, edges);
  return {
    rule: "kustomization-cycle",
    severity: "error",
    file: reference.source.file,
    ...positionOf(reference.source, reference.node),
    message: `${reference.field} entry "${reference.value}" closes a cycle: ${[...component, component[0]].join(" -> ")}; kustomize cannot build ${to}`,
    hint: "remove the entry that points back; the kustomizations it reaches are checked on their own meanwhile",
  };
}

/** The kustomization roots, and the cycles that no root may hide behind. */
export interface Discovered {
  roots: KustomizationRoot[];
  /** One kustomization-cycle finding per loop. */
  cycles: Finding[];
  /** The kustomizations on a loop: kustomize cannot build them, so they are not rendered. */
  cyclic: Set<string>;
}

/**
 * The kustomization roots among the parsed files: every kustomization directory that no other
 * kustomization builds through resources, components or bases. A kustomization built only from
 * inside a cycle is a root of its own, so a loop of decoys cannot hide an overlay from the gate.
 */
export function findKustomizationRoots(sources: SourceFile[]): Discovered {
  const { dirs, edges } = buildGraph(sources);
  const cycles = cyclesOf(dirs, edges);
  const cyclic = new Set(cycles.flat());
  const included = new Set<string>();
  for (const [from, list] of edges) if (!cyclic.has(from)) for (const edge of list) included.add(edge.to);
  const fileOf = new Map(
    sources.filter((s) => isKustomizationFile(s.file)).map((s) => [path.posix.dirname(s.file), s.file]),
  );
  // a Component is checked through the kustomizations that use it: alone it does not build
  const components = new Set(
    sources
      .filter((s) => isKustomizationFile(s.file) && stringOf(valueOf(s.docs[0]?.contents, "kind")) === "Component")
      .map((s) => path.posix.dirname(s.file)),
  );
  return {
    roots: dirs
      .filter((dir) => !cyclic.has(dir) && !included.has(dir) && !components.has(dir))
      .map((dir) => ({ dir, file: fileOf.get(dir) as string })),
    cycles: cycles.map((component) => cycleFinding(component, edges)),
    cyclic,
  };
}

/** A directory a deployer object is told to apply, and that object ("Argo CD Application api"). */
export interface DeployerPath {
  dir: string;
  by: string;
}

/**
 * Directories the deployers are told to render: Argo CD Application and ApplicationSet
 * `source(s)[].path`, Flux Kustomization `spec.path`. Templated paths ({{...}}) are skipped.
 */
export function deployerPaths(sources: SourceFile[]): DeployerPath[] {
  const found: DeployerPath[] = [];
  const add = (value: unknown, by: string) => {
    const p = stringOf(value);
    if (p && !p.includes("{{") && !p.includes("://"))
      found.push({ dir: path.posix.normalize(p.replace(/^\.\//, "")).replace(/\/$/, ""), by });
  };
  for (const source of sources) {
    for (const object of objectsOf(source, "Application", "ApplicationSet", "Kustomization")) {
      const group = object.apiVersion?.split("/")[0];
      const name = stringOf(valueOf(object.map, "metadata", "name")) ?? "(unnamed)";
      if (group === "argoproj.io" && (object.kind === "Application" || object.kind === "ApplicationSet")) {
        const by = `Argo CD ${object.kind} ${name}`;
        const spec =
          object.kind === "Application" ? valueOf(object.map, "spec") : valueOf(object.map, "spec", "template", "spec");
        add(valueOf(spec, "source", "path"), by);
        const list = valueOf(spec, "sources");
        if (isSeq(list)) for (const item of list.items) add(valueOf(item, "path"), by);
      }
      if (group === "kustomize.toolkit.fluxcd.io" && object.kind === "Kustomization")
        add(valueOf(object.map, "spec", "path"), `Flux Kustomization ${name}`);
    }
  }
  return found;
}

export function declaredPaths(sources: SourceFile[]): string[] {
  return [...new Set(deployerPaths(sources).map((p) => p.dir))].sort();
}

/** The roots to render: undeclared top-level kustomizations plus every declared path holding one. */
export function rootsToRender(sources: SourceFile[]): Discovered {
  const discovered = findKustomizationRoots(sources);
  const byDir = new Map(discovered.roots.map((r) => [r.dir, r]));
  const kustomizationDirs = new Map(
    sources.filter((s) => isKustomizationFile(s.file)).map((s) => [path.posix.dirname(s.file), s.file]),
  );
  for (const dir of declaredPaths(sources)) {
    const file = kustomizationDirs.get(dir);
    if (file && !byDir.has(dir) && !discovered.cyclic.has(dir)) byDir.set(dir, { dir, file });
  }
  return { ...discovered, roots: [...byDir.values()].sort((a, b) => a.dir.localeCompare(b.dir)) };
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
    sources.filter((s) => isKustomizationFile(s.file)).map((s) => path.posix.dirname(s.file)),
  );
  const byDir = new Map<string, string[]>();
  for (const source of sources) {
    const dir = path.posix.dirname(source.file);
    if (kustomizationDirs.has(dir) || used.has(source.file) || used.has(dir)) continue;
    if (!plainObjectsOf(source).some((o) => o.kind && o.apiVersion)) continue;
    byDir.set(dir, [...(byDir.get(dir) ?? []), source.file]);
  }
  return [...byDir].map(([dir, files]) => ({ dir, files })).sort((a, b) => a.dir.localeCompare(b.dir));
}
