import { isScalar, isSeq, type Node } from "yaml";
import type { KustomizationRoot } from "../discovery.js";
import type { Finding } from "../finding.js";
import { inlinePatchesOf } from "../inline-patches.js";
import { notServedReason } from "../schema/api-lifecycle.js";
import { SHIPPED_CRD } from "../schema/builtin-schemas.js";
import type { SchemaCatalog } from "../schema/catalog.js";
import { kustomizationSchema } from "../schema/kustomization-schema.js";
import { type FieldPath, formatPath, type SchemaViolation, typeKey } from "../schema/object-schema.js";
import { positionOf, type SourceFile } from "../source-files.js";
import { type Located, locate, objectsOf, plainObjectsOf, type SourceObject, stringOf, valueOf } from "../yaml-nav.js";
import { placeholderOf } from "../secret-placeholders.js";
import type { RenderedObject } from "./rendered-rule.js";

export interface SchemaOptions {
  catalog: SchemaCatalog;
  /** Reject fields the schema does not define. */
  strict: boolean;
  /** The target cluster's minor version (1.<minor>): types it does not serve are errors. */
  kubernetesMinor: number;
  /** The repository's own patterns for references an injector fills in (.gitops-ci.yaml). */
  placeholders?: RegExp[];
}

type Verdict =
  | { type: "unknown-kind" }
  | { type: "rejected"; reason: string }
  | { type: "not-served"; reason: string }
  | { type: "checked"; violations: SchemaViolation[]; origin: string; unresolved: number };

interface TypeMeta {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown };
  sops?: { mac?: unknown; version?: unknown };
}

/** Files with apiVersion and kind that no API server receives: kubeconfig. */
const NOT_API_OBJECTS = new Set([typeKey("v1", "Config")]);
/** Tools whose configs look like objects: skaffold, kind, k3d, kpt, ctlptl, kustomize plugins. */
const TOOL_CONFIG =
  /^(skaffold\/|kind\.x-k8s\.io\/|k3d\.io\/|kpt\.dev\/|fn\.kpt\.dev\/|ctlptl\.dev\/|config\.kubernetes\.io\/|builtin$)/;

/**
 * Whether a document is an object some API server receives. Only `v1` has no group, so a
 * groupless `v1alpha1` (Talos machine configs) is a tool's document, as are the tool configs above.
 */
function isApiObject(apiVersion: string, kind: string): boolean {
  if (NOT_API_OBJECTS.has(typeKey(apiVersion, kind)) || TOOL_CONFIG.test(apiVersion)) return false;
  return apiVersion.includes("/") || apiVersion === "v1";
}

/**
 * The schema verdict on one object; undefined for values that are not API objects (no
 * apiVersion/kind, kubeconfig) and for SOPS-encrypted ones, whose values are ciphertext until
 * the deployer decrypts them.
 */
function judge(object: TypeMeta, options: SchemaOptions): Verdict | undefined {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return undefined;
  if (!isApiObject(apiVersion, kind) || (object.sops?.mac && object.sops.version)) return undefined;
  const reason = notServedReason(typeKey(apiVersion, kind), options.kubernetesMinor);
  if (reason) return { type: "not-served", reason };
  const schema = options.catalog.lookup(apiVersion, kind);
  if (!schema) {
    const rejected = options.catalog.rejectedKind(apiVersion, kind);
    return rejected ? { type: "rejected", reason: rejected } : { type: "unknown-kind" };
  }
  const all = schema.check(object, options.strict);
  const violations = misspelt(
    all.filter((v) => !holdsVariable(v.actual) && !injectedSecretValue(object, v, options.placeholders ?? [])),
  );
  return {
    type: "checked",
    violations,
    origin: schema.origin,
    unresolved: all.filter((v) => holdsVariable(v.actual)).length,
  };
}

/**
 * `replica: 2` where `replicas` is required is one mistake, not two: the unknown field (at its
 * key) says which required field it is likely meant to be, and the missing-field finding goes.
 */
function misspelt(violations: SchemaViolation[]): SchemaViolation[] {
  const merged = new Set<SchemaViolation>();
  const out = violations.map((unknown) => {
    if (!unknown.unknownField) return unknown;
    const parent = formatPath(unknown.path.slice(0, -1));
    const typed = String(unknown.path.at(-1));
    const missing = violations.find(
      (v) =>
        v.missingField &&
        !merged.has(v) &&
        formatPath(v.path) === parent &&
        closeEnough(typed, /"(.+)"/.exec(v.message)?.[1] ?? ""),
    );
    if (!missing) return unknown;
    merged.add(missing);
    const intended = /"(.+)"/.exec(missing.message)?.[1];
    return { ...unknown, message: `unknown field "${typed}" (did you mean "${intended}"? it is required)` };
  });
  return out.filter((v) => !merged.has(v));
}

