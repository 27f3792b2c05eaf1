import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { PathError } from "../errors.js";
import { changedFiles, inputsOf, rootChanged } from "../gate/changed.js";
import { plainManifestDirs, rootsToRender } from "../gate/discovery.js";
import { bySeverityThenPlace, type Finding, type Severity } from "../gate/finding.js";
import { patchFilesOf } from "../gate/patch-files.js";
import { createRenderer, mapConcurrent, type RendererChoice } from "../gate/render.js";
import { clusterCredential } from "../gate/rules/cluster-credential.js";
import { imageEntryUnused } from "../gate/rules/image-entry-unused.js";
import { plaintextSecret } from "../gate/rules/plaintext-secret.js";
import { plaintextSecretRendered } from "../gate/rules/plaintext-secret-rendered.js";
import type { RenderedObject, RenderedRule } from "../gate/rules/rendered-rule.js";
import type { RuleContext, SourceRule } from "../gate/rules/rule.js";
import {
  kustomizationSchemaFindings,
  renderedSchemaFindings,
  rootSources,
  type SchemaOptions,
  sourceSchemaFindings,
} from "../gate/rules/schema.js";
import { sealedSecretMalformed } from "../gate/rules/sealed-secret.js";
import { sealedSecretScope } from "../gate/rules/sealed-secret-scope.js";
import { secretGenerator } from "../gate/rules/secret-generator.js";
import { sopsUnencryptedValue } from "../gate/rules/sops.js";
import type { ValidateSummary } from "../gate/reporters/report.js";
import { kubernetesMinorOf } from "../gate/schema/api-lifecycle.js";
import { SCHEMA_KUBERNETES_VERSION } from "../gate/schema/builtin-schemas.js";
import { createSchemaCatalog, type RepoCrd } from "../gate/schema/catalog.js";
import { listYamlFiles, readSourceFile, type SourceFile } from "../gate/source-files.js";
import { objectsOf } from "../gate/yaml-nav.js";
import { KUSTOMIZATION_FILE_NAMES } from "../kustomize/kustomization-file.js";

export interface ValidateOptions {
  /** The config repo checkout. */
  dir: string;
  renderer?: RendererChoice;
  /** The PEM certificate `kubeseal --fetch-cert` prints, relative to dir: sets the key size. */
  sealedSecretsCert?: string;
  failOn?: Severity;
  /** Check only what changed since this git ref: changed files, and the roots that read them. */
  baseRef?: string;
  /** The target cluster, "1.33": API versions it does not serve are errors (default: newest known). */
  kubernetesVersion?: string;
  /** Reject fields the schemas do not define. */
  strict?: boolean;
  /** More schemas, relative to dir: CRD manifests or `<group>/<kind>_<version>.json` files. */
  schemaDir?: string;
}

export interface ValidateResult {
  findings: Finding[];
  summary: ValidateSummary;
  /** Whether findings at or above failOn exist: the gate's verdict. */
  failed: boolean;
  /** Wall-clock milliseconds: rendering (all roots, in parallel) and the whole run. */
  timings: { renderMs: number; totalMs: number };
}

const SOURCE_RULES: SourceRule[] = [
  plaintextSecret,
  secretGenerator,
  sealedSecretMalformed,
  sopsUnencryptedValue,
  clusterCredential,
];
const RENDERED_RULES: RenderedRule[] = [sealedSecretScope, imageEntryUnused, plaintextSecretRendered];

/** The default sealed-secrets controller key is RSA 4096: 512-byte session keys. */
const DEFAULT_KEY_BYTES = 512;

