import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { PathError } from "../errors.js";
import { changedFiles, inputsOf, rootChanged } from "../gate/changed.js";
import { rootsToRender } from "../gate/discovery.js";
import { bySeverityThenPlace, type Finding, type Severity } from "../gate/finding.js";
import { createRenderer, mapConcurrent, type RendererChoice } from "../gate/render.js";
import { clusterCredential } from "../gate/rules/cluster-credential.js";
import { imageEntryUnused } from "../gate/rules/image-entry-unused.js";
import { plaintextSecret } from "../gate/rules/plaintext-secret.js";
import type { RenderedObject, RenderedRule } from "../gate/rules/rendered-rule.js";
import type { RuleContext, SourceRule } from "../gate/rules/rule.js";
import { sealedSecretMalformed } from "../gate/rules/sealed-secret.js";
import { sealedSecretScope } from "../gate/rules/sealed-secret-scope.js";
import { secretGenerator } from "../gate/rules/secret-generator.js";
import { sopsUnencryptedValue } from "../gate/rules/sops.js";
import type { ValidateSummary } from "../gate/reporters/report.js";
import { listYamlFiles, readSourceFile, type SourceFile } from "../gate/source-files.js";

export interface ValidateOptions {
  /** The config repo checkout. */
  dir: string;
  renderer?: RendererChoice;
  /** The PEM certificate `kubeseal --fetch-cert` prints, relative to dir: sets the key size. */
  sealedSecretsCert?: string;
  failOn?: Severity;
  /** Check only what changed since this git ref: changed files, and the roots that read them. */
  baseRef?: string;
}

export interface ValidateResult {
  findings: Finding[];
  summary: ValidateSummary;
  /** Whether findings at or above failOn exist: the gate's verdict. */
  failed: boolean;
}

const SOURCE_RULES: SourceRule[] = [
  plaintextSecret,
  secretGenerator,
  sealedSecretMalformed,
  sopsUnencryptedValue,
  clusterCredential,
];
const RENDERED_RULES: RenderedRule[] = [sealedSecretScope, imageEntryUnused];

/** The default sealed-secrets controller key is RSA 4096: 512-byte session keys. */
const DEFAULT_KEY_BYTES = 512;

/**
 * The merge gate over a checkout: every YAML file parsed (syntax, duplicate keys) and checked by
 * the source rules at its own lines, and every kustomization root rendered with the real kustomize.
 */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const context: RuleContext = {
    sealedSecretsKeyBytes: options.sealedSecretsCert
      ? keyBytesOf(options.dir, options.sealedSecretsCert)
      : DEFAULT_KEY_BYTES,
  };
  const changed = options.baseRef ? await changedFiles(options.dir, options.baseRef) : undefined;
  const findings: Finding[] = [];
  const sources: SourceFile[] = [];
  for (const file of listYamlFiles(options.dir)) {
    const read = readSourceFile(options.dir, file);
    if (!changed || changed.has(file)) findings.push(...read.findings);
    if (read.source) sources.push(read.source);
  }
  for (const source of sources) {
    if (changed && !changed.has(source.file)) continue;
    for (const rule of SOURCE_RULES) findings.push(...rule(source, context));
  }

  const sourcesByFile = new Map(sources.map((s) => [s.file, s]));
  const allRoots = rootsToRender(sources);
  const roots = changed ? allRoots.filter((root) => rootChanged(inputsOf(root, sourcesByFile), changed)) : allRoots;
  const renderer = await createRenderer(options.renderer ?? "auto");
  let rendered = 0;
  let renderFailures = 0;
  let resources = 0;
  if (renderer) {
    const results = await mapConcurrent(roots, (root) => renderer.render(options.dir, root.dir));
    results.forEach((result, i) => {
      const root = roots[i] as (typeof roots)[number];
      if (result.ok) {
        rendered++;
        const objects = parseAllDocuments(result.output).map((d) => d.toJS({ maxAliasCount: 100 }) as RenderedObject);
        resources += objects.length;
        for (const rule of RENDERED_RULES) findings.push(...rule({ root, objects, sources: sourcesByFile }));
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
  findings.sort(bySeverityThenPlace);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const failOn = options.failOn ?? "error";
  return {
    findings,
    summary: {
      roots: allRoots.length,
      rendered,
      skipped: allRoots.length - rendered - renderFailures,
      resources,
      errors,
      warnings,
    },
    failed: failOn === "warning" ? findings.length > 0 : errors > 0,
  };
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
