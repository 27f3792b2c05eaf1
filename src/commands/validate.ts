import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { PathError, UsageError } from "../errors.js";
import { baseCommit, changedFiles, rootChanged } from "../gate/changed.js";
import { type LoadedPolicy, loadPolicy } from "../gate/policy/load-policy.js";
import { applyPolicy, excluder, type RepoPolicy } from "../gate/policy/repo-policy.js";
import { credentialFiles } from "../gate/credential-files.js";
import { plainManifestDirs, rootsToRender } from "../gate/discovery.js";
import { bySeverityThenPlace, type FailOn, type Finding, fails } from "../gate/finding.js";
import { chartDirs, chartFindings, helmChartEntries, insideChart } from "../gate/helm-charts.js";
import { patchFilesOf } from "../gate/patch-files.js";
import { isKustomizationFile, kustomizationIn, type Reference } from "../gate/references.js";
import { argoBuilds } from "../gate/deployers/argo-application.js";
import type { DeployerBuild } from "../gate/deployers/deployer-build.js";
import { fluxBuilds, substituteVariables } from "../gate/deployers/flux-kustomization.js";
import { overlayKustomization } from "../gate/deployers/overlay.js";
import type { KustomizationRoot } from "../gate/discovery.js";
import {
  createRenderer,
  mapConcurrent,
  type Renderer,
  type RendererChoice,
  type RenderResult,
} from "../gate/render/renderer.js";
import type { RenderLimits } from "../gate/render/sandbox.js";
import { repoBoundaryOf } from "../gate/repo-boundary.js";
import { inputsOf, type RootInputs } from "../gate/root-inputs.js";
import { referenceFindings } from "../gate/rules/reference-boundary.js";
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
import {
  DEFAULT_PARSE_LIMITS,
  listRepoFiles,
  ParseBudget,
  positionOf,
  type ParseLimits,
  readSourceFile,
  type SourceFile,
} from "../gate/source-files.js";
import { objectsOf } from "../gate/yaml-nav.js";
import { redact, registerEnvironmentSecrets } from "../secrets.js";

export interface ValidateOptions {
  /** The config repo checkout. */
  dir: string;
  renderer?: RendererChoice;
  /** The PEM certificate `kubeseal --fetch-cert` prints, relative to dir: sets the key size. */
  sealedSecretsCert?: string;
  failOn?: FailOn;
  /** Check only what changed since this git ref: changed files, and the roots that read them. */
  baseRef?: string;
  /** The target cluster, "1.33": API versions it does not serve are errors (default: newest known). */
  kubernetesVersion?: string;
  /** Reject fields the schemas do not define. */
  strict?: boolean;
  /** More schemas, relative to dir: CRD manifests or `<group>/<kind>_<version>.json` files. */
  schemaDir?: string;
  /** Let remote bases and resources be fetched: repository content then makes the runner fetch URLs. */
  allowRemote?: boolean;
  /** More paths to leave out, as globs relative to dir, besides the policy file's `exclude`. */
  exclude?: string[];
  /** Discover and plan only: nothing is rendered (for --list-roots and --print-config). */
  plan?: boolean;
  /** Bounds on parsing and rendering (defaults: DEFAULT_PARSE_LIMITS, DEFAULT_RENDER_LIMITS). */
  limits?: { parse?: Partial<ParseLimits>; render?: Partial<RenderLimits> };
}

export interface ValidateResult {
  findings: Finding[];
  summary: ValidateSummary;
  /** Whether findings at or above failOn exist: the gate's verdict. */
  failed: boolean;
  failOn: FailOn;
  /** Wall-clock milliseconds: rendering (all roots, in parallel) and the whole run. */
  timings: { renderMs: number; totalMs: number };
  /** The checkout's path in its git repository ("" at the top): what code scanning and checks resolve paths against. */
  repoPath: string;
  settings: EffectiveSettings;
  /** Every root and how it is rendered, as --list-roots prints it. */
  roots: RootPlan[];
}

