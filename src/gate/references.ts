import path from "node:path";
import { isMap, isScalar, isSeq, type Node, parseAllDocuments } from "yaml";
import { KUSTOMIZATION_FILE_NAMES } from "../kustomize/kustomization-file.js";
import type { SourceFile } from "./source-files.js";
import { stringOf, valueOf } from "./yaml-nav.js";

/**
 * What a reference names: another kustomization (or a file) to build, or a file kustomize reads.
 * kustomize loads both from the local disk, and from the network when they look remote.
 */
export type ReferenceKind = "build" | "file";

/** One path a kustomization (or a generator/transformer config it names) makes kustomize read. */
export interface Reference {
  /** The kustomization field, e.g. `resources` or `configMapGenerator[].files`. */
  field: string;
  /** The path as written, `key=` prefixes of generator files removed. */
  value: string;
  kind: ReferenceKind;
  /** The file the reference is written in, and its node there (for the finding's line). */
  source: SourceFile;
  node: Node;
  /** The directory the value is relative to (the kustomization's), relative to the checkout. */
  baseDir: string;
}

const BUILD_LISTS = ["resources", "components", "bases"];
const FILE_LISTS = ["crds", "configurations", "patchesStrategicMerge"];
/** Lists whose entries are a path to a plugin config, or the config itself inline. */
const PLUGIN_LISTS = ["transformers", "generators", "validators"];
const ENTRY_FIELDS: Record<string, string[]> = {
  patches: ["path"],
  patchesJson6902: ["path"],
  replacements: ["path"],
  configMapGenerator: ["files", "envs", "env"],
  secretGenerator: ["files", "envs", "env"],
  helmCharts: ["valuesFile", "additionalValuesFiles"],
};
const MAP_FIELDS: Record<string, string[]> = {
  openapi: ["path"],
  helmGlobals: ["chartHome", "configHome"],
};
/** Fields of kustomize's built-in generator and transformer configs that name files. */
const PLUGIN_FIELDS: Record<string, string[]> = {
  ConfigMapGenerator: ["files", "envs", "env"],
  SecretGenerator: ["files", "envs", "env"],
  HelmChartInflationGenerator: ["valuesFile", "additionalValuesFiles", "chartHome"],
  PatchTransformer: ["path"],
  PatchJson6902Transformer: ["path"],
  PatchStrategicMergeTransformer: ["paths"],
};

export function isKustomizationFile(file: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(path.posix.basename(file));
}

/** The kustomization file of a directory among the parsed sources, in kustomize's order. */
export function kustomizationIn(dir: string, sources: Map<string, SourceFile>): SourceFile | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const found = sources.get(path.posix.join(dir, name));
    if (found) return found;
  }
  return undefined;
}

/** `key=path` entries of generators name the file after the `=`. */
function pathOfEntry(field: string, value: string): string {
  return field.endsWith(".files") && value.includes("=") ? value.slice(value.indexOf("=") + 1) : value;
}

/**
 * Every path a kustomization makes kustomize read, in the order written: resources and bases,
 * patches, generator files, replacement sources, CRDs, OpenAPI schema, Helm values, and the
 * files named inside generator/transformer configs (inline or in their own files).
 */
export function referencesOf(kustomization: SourceFile, sources: Map<string, SourceFile>): Reference[] {
  const baseDir = path.posix.dirname(kustomization.file);
  const out: Reference[] = [];
  /** `at` places a reference parsed from an inline string at the entry that holds the string. */
  const add = (source: SourceFile, field: string, node: unknown, kind: ReferenceKind, at?: Node) => {
    const raw = stringOf(node);
    if (!raw || raw.includes("\n")) return;
    out.push({ field, value: pathOfEntry(field, raw), kind, source, node: at ?? (node as Node), baseDir });
  };
  const addAll = (source: SourceFile, field: string, node: unknown, kind: ReferenceKind, at?: Node) => {
    if (isSeq(node)) for (const item of node.items) add(source, field, item, kind, at);
    else add(source, field, node, kind, at);
  };
  const pluginConfig = (source: SourceFile, config: unknown, field: string, at?: Node) => {
    const kind = stringOf(valueOf(config, "kind")) ?? "";
    for (const key of PLUGIN_FIELDS[kind] ?? []) addAll(source, `${field}.${key}`, valueOf(config, key), "file", at);
    const replacements = valueOf(config, "replacements");
    if (kind === "ReplacementTransformer" && isSeq(replacements))
      for (const entry of replacements.items)
        add(source, `${field}.replacements[].path`, valueOf(entry, "path"), "file", at);
  };
  const contents = kustomization.docs[0]?.contents;
  for (const key of BUILD_LISTS) addAll(kustomization, key, valueOf(contents, key), "build");
  for (const key of FILE_LISTS) addAll(kustomization, key, valueOf(contents, key), "file");
  for (const [key, fields] of Object.entries(ENTRY_FIELDS)) {
    const list = valueOf(contents, key);
    if (!isSeq(list)) continue;
    for (const entry of list.items)
      if (isMap(entry))
        for (const field of fields) addAll(kustomization, `${key}[].${field}`, valueOf(entry, field), "file");
  }
  for (const [key, fields] of Object.entries(MAP_FIELDS))
    for (const field of fields) add(kustomization, `${key}.${field}`, valueOf(contents, key, field), "file");
  for (const key of PLUGIN_LISTS) {
    const list = valueOf(contents, key);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      const text = isScalar(item) && typeof item.value === "string" ? item.value : undefined;
      if (text?.includes("\n")) {
        for (const doc of inlineDocuments(text)) pluginConfig(kustomization, doc, key, item as Node);
        continue;
      }
      add(kustomization, key, item, "file");
      const file = text && sources.get(path.posix.normalize(path.posix.join(baseDir, text)));
      if (file) for (const doc of file.docs) pluginConfig(file, doc.contents, key);
    }
  }
  return out;
}

/** An inline plugin config's documents (its positions are inside the string, not the file). */
function inlineDocuments(text: string): unknown[] {
  return parseAllDocuments(text).flatMap((doc) => (doc.errors.length ? [] : [doc.contents]));
}

/** A reference kustomize fetches over the network instead of reading from the checkout. */
export function looksRemote(value: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
    /^(git@|gh:|git::)/.test(value) ||
    /^[\w-]+(\.[\w-]+)+(:\d+)?\//.test(value) ||
    value.includes("?ref=") ||
    /[^/]\/\/[^/]/.test(value)
  );
}