/** Whether two field names differ by at most two edits (a typo), ignoring case. */
function closeEnough(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > 2) return false;
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return (previous[y.length] as number) <= 2;
}

/**
 * A Secret value that is a reference an injector replaces before the API server sees it
 * (argocd-vault-plugin's `<path:…>` and `<secret:…>`, 1Password, vals, the repository's own
 * patterns): not base64 until then. Only a Secret's values: secret-placeholder lists each one, so
 * the reviewer still sees it; anywhere else a reference would let a change skip the schema unseen.
 */
function injectedSecretValue(object: TypeMeta, violation: SchemaViolation, placeholders: RegExp[]): boolean {
  if (object.kind !== "Secret" || violation.path[0] !== "data" || typeof violation.actual !== "string") return false;
  const tool = placeholderOf(violation.actual, false, placeholders);
  return tool !== undefined && tool !== "empty";
}

/**
 * A Flux post-build variable (`${VAR}`, `${VAR:=default}`) is replaced by kustomize-controller
 * after the build: the value checked here is not the value applied, so it is not judged.
 */
function holdsVariable(value: unknown): boolean {
  return typeof value === "string" && /\$\{[A-Za-z_][A-Za-z0-9_]*(:?[=-][^}]*)?\}/.test(value);
}

function describeObject(object: TypeMeta): string {
  const name = typeof object.metadata?.name === "string" ? ` ${object.metadata.name}` : "";
  return `${String(object.kind)}${name}`;
}

function at(source: SourceFile, node: Node | undefined): { file: string; line: number; column: number } {
  return { file: source.file, ...positionOf(source, node) };
}

function verdictFindings(
  verdict: Verdict,
  object: TypeMeta,
  source: SourceFile,
  map: Node,
  place: (violation: SchemaViolation) => { source: SourceFile; located: Located },
  options: SchemaOptions,
): Finding[] {
  const what = describeObject(object);
  const apiVersion = String(object.apiVersion);
  if (verdict.type === "unknown-kind")
    return [
      {
        rule: "unknown-kind",
        severity: "warning",
        ...at(source, valueOf(map, "kind")),
        message: `no schema for ${apiVersion} ${String(object.kind)}: ${what} is not checked`,
        hint: "add its CustomResourceDefinition to the repo, or its schema to --schema-dir (a CRD manifest or <group>/<kind>_<version>.json)",
      },
    ];
  if (verdict.type === "rejected")
    return [
      {
        rule: "schema",
        severity: "error",
        ...at(source, valueOf(map, "kind")),
        message: `${apiVersion} ${String(object.kind)}: ${verdict.reason}`,
        hint: "the API server rejects this apiVersion/kind pair; fix apiVersion or kind",
      },
    ];
  if (verdict.type === "not-served")
    return [
      {
        rule: "schema",
        severity: "error",
        ...at(source, valueOf(map, "apiVersion")),
        message: `${apiVersion} ${String(object.kind)} is not served by Kubernetes 1.${options.kubernetesMinor}: ${verdict.reason}`,
        hint: "the API server rejects objects of API versions it does not serve; change apiVersion (and any fields that moved) before deploying",
      },
    ];
  return verdict.violations.map((violation) => {
    const { source: where, located } = place(violation);
    const finding = violationFinding(
      where,
      located,
      violation,
      what,
      violation.unknownField
        ? "remove it or fix its spelling: the API server drops fields it does not know, or rejects them under kubectl apply --validate=strict"
        : `kubectl explain ${String(object.kind).toLowerCase()}.${explainPath(violation.path)} --api-version=${apiVersion} describes the field`,
    );
    // The shipped CRDs are a snapshot: a newer controller may allow values they do not list.
    if (violation.enum && verdict.origin === SHIPPED_CRD)
      return {
        ...finding,
        severity: "warning",
        hint: `the shipped ${apiVersion} CRD does not list it; if your cluster runs a newer controller that does, add its CRD to the repo or to --schema-dir`,
      } satisfies Finding;
    return finding;
  });
}

