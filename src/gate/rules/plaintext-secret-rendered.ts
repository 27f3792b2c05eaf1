import path from "node:path";
import { isMap, isScalar, isSeq, type Node, parseAllDocuments } from "yaml";
import type { Finding } from "../finding.js";
import { isKustomizationFile } from "../references.js";
import { placeholderOf } from "../secret-placeholders.js";
import { positionOf, type SourceFile } from "../source-files.js";
import { objectsOf, pairOf, stringOf, valueOf } from "../yaml-nav.js";
import type { RenderedObject, RenderedRule } from "./rendered-rule.js";

const HINT =
  "the rendered plaintext reaches the cluster and everyone who can render the repo; seal it, or take it from a secret store";
const DATA_KEYS = ["data", "stringData"];

type RenderedSecret = RenderedObject & {
  data?: Record<string, unknown>;
  stringData?: Record<string, unknown>;
  type?: string;
};

/** Where a data key of a rendered Secret was written, as far as the root's files show. */
interface Supplier {
  file: string;
  line: number;
  column: number;
  /** Already a finding of plaintext-secret, secret-generator or sops-unencrypted-value. */
  reported: boolean;
}

/**
 * A Secret in a root's rendered output with data that no finding on its sources accounts for:
 * data added by a patch (reported at the patch line), or from a remote base, Helm chart or
 * generator plugin (reported at the root). Secrets written with data, secretGenerator output and
 * SOPS files are reported at their own lines by the source rules, whatever the rendered name.
 */
export const plaintextSecretRendered: RenderedRule = ({ root, objects, inputs, placeholders }) => {
  const findings: Finding[] = [];
  for (const object of objects as RenderedSecret[]) {
    if (object.kind !== "Secret" || object.type === "kubernetes.io/service-account-token") continue;
    const keys = DATA_KEYS.flatMap((k) =>
      Object.entries(object[k as "data"] ?? {})
        .filter(([, value]) => !placeholderOf(value, k === "data", placeholders))
        .map(([key]) => key),
    );
    if (keys.length === 0 || sopsCiphertext(object)) continue;
    const name = object.metadata?.name ?? "";
    const unreported = new Map<string, Supplier | undefined>();
    for (const key of keys) {
      const supplier = supplierOf(key, name, inputs);
      if (!supplier?.reported) unreported.set(key, supplier);
    }
    const byPlace = new Map<string, { supplier?: Supplier; keys: string[] }>();
    for (const [key, supplier] of unreported) {
      const place = supplier ? `${supplier.file}:${supplier.line}:${supplier.column}` : "";
      byPlace.set(place, { supplier, keys: [...(byPlace.get(place)?.keys ?? []), key] });
    }
    for (const { supplier, keys: list } of byPlace.values()) {
      const what = `${list.length === 1 ? "key" : "keys"} ${list.join(", ")}`;
      findings.push(
        supplier
          ? {
              rule: "plaintext-secret",
              severity: "error",
              file: supplier.file,
              line: supplier.line,
              column: supplier.column,
              message: `this patch gives Secret ${name} plaintext ${what} (${root.dir} renders it)`,
              hint: HINT,
            }
          : {
              rule: "plaintext-secret",
              severity: "error",
              file: root.file,
              line: 1,
              column: 1,
              message: `${root.dir} renders Secret ${name} with ${what} that no file of the repo shows (a remote base, Helm chart or generator plugin)`,
              hint: HINT,
            },
      );
    }
  }
  return findings;
};

function sopsCiphertext(object: RenderedSecret): boolean {
  const values = DATA_KEYS.flatMap((k) => Object.values(object[k as "data"] ?? {}));
  return values.every((v) => typeof v === "string" && v.startsWith("ENC[AES256_GCM,"));
}

/** Whether a source object's name is the rendered name before kustomize's prefixes, suffixes and hashes. */
const sameSecret = (rendered: string, written: string | undefined) => !!written && rendered.includes(written);

/**
 * The file and line that put `key` into the Secret. A Secret document or a generator with the data
 * is already a finding of its own; only a patch that adds the data (to a Secret written without
 * it) is not, so documents and generators are looked for first, in every input.
 */
function supplierOf(key: string, name: string, inputs: SourceFile[]): Supplier | undefined {
  for (const source of inputs)
    for (const object of objectsOf(source, "Secret")) {
      if (object.kind !== "Secret" || !sameSecret(name, stringOf(valueOf(object.map, "metadata", "name")))) continue;
      for (const section of DATA_KEYS) {
        const pair = pairOf(valueOf(object.map, section), key);
        if (pair) return { file: source.file, ...positionOf(source, pair.key as Node), reported: true };
      }
    }
  const kustomizations = inputs.filter((s) => isKustomizationFile(s.file));
  for (const source of kustomizations) {
    const generators = valueOf(source.docs[0]?.contents, "secretGenerator");
    if (isSeq(generators))
      for (const g of generators.items)
        if (sameSecret(name, stringOf(valueOf(g, "name"))))
          return { file: source.file, ...positionOf(source, g as Node), reported: true };
  }
  for (const source of kustomizations) {
    const patched = patchSupplier(key, source, inputs);
    if (patched) return patched;
  }
  return undefined;
}