export interface RootPlan {
  dir: string;
  how: string;
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
  const inScope = (file: string) => !changed || changed.has(file);
  const findings: Finding[] = [...loaded.findings];
  const sources: SourceFile[] = [];
  /** Files that could not be parsed: no root reading them is rendered. */
  const unreadable = new Set<string>();
  const excluded = excluder(loaded.policy);
  const listed = listRepoFiles(options.dir);
  const files = {
    manifests: listed.manifests.filter((f) => !excluded(f)),
    others: listed.others.filter((f) => !excluded(f)),
  };
  const charts = chartDirs(files.manifests);
  const budget = new ParseBudget(parseLimits);
  findings.push(
    ...chartFindings(charts, (file) => readSourceFile(options.dir, file, parseLimits).source).filter((f) =>
      inScope(f.file),
    ),
  );
  for (const file of files.manifests.filter((f) => !insideChart(f, charts))) {
    const read = readSourceFile(options.dir, file, parseLimits, budget);
    if (inScope(file)) findings.push(...read.findings);
    if (read.source) sources.push(read.source);
    else unreadable.add(file);
  }
  const overBudget = budget.finding();
  if (overBudget) findings.push(overBudget);
  for (const source of sources) {
    if (!inScope(source.file)) continue;
    for (const rule of SOURCE_RULES) findings.push(...rule(source, context));
  }
  for (const source of credentialFiles(options.dir, files.others.filter(inScope), parseLimits.maxDepth))
    findings.push(...clusterCredential(source, context));