/** A `schema` finding at the field (at its key for unknown and missing fields). */
function violationFinding(
  source: SourceFile,
  located: Located,
  violation: SchemaViolation,
  what: string,
  hint: string,
): Finding {
  const node = violation.unknownField || violation.missingField ? (located.key ?? located.node) : located.node;
  return {
    rule: "schema",
    severity: "error",
    ...at(source, node),
    message: `${what}: ${formatPath(violation.path)}: ${newTagMessage(violation, located) ?? violation.message}`,
    hint,
  };
}

function explainPath(path: FieldPath): string {
  return path.filter((p) => typeof p === "string").join(".");
}

/** `newTag: 1.10` is the number 1.1 to YAML: say so, with the text the user wrote. */
function newTagMessage(violation: SchemaViolation, located: Located): string | undefined {
  const node = located.node;
  if (violation.path.at(-1) !== "newTag" || !located.complete || !isScalar(node) || typeof node.value === "string")
    return undefined;
  const written = node.source ?? String(node.value);
  return `${written} is read as the ${typeof node.value} ${String(node.value)}, not the tag "${written}"; quote it: newTag: "${written}"`;
}

/** A verdict with nothing to report: not an API object, or one that passes its schema. */
function quiet(verdict: Verdict | undefined): boolean {
  return !verdict || (verdict.type === "checked" && verdict.violations.length === 0);
}

/** Whole objects in a file checked on their own (not under a rendered root), at their lines. */
export function sourceSchemaFindings(source: SourceFile, options: SchemaOptions): Finding[] {
  // Judged on the plain values first: only a file with something to report is read with positions.
  const clean = plainObjectsOf(source).every((o) => {
    if (o.kind?.endsWith("List") && Array.isArray(o.value.items)) return true;
    return quiet(judge(o.value, options));
  });
  if (clean) return [];
  return objectsOf(source).flatMap((object) => {
    if (object.kind?.endsWith("List") && isSeq(valueOf(object.map, "items"))) return [];
    const data = object.map.toJS(object.doc, { maxAliasCount: 100 }) as TypeMeta;
    const verdict = judge(data, options);
    if (!verdict) return [];
    return verdictFindings(
      verdict,
      data,
      source,
      object.map,
      (v) => ({ source, located: locate(object.map, v.path) }),
      options,
    );
  });
}

/** A kustomization file against kustomize's own fields (always strict: kustomize refuses unknown ones). */
export function kustomizationSchemaFindings(source: SourceFile): Finding[] {
  const contents = source.docs[0]?.contents;
  if (!contents) return [];
  const data = source.docs[0]?.toJS({ maxAliasCount: 100 }) as TypeMeta;
  const object = { ...data, kind: typeof data.kind === "string" ? data.kind : "Kustomization" };
  return kustomizationSchema
    .check(data, true)
    .map((violation) =>
      violationFinding(
        source,
        locate(contents, violation.path),
        violation,
        object.kind,
        violation.unknownField
          ? "kustomize refuses fields it does not know: fix the spelling or remove it (see kustomize's kustomization reference)"
          : "kustomize decodes this field into that type and fails otherwise (see kustomize's kustomization reference)",
      ),
    );
}

/** The source objects and patches a root reads, to point findings on its rendered output at them. */
export interface RootSources {
  root: KustomizationRoot;
  /** The root's kustomization file: where findings on objects kustomize generated go. */
  kustomization?: SourceFile;
  resources: { source: SourceFile; object: SourceObject; name?: string }[];
  patches: { source: SourceFile; node: Node; kind?: string; name?: string; jsonPatch: boolean }[];
}

export function rootSources(
  root: KustomizationRoot,
  files: SourceFile[],
  patchFiles: Set<string>,
  /** The name a written name becomes once the deployer substituted its variables. */
  rename: (name: string) => string = (name) => name,
): RootSources {
  const out: RootSources = { root, resources: [], patches: [] };
  const nameOf = (node: unknown) => {
    const name = stringOf(node);
    return name === undefined ? undefined : rename(name);
  };
  for (const source of files) {
    for (const patch of inlinePatchesOf(source))
      out.patches.push({ ...patch, name: patch.name === undefined ? undefined : rename(patch.name) });
    if (source.file === root.file) {
      out.kustomization = source;
      continue;
    }
    if (patchFiles.has(source.file)) {
      for (const doc of source.docs) {
        const node = doc.contents as Node | null;
        if (!node) continue;
        const jsonPatch = isSeq(node);
        out.patches.push({
          source,
          node,
          jsonPatch,
          kind: jsonPatch ? undefined : stringOf(valueOf(node, "kind")),
          name: jsonPatch ? undefined : nameOf(valueOf(node, "metadata", "name")),
        });
      }
      continue;
    }
    for (const object of objectsOf(source))
      if (object.kind) out.resources.push({ source, object, name: nameOf(valueOf(object.map, "metadata", "name")) });
  }
  return out;
}