/** A patch of this kustomization (inline or in a file) that writes `key` under data or stringData. */
function patchSupplier(key: string, kustomization: SourceFile, inputs: SourceFile[]): Supplier | undefined {
  const dir = path.posix.dirname(kustomization.file);
  const contents = kustomization.docs[0]?.contents;
  const entries: Node[] = [];
  for (const list of ["patches", "patchesJson6902", "patchesStrategicMerge"]) {
    const seq = valueOf(contents, list);
    if (isSeq(seq)) entries.push(...(seq.items as Node[]));
  }
  for (const entry of entries) {
    const written = stringOf(entry);
    const inline = written?.includes("\n") ? entry : isScalar(entry) ? undefined : valueOf(entry, "patch");
    const text = stringOf(inline);
    if (inline && text) {
      const line = lineInText(text, key);
      if (line === undefined) continue;
      const at = positionOf(kustomization, inline);
      // a block scalar's text starts on the line after its | or > indicator
      return {
        file: kustomization.file,
        line: at.line + line + (isBlock(kustomization, inline) ? 1 : 0),
        column: 1,
        reported: false,
      };
    }
    const file = isScalar(entry) ? written : stringOf(valueOf(entry, "path"));
    if (!file) continue;
    const source = inputs.find((s) => s.file === path.posix.normalize(path.posix.join(dir, file)));
    const found = source && keyInPatch(source, key);
    if (found) return { file: (source as SourceFile).file, ...found, reported: false };
  }
  return undefined;
}

function isBlock(source: SourceFile, node: Node): boolean {
  const first = source.text[node.range?.[0] ?? 0];
  return first === "|" || first === ">";
}

/** The 0-based line of a patch text that writes `key` under data/stringData, if it does. */
function lineInText(text: string, key: string): number | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || !docs.some((d) => writesKey(d.toJS({ maxAliasCount: 100 }), key))) return undefined;
  const lines = text.split("\n");
  const index = lines.findIndex((l) => l.includes(`/${key}`) || new RegExp(`^\\s*"?${escape(key)}"?\\s*:`).test(l));
  if (index >= 0) return index;
  const section = lines.findIndex((l) => /stringData|\bdata\b/.test(l));
  return section >= 0 ? section : 0;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The line of a patch file's entry for `key`. */
function keyInPatch(source: SourceFile, key: string): { line: number; column: number } | undefined {
  for (const doc of source.docs) {
    const contents = doc.contents;
    if (isSeq(contents)) {
      for (const op of contents.items) {
        const target = stringOf(valueOf(op, "path")) ?? "";
        if (writesOp(op, key, target)) return positionOf(source, (pairOf(op, "path")?.key ?? op) as Node);
      }
    } else if (isMap(contents)) {
      for (const section of DATA_KEYS) {
        const pair = pairOf(valueOf(contents, section), key);
        if (pair) return positionOf(source, pair.key as Node);
      }
    }
  }
  return undefined;
}

function writesOp(op: unknown, key: string, target: string): boolean {
  const kind = stringOf(valueOf(op, "op"));
  if (kind !== "add" && kind !== "replace" && kind !== "copy" && kind !== "move") return false;
  if (target === `/data/${key}` || target === `/stringData/${key}`) return true;
  if (target !== "/data" && target !== "/stringData") return false;
  const value = valueOf(op, "value");
  return !isMap(value) || !!pairOf(value, key);
}

/** Whether a parsed patch (JSON 6902 list or strategic merge object) writes `key`. */
function writesKey(patch: unknown, key: string): boolean {
  if (Array.isArray(patch))
    return patch.some((op: { op?: string; path?: string; value?: unknown }) => {
      if (!["add", "replace", "copy", "move"].includes(op?.op ?? "")) return false;
      if (op.path === `/data/${key}` || op.path === `/stringData/${key}`) return true;
      if (op.path !== "/data" && op.path !== "/stringData") return false;
      return typeof op.value !== "object" || op.value === null || key in op.value;
    });
  if (patch === null || typeof patch !== "object") return false;
  return DATA_KEYS.some((k) => {
    const section = (patch as Record<string, unknown>)[k];
    return section !== null && typeof section === "object" && key in section;
  });
}