/**
 * The merge gate over a checkout: every YAML file parsed (syntax, duplicate keys) and checked by
 * the source rules at its own lines, and every kustomization root rendered with the real kustomize.
 */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const started = performance.now();
  const context: RuleContext = {
    sealedSecretsKeyBytes: options.sealedSecretsCert
      ? keyBytesOf(options.dir, options.sealedSecretsCert)
      : DEFAULT_KEY_BYTES,
  };
  const kubernetesMinor = kubernetesMinorOf(
    options.kubernetesVersion ?? SCHEMA_KUBERNETES_VERSION,
    SCHEMA_KUBERNETES_VERSION,
  );
  const changed = options.baseRef ? await changedFiles(options.dir, options.baseRef) : undefined;
  const inScope = (file: string) => !changed || changed.has(file);
  const findings: Finding[] = [];
  const sources: SourceFile[] = [];
  for (const file of listYamlFiles(options.dir)) {
    const read = readSourceFile(options.dir, file);
    if (inScope(file)) findings.push(...read.findings);
    if (read.source) sources.push(read.source);
  }
  for (const source of sources) {
    if (!inScope(source.file)) continue;
    for (const rule of SOURCE_RULES) findings.push(...rule(source, context));
  }

  const patchFiles = patchFilesOf(sources);
  // JSON 6902 patches are often .json files, which the YAML walk does not read.
  for (const file of patchFiles) {
    if (!file.endsWith(".json") || !existsSync(path.join(options.dir, file))) continue;
    const read = readSourceFile(options.dir, file);
    if (inScope(file)) findings.push(...read.findings);
    if (read.source) sources.push(read.source);
  }
  const sourcesByFile = new Map(sources.map((s) => [s.file, s]));
  const allRoots = rootsToRender(sources);
  const inputs = new Map(allRoots.map((root) => [root.dir, inputsOf(root, sourcesByFile)]));
  const used = new Set([...inputs.values()].flatMap((i) => [...i.files, ...i.dirs]));
  const allPlain = plainManifestDirs(sources, used);
  const roots = changed
    ? allRoots.filter((root) => rootChanged(inputs.get(root.dir) as { dirs: Set<string>; files: Set<string> }, changed))
    : allRoots;
  const plainRoots = allPlain.filter((plain) => plain.files.some(inScope));
  const schema: SchemaOptions = {
    catalog: await createSchemaCatalog({
      schemaDir: options.schemaDir && path.resolve(options.dir, options.schemaDir),
      repoCrds: repoCrds(sources),
    }),
    strict: options.strict ?? false,
    kubernetesMinor,
  };
  const renderer = await createRenderer(options.renderer ?? "auto");
  let rendered = 0;
  let renderFailures = 0;
  let resources = 0;
  /** Files whose objects were checked as part of a rendered root. */
  const covered = new Set<string>();
  let renderMs = 0;
  if (renderer) {
    const renderStart = performance.now();
    const results = await mapConcurrent(roots, (root) => renderer.render(options.dir, root.dir));
    renderMs = performance.now() - renderStart;
    results.forEach((result, i) => {
      const root = roots[i] as (typeof roots)[number];
      if (result.ok) {
        rendered++;
        const objects = parseAllDocuments(result.output).map((d) => d.toJS({ maxAliasCount: 100 }) as RenderedObject);
        resources += objects.length;
        const files = [root.file, ...(inputs.get(root.dir)?.files ?? [])];
        const rootFiles = files.flatMap((f) => sourcesByFile.get(f) ?? []);
        for (const rule of RENDERED_RULES)
          findings.push(...rule({ root, objects, sources: sourcesByFile, inputs: rootFiles }));
        findings.push(...renderedSchemaFindings(objects, rootSources(root, rootFiles, patchFiles), schema));
        for (const f of files) covered.add(f);
        return;
      }
      renderFailures++;
      findings.push({
        rule: "render-failed",
        severity: "error",
        file: root.file,
        line: 1,
        column: 1,
        message: `${renderer.name} failed: ${result.error}`,
        hint: "run the same command locally; the deployer renders this root the same way and would fail too",
      });
    });
  }
  // A plain directory renders to its own files, which the source checks below read.
  for (const plain of plainRoots) {
    rendered++;
    resources += plain.files.flatMap((f) => objectsOf(sourcesByFile.get(f) as SourceFile)).filter((o) => o.kind).length;
  }
  for (const source of sources) {
    if (!inScope(source.file) || patchFiles.has(source.file)) continue;
    if (isKustomizationFile(source.file)) findings.push(...kustomizationSchemaFindings(source));
    else if (!covered.has(source.file)) findings.push(...sourceSchemaFindings(source, schema));
  }
  const unique = dedupe(findings).sort(bySeverityThenPlace);
  const errors = unique.filter((f) => f.severity === "error").length;
  const warnings = unique.length - errors;
  const failOn = options.failOn ?? "error";
  const rootCount = allRoots.length + allPlain.length;
  return {
    findings: unique,
    summary: {
      roots: rootCount,
      rendered,
      skipped: rootCount - rendered - renderFailures,
      resources,
      errors,
      warnings,
    },
    failed: failOn === "warning" ? unique.length > 0 : errors > 0,
    timings: { renderMs, totalMs: performance.now() - started },
  };
}

function isKustomizationFile(file: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(path.posix.basename(file));
}

/** A base shared by several overlays breaks the same way in each: one finding per place. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function repoCrds(sources: SourceFile[]): RepoCrd[] {
  return sources.flatMap((source) =>
    objectsOf(source)
      .filter((o) => o.kind === "CustomResourceDefinition")
      .map((o) => ({ file: source.file, crd: o.map.toJS(o.doc, { maxAliasCount: 100 }) })),
  );
}

function keyBytesOf(dir: string, certPath: string): number {
  const full = path.resolve(dir, certPath);
  try {
    const key = new X509Certificate(readFileSync(full)).publicKey;
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (key.asymmetricKeyType !== "rsa" || !bits) throw new Error("not an RSA certificate");
    return bits / 8;
  } catch (error) {
    throw new PathError(
      `--sealed-secrets-cert ${certPath}: ${(error as Error).message}; give the PEM certificate that kubeseal --fetch-cert prints`,
    );
  }
}