/** kustomize keeps the source name inside the rendered one (prefix, suffix, hash): the longest match wins. */
function sameObject(rendered: TypeMeta, kind: string | undefined, name: string | undefined): boolean {
  const renderedName = rendered.metadata?.name;
  return kind === rendered.kind && !!name && typeof renderedName === "string" && renderedName.includes(name);
}

/**
 * Rendered objects of a root checked as the cluster receives them; each finding points at the
 * patch that set the field, else the resource file that defines the object, else the root's
 * kustomization (objects kustomize generated).
 */
export function renderedSchemaFindings(
  objects: RenderedObject[],
  sourcesOf: () => RootSources,
  options: SchemaOptions,
): Finding[] {
  const findings: Finding[] = [];
  let unresolved = 0;
  // The sources are read with positions only when a finding has to point into them.
  let known: RootSources | undefined;
  const root = () => (known ??= sourcesOf());
  for (const object of objects as TypeMeta[]) {
    const verdict = judge(object, options);
    if (verdict?.type === "checked") unresolved += verdict.unresolved;
    if (!verdict || quiet(verdict)) continue;
    const sources = root();
    const resource = sources.resources
      .filter((r) => sameObject(object, r.object.kind, r.name))
      .sort((a, b) => (b.name?.length ?? 0) - (a.name?.length ?? 0))[0];
    if (!resource) {
      findings.push(...generatedObjectFindings(object, verdict, sources, options));
      continue;
    }
    // a JSON patch with a target (inline ones have theirs beside them) applies to that object alone
    const patches = sources.patches.filter((p) =>
      p.jsonPatch && p.kind === undefined ? true : sameObject(object, p.kind, p.name),
    );
    const place = (violation: SchemaViolation) => {
      for (const patch of patches) {
        const located = patch.jsonPatch
          ? locateInJsonPatch(patch.node, violation.path)
          : locate(patch.node, violation.path, object);
        if (located?.complete) return { source: patch.source, located };
      }
      return { source: resource.source, located: locate(resource.object.map, violation.path, object) };
    };
    findings.push(...verdictFindings(verdict, object, resource.source, resource.object.map, place, options));
  }
  const kustomization = unresolved > 0 ? root().kustomization : undefined;
  if (kustomization)
    findings.push({
      rule: "schema",
      severity: "info",
      file: kustomization.file,
      line: 1,
      column: 1,
      message: `${root().root.dir}: ${unresolved} field(s) still hold a post-build variable (\${VAR}) after substitution and were not checked`,
      hint: "the deployer substitutes them from values the repo does not hold (substituteFrom of a cluster object); nothing to fix if that is intended",
    });
  return findings;
}

function generatedObjectFindings(
  object: TypeMeta,
  verdict: Verdict,
  sources: RootSources,
  options: SchemaOptions,
): Finding[] {
  const kustomization = sources.kustomization;
  if (!kustomization) return [];
  const top = kustomization.docs[0]?.contents as Node;
  return verdictFindings(
    verdict,
    object,
    kustomization,
    top,
    () => ({ source: kustomization, located: { node: top, complete: false } }),
    options,
  ).map((f) => ({ ...f, message: `rendered by ${sources.root.dir}: ${f.message}` }));
}

/** The value of the JSON Patch operation whose path leads to the field, followed to the field. */
function locateInJsonPatch(ops: Node, path: FieldPath): Located | undefined {
  if (!isSeq(ops)) return undefined;
  for (const op of ops.items) {
    const opPath = stringOf(valueOf(op, "path"));
    const value = valueOf(op, "value");
    if (!opPath || !value) continue;
    const segments = opPath
      .split("/")
      .slice(1)
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
    if (segments.length > path.length || segments.some((s, i) => s !== String(path[i]))) continue;
    const located = locate(value, path.slice(segments.length));
    if (located.complete) return located;
  }
  return undefined;
}