  const patchFiles = patchFilesOf(sources);
  const sourcesByFile = new Map(sources.map((s) => [s.file, s]));
  const discovered = rootsToRender(sources);
  findings.push(...discovered.cycles.filter((f) => inScope(f.file) || !changed));
  const allJobs = renderJobs(discovered.roots, [...fluxBuilds(sources), ...argoBuilds(sources)], sourcesByFile);
  const used = new Set(allJobs.flatMap((job) => [...job.inputs.files, ...job.inputs.dirs]));
  const allPlain = plainManifestDirs(sources, used);
  const jobs = changed
    ? allJobs.filter((job) => rootChanged(job.inputs, changed) || (job.build && changed.has(job.build.file)))
    : allJobs;
  const plainRoots = allPlain.filter((plain) => plain.files.some(inScope));
  const schema: SchemaOptions = {
    catalog: await createSchemaCatalog({
      schemaDir: options.schemaDir && path.resolve(options.dir, options.schemaDir),
      repoCrds: repoCrds(sources),
    }),
    strict: settings.strict,
    kubernetesMinor,
  };
  const renderer = options.plan
    ? undefined
    : await createRenderer(options.renderer ?? "auto", {
        limits: options.limits?.render,
        allowRemote: settings.allowRemote,
      });
  let rendered = 0;
  let renderFailures = 0;
  let resources = 0;
  /** Files whose objects were checked as part of a rendered root. */
  const covered = new Set<string>();
  let renderMs = 0;
  // Nothing a root names may lead kustomize out of the repository or onto the network.
  const renderable = jobs.filter(({ inputs: rootInputs }) => {
    const refused = referenceFindings(rootInputs.references, boundary, settings.allowRemote);
    findings.push(...refused);
    const charts = [...rootInputs.dirs].flatMap((dir) => {
      const kustomization = kustomizationIn(dir, sourcesByFile);
      return kustomization ? helmChartEntries(kustomization) : [];
    });
    findings.push(...charts);
    return refused.length === 0 && charts.length === 0 && !readsUnreadable(rootInputs, unreadable);
  });
  if (renderer) {
    const renderStart = performance.now();
    const results = await mapConcurrent(renderable, (job) =>
      renderJob(renderer, boundary.checkout, job, sourcesByFile),
    );
    renderMs = performance.now() - renderStart;
    results.forEach((result, i) => {
      const { root, inputs: rootInputs, build } = renderable[i] as RenderJob;
      if (!result.ok) {
        renderFailures++;
        // a kustomization kustomize rejects (`newTag: 1.10`) is already a schema finding at its line
        const explained = [...rootInputs.dirs].some((dir) => {
          const kustomization = kustomizationIn(dir, sourcesByFile);
          return kustomization && kustomizationSchemaFindings(kustomization).length > 0;
        });
        if (!explained || result.limit)
          findings.push(
            renderFailure(
              root,
              build ? `${root.dir} (as ${build.by} builds it)` : root.dir,
              result,
              rootInputs.references,
            ),
          );
        return;
      }
      rendered++;
      const output = build?.substitute ? substituteVariables(result.output, build.substitute) : result.output;
      const objects = parseAllDocuments(output).map((d) => d.toJS({ maxAliasCount: 100 }) as RenderedObject);
      resources += objects.length;
      // its kustomizations first (the root's own leads), then the files they name
      const rootFiles = [
        ...new Set([
          ...[...rootInputs.dirs].flatMap((dir) => kustomizationIn(dir, sourcesByFile) ?? []),
          ...[...rootInputs.files].flatMap((f) => sourcesByFile.get(f) ?? []),
        ]),
      ];
      const fromRoot = (list: Finding[]) => findings.push(...list.map((f) => ({ ...f, renderedBy: root.dir })));
      for (const rule of RENDERED_RULES)
        fromRoot(
          rule({ root, objects, sources: sourcesByFile, inputs: rootFiles, placeholders: loaded.policy.placeholders }),
        );
      const substitute = build?.substitute;
      const rename = substitute && ((name: string) => substituteVariables(name, substitute));
      fromRoot(renderedSchemaFindings(objects, rootSources(root, rootFiles, patchFiles, rename), schema));
      for (const f of rootFiles) covered.add(f.file);
    });
  }
  // A plain directory renders to its own files, which the source checks below read.
  for (const plain of plainRoots) {
    rendered++;
    resources += plain.files.flatMap((f) => objectsOf(sourcesByFile.get(f) as SourceFile)).filter((o) => o.kind).length;
  }
  // A file beside a kustomization that no kustomization names is never deployed: not an object to check.
  const kustomizationDirs = new Set(
    sources.filter((s) => isKustomizationFile(s.file)).map((s) => path.posix.dirname(s.file)),
  );
  const unused = (file: string) => kustomizationDirs.has(path.posix.dirname(file)) && !used.has(file);
  for (const source of sources) {
    if (!inScope(source.file) || patchFiles.has(source.file)) continue;
    if (isKustomizationFile(source.file)) findings.push(...kustomizationSchemaFindings(source));
    else if (!covered.has(source.file) && !(renderer && unused(source.file)))
      findings.push(...sourceSchemaFindings(source, schema));
  }
  const unique = dedupe(applyPolicy(findings, loaded.policy).map(redacted)).sort(bySeverityThenPlace);
  const count = (severity: Finding["severity"]) => unique.filter((f) => f.severity === severity).length;
  const failOn = options.failOn ?? "error";
  const rootCount = allJobs.length + allPlain.length;
  const manifests = sources.some((s) => objectsOf(s).some((o) => o.kind && o.apiVersion));
  return {
    findings: unique,
    summary: {
      roots: rootCount,
      rendered,
      skipped: rootCount - rendered - renderFailures,
      resources,
      errors: count("error"),
      warnings: count("warning"),
      info: count("info"),
      checkedNothing: rootCount === 0 && !manifests,
    },
    failed: unique.some((f) => fails(f.severity, failOn)),
    failOn,
    timings: { renderMs, totalMs: performance.now() - started },
    repoPath: path.relative(boundary.root, boundary.checkout).split(path.sep).join("/"),
    settings,
    roots: [
      ...allJobs.map((job) => ({
        dir: job.root.dir,
        how: job.build ? `kustomize, as ${job.build.by} (${job.build.file}) builds it` : "kustomize",
      })),
      ...allPlain.map((plain) => ({ dir: plain.dir, how: "plain manifests" })),
      ...charts.map((chart) => ({ dir: chart, how: "Helm chart: not rendered" })),
    ].sort((a, b) => a.dir.localeCompare(b.dir)),
  };
}

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

/** One build of a root: as kustomize builds it, or as a deployer (a Flux Kustomization) does. */
interface RenderJob {
  root: KustomizationRoot;
  inputs: RootInputs;
  build?: DeployerBuild;
}

/**
 * What to render: every root, except that a directory a Flux Kustomization or an Argo CD
 * Application builds with its own components, patches, namespace, images or variables is
 * rendered the way that deployer builds it (once per such deployer object) instead of plainly.
 */
function renderJobs(
  roots: KustomizationRoot[],
  builds: DeployerBuild[],
  sources: Map<string, SourceFile>,
): RenderJob[] {
  const jobs: RenderJob[] = [];
  const built = new Set<string>();
  for (const build of builds) {
    const kustomization = kustomizationIn(build.dir, sources);
    if (!kustomization) continue;
    const root = { dir: build.dir, file: kustomization.file };
    jobs.push({ root, inputs: inputsOf(root, sources, build.components), build });
    built.add(build.dir);
  }
  for (const root of roots) if (!built.has(root.dir)) jobs.push({ root, inputs: inputsOf(root, sources) });
  return jobs.sort((a, b) => a.root.dir.localeCompare(b.root.dir));
}

