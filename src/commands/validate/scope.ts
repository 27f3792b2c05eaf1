import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PathError, UsageError } from "../../errors.js";
import { baseCommit, changedFiles } from "../../gate/changed.js";
import { type LoadedPolicy, loadPolicy } from "../../gate/policy/load-policy.js";
import { excluder, type RepoPolicy } from "../../gate/policy/repo-policy.js";
import { cacheDirInside } from "../../gate/render/render-cache.js";
import { type RepoBoundary, repoBoundaryOf } from "../../gate/repo-boundary.js";
import type { RuleContext } from "../../gate/rules/rule.js";
import { kubernetesMinorOf } from "../../gate/schema/api-lifecycle.js";
import { SCHEMA_KUBERNETES_VERSION } from "../../gate/schema/builtin-schemas.js";
import { DEFAULT_PARSE_LIMITS, listRepoFiles, type ParseLimits } from "../../gate/source-files.js";
import { registerEnvironmentSecrets } from "../../secrets.js";
import type { ValidateOptions } from "../validate.js";

/** The settings a run uses: flags and inputs first, then the repository's policy, then defaults. */
export interface EffectiveSettings {
  policyFrom: LoadedPolicy["from"];
  kubernetesVersion?: string;
  strict: boolean;
  sealedSecretsCert?: string;
  allowRemote: boolean;
  exclude: string[];
  severity: RepoPolicy["severity"];
  overrides: RepoPolicy["overrides"];
  placeholders: string[];
}

/** What one run looks at and by which rules: the first phase of validate. */
export interface RunScope {
  dir: string;
  boundary: RepoBoundary;
  parseLimits: ParseLimits;
  loaded: LoadedPolicy;
  settings: EffectiveSettings;
  context: RuleContext;
  kubernetesMinor: number;
  /** With --base-ref: the commit it names, and the files changed since it; else every file is in scope. */
  baseCommit?: string;
  changed?: Set<string>;
  inScope: (file: string) => boolean;
  /** Whether a path is left out: the policy's exclude, --exclude, an in-checkout --cache-dir. */
  excluded: (file: string) => boolean;
  /** The checkout's files, excluded paths left out. */
  files: { manifests: string[]; others: string[] };
}

/** The default sealed-secrets controller key is RSA 4096: 512-byte session keys. */
const DEFAULT_KEY_BYTES = 512;

/**
 * The scope of a run: the checkout and its repository's bounds, the policy (from the base commit
 * with --base-ref), the settings it yields, and the files to read, excluded ones left out.
 */
export async function scopeOf(options: ValidateOptions): Promise<RunScope> {
  if (!existsSync(options.dir) || !statSync(options.dir).isDirectory())
    throw new UsageError(`--dir ${options.dir}: no such directory`);
  registerEnvironmentSecrets();
  const boundary = repoBoundaryOf(options.dir);
  const parseLimits = { ...DEFAULT_PARSE_LIMITS, ...options.limits?.parse };
  const base = options.baseRef ? await baseCommit(options.dir, options.baseRef) : undefined;
  const read = await loadPolicy(options.dir, base);
  const loaded = { ...read, policy: { ...read.policy, exclude: [...read.policy.exclude, ...(options.exclude ?? [])] } };
  const settings = effectiveSettings(options, loaded);
  const context: RuleContext = {
    sealedSecretsKeyBytes: settings.sealedSecretsCert
      ? keyBytesOf(options.dir, settings.sealedSecretsCert)
      : DEFAULT_KEY_BYTES,
    placeholders: loaded.policy.placeholders,
  };
  const kubernetesMinor = kubernetesMinorOf(
    settings.kubernetesVersion ?? SCHEMA_KUBERNETES_VERSION,
    SCHEMA_KUBERNETES_VERSION,
  );
  const changed = base ? await changedFiles(options.dir, options.baseRef as string, base) : undefined;
  const policyExcluded = excluder(loaded.policy);
  const cacheDir = cacheDirInside(options.cacheDir, boundary.checkout);
  const excluded = (file: string) => policyExcluded(file) || (!!cacheDir && file.startsWith(`${cacheDir}/`));
  const listed = listRepoFiles(options.dir);
  return {
    dir: options.dir,
    boundary,
    parseLimits,
    loaded,
    settings,
    context,
    kubernetesMinor,
    baseCommit: base,
    changed,
    inScope: (file) => !changed || changed.has(file),
    excluded,
    files: {
      manifests: listed.manifests.filter((f) => !excluded(f)),
      others: listed.others.filter((f) => !excluded(f)),
    },
  };
}

function effectiveSettings(options: ValidateOptions, loaded: LoadedPolicy): EffectiveSettings {
  const policy = loaded.policy;
  return {
    policyFrom: loaded.from,
    kubernetesVersion: options.kubernetesVersion ?? policy.kubernetesVersion,
    strict: options.strict ?? policy.strict ?? false,
    sealedSecretsCert: options.sealedSecretsCert ?? policy.sealedSecretsCert,
    allowRemote: options.allowRemote || (policy.allowRemote ?? false),
    exclude: policy.exclude,
    severity: policy.severity,
    overrides: policy.overrides,
    placeholders: policy.placeholders.map((p) => p.source),
  };
}

function keyBytesOf(dir: string, certPath: string): number {
  const full = path.resolve(dir, certPath);
  try {
    const key = new X509Certificate(readFileSync(full)).publicKey;
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (key.asymmetricKeyType !== "rsa" || !bits) throw new PathError("not an RSA certificate");
    return bits / 8;
  } catch (error) {
    throw new PathError(
      `--sealed-secrets-cert ${certPath}: ${(error as Error).message}; give the PEM certificate that kubeseal --fetch-cert prints`,
    );
  }
}