function renderJob(
  renderer: Renderer,
  checkout: string,
  job: RenderJob,
  sources: Map<string, SourceFile>,
): Promise<RenderResult> {
  if (!job.build) return renderer.render(checkout, job.root.dir);
  const kustomization = sources.get(job.root.file) as SourceFile;
  const build = job.build;
  return renderer.renderOverlay(
    checkout,
    (dir) => overlayKustomization(kustomization, build, checkout, dir),
    job.root.dir,
  );
}

/** Whether a root reads a file that could not be parsed: rendering it would meet the same bomb. */
function readsUnreadable(inputs: RootInputs, unreadable: Set<string>): boolean {
  for (const file of unreadable) {
    if (inputs.files.has(file)) return true;
    if (isKustomizationFile(file) && inputs.files.has(path.posix.dirname(file))) return true;
  }
  return false;
}

function renderFailure(
  root: KustomizationRoot,
  dir: string,
  result: Extract<RenderResult, { ok: false }>,
  references: Reference[],
): Finding {
  const file = root.file;
  if (result.limit)
    return {
      rule: "render-limit",
      severity: "error",
      file,
      line: 1,
      column: 1,
      message: `${dir}: ${result.error}`,
      hint: "a root this large is not reviewable; split it, or look for a YAML bomb or a generator that loops",
    };
  // at the entry kustomize names ('deployment.yaml', "../base"), when it names one
  const named = references.find((r) => new RegExp(`['"\`]${escapeRegExp(r.value)}['"\`]`).test(result.error));
  return {
    rule: "render-failed",
    severity: "error",
    ...(named ? { file: named.source.file, ...positionOf(named.source, named.node) } : { file, line: 1, column: 1 }),
    message: `kustomize cannot build ${dir}: ${result.error}`,
    hint: "run kustomize build on it locally; the deployer renders this root the same way and would fail too",
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function redacted(finding: Finding): Finding {
  return { ...finding, message: redact(finding.message), hint: redact(finding.hint) };
}

/**
 * A base shared by several overlays breaks the same way in each: one finding per place. Objects
 * rendered from one line under different names (a prefix per overlay, a name per Flux app) give
 * messages that differ in a word or two: one finding too, saying how many more it stands for.
 */
function dedupe(findings: Finding[]): Finding[] {
  interface Group {
    finding: Finding;
    words: string[];
    count: number;
    roots: Set<string>;
  }
  const groups = new Map<string, Group[]>();
  for (const f of findings) {
    const key = `${f.rule}\0${f.severity}\0${f.file}\0${f.line}\0${f.column}`;
    const words = f.message.split(" ");
    const group = groups.get(key) ?? [];
    let same = group.find((g) => g.finding.message === f.message || namesDiffer(g.words, words));
    if (same && same.finding.message !== f.message) same.count++;
    if (!same) group.push((same = { finding: f, words, count: 0, roots: new Set() }));
    if (f.renderedBy !== undefined) same.roots.add(f.renderedBy);
    groups.set(key, group);
  }
  return [...groups.values()].flat().map(({ finding, count, roots }) => {
    const { renderedBy: _, ...plain } = finding;
    if (roots.size > 1) return { ...plain, message: `${plain.message} (rendered by ${listed([...roots].sort())})` };
    return count ? { ...plain, message: `${plain.message} (and ${count} more rendered from this line)` } : plain;
  });
}

/** Up to three names, then how many more. */
function listed(names: string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}

/** The same message about objects of other names: as many words, at most two of them different. */
function namesDiffer(a: string[], b: string[]): boolean {
  return a.length === b.length && a.filter((word, i) => word !== b[i]).length <= 2;
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
    if (key.asymmetricKeyType !== "rsa" || !bits) throw new PathError("not an RSA certificate");
    return bits / 8;
  } catch (error) {
    throw new PathError(
      `--sealed-secrets-cert ${certPath}: ${(error as Error).message}; give the PEM certificate that kubeseal --fetch-cert prints`,
    );
  }
}
