import path from "node:path";
import { substituteVariables } from "../../gate/deployers/flux-kustomization.js";
import type { KustomizationRoot } from "../../gate/discovery.js";
import type { Finding } from "../../gate/finding.js";
import { loadAllPlain } from "../../gate/plain-yaml.js";
import { NO_PROGRESS } from "../../gate/progress.js";
import { isKustomizationFile, kustomizationIn, looksRemote, type Reference } from "../../gate/references.js";
import { openRenderCache, type RenderCache } from "../../gate/render/render-cache.js";
import { createRenderer, mapConcurrent, type Renderer, type RenderResult } from "../../gate/render/renderer.js";
import { imageEntryUnused } from "../../gate/rules/image-entry-unused.js";
import { plaintextSecretRendered } from "../../gate/rules/plaintext-secret-rendered.js";
import type { RenderedObject, RenderedRule } from "../../gate/rules/rendered-rule.js";
import {
  kustomizationSchemaFindings,
  renderedSchemaFindings,
  rootSources,
  type SchemaOptions,
  sourceSchemaFindings,
} from "../../gate/rules/schema.js";
import { sealedSecretScope } from "../../gate/rules/sealed-secret-scope.js";
import { createSchemaCatalog, type RepoCrd } from "../../gate/schema/catalog.js";
import { positionOf, type SourceFile } from "../../gate/source-files.js";
import { objectsOf, plainObjectsOf } from "../../gate/yaml-nav.js";
import type { ValidateOptions } from "../validate.js";
import type { Inventory, RenderJob } from "./discover.js";
import { renderJob, renderRefusal } from "./render-job.js";
import type { RunScope } from "./scope.js";

const RENDERED_RULES: RenderedRule[] = [sealedSecretScope, imageEntryUnused, plaintextSecretRendered];

/** What rendering and the checks on rendered and source objects found, and how much was rendered. */
export interface Checked {
  findings: Finding[];
  rendered: number;
  renderFailures: number;
  resources: number;
  renderMs: number;
  /** With a cache directory: renders read from it, and renders run. */
  renderCache?: { hits: number; misses: number };
}

/**
 * The third phase of validate: each root in scope that stays inside the repository rendered with
 * the real kustomize (as its deployer builds it), its objects checked by the rendered rules and
 * the schemas; then every source file no rendered root covered checked against the schemas.
 */
export async function renderAndCheck(scope: RunScope, found: Inventory, options: ValidateOptions): Promise<Checked> {
  const { boundary, settings, inScope, loaded } = scope;
  const { sources, sourcesByFile, patchFiles, used } = found;
  const findings: Finding[] = [];
  const progress = options.progress ?? NO_PROGRESS;
  const schema: SchemaOptions = {
    catalog: await createSchemaCatalog({
      schemaDir: options.schemaDir && path.resolve(options.dir, options.schemaDir),
      repoCrds: repoCrds(sources),
    }),
    strict: settings.strict,
    kubernetesMinor: scope.kubernetesMinor,
    placeholders: loaded.policy.placeholders,
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
  /** Files whose objects were checked as part of a rendered root (another shard's included). */
  const covered = new Set<string>(found.otherShards?.files);
  let renderMs = 0;
  let renderCache: Checked["renderCache"];
  // Nothing a root names may lead kustomize out of the repository or onto the network.
  const renderable = found.jobs.filter((job) => {
    const refusal = renderRefusal(job, found, boundary, settings.allowRemote);
    findings.push(...refusal.findings);
    return !refusal.refused;
  });
  if (renderer) {
    const renderStart = performance.now();
    progress.begin("rendering", renderable.length);
    const cache = options.cacheDir ? await openRenderCache(options.cacheDir, boundary.checkout) : undefined;
    const results = await mapConcurrent(renderable, async (job) => {
      const render = () => renderJob(renderer, boundary.checkout, job, sourcesByFile);
      const key = cache && (await cacheKey(cache, renderer, job, settings.allowRemote));
      const result = cache && key ? await cache.through(key, render) : await render();
      progress.tick();
      return result;
    });
    if (cache) {
      await cache.prune();
      renderCache = { hits: cache.hits, misses: cache.misses };
    }
    renderMs = performance.now() - renderStart;
    progress.begin("checking", results.length);
    for (const [i, result] of results.entries()) {
      progress.tick();
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
        continue;
      }
      rendered++;
      const output = build?.substitute ? substituteVariables(result.output, build.substitute) : result.output;
      const objects = loadAllPlain(output) as RenderedObject[];
      resources += objects.length;
      await schema.catalog.prepare(objects);
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
          rule({
            root,
            objects,
            sources: sourcesByFile,
            inputs: rootFiles,
            placeholders: loaded.policy.placeholders,
            build,
          }),
        );
      const substitute = build?.substitute;
      const rename = substitute && ((name: string) => substituteVariables(name, substitute));
      fromRoot(renderedSchemaFindings(objects, () => rootSources(root, rootFiles, patchFiles, rename), schema));
      for (const f of rootFiles) covered.add(f.file);
    }
    progress.end();
  }
  // A plain directory renders to its own files, which the source checks below read.
  for (const plain of found.plainRoots) {
    rendered++;
    resources += plain.files
      .flatMap((f) => plainObjectsOf(sourcesByFile.get(f) as SourceFile))
      .filter((o) => o.kind).length;
  }
  // A file beside a kustomization that no kustomization names is never deployed: not an object to check.
  const kustomizationDirs = new Set(
    sources.filter((s) => isKustomizationFile(s.file)).map((s) => path.posix.dirname(s.file)),
  );
  const unused = (file: string) => kustomizationDirs.has(path.posix.dirname(file)) && !used.has(file);
  const checkedAlone = (source: SourceFile) =>
    inScope(source.file) &&
    !patchFiles.has(source.file) &&
    !isKustomizationFile(source.file) &&
    !covered.has(source.file) &&
    !(renderer && unused(source.file));
  await schema.catalog.prepare(sources.filter(checkedAlone).flatMap(plainObjectsOf));
  for (const source of sources) {
    if (isKustomizationFile(source.file) && inScope(source.file) && !patchFiles.has(source.file))
      findings.push(...kustomizationSchemaFindings(source));
    else if (checkedAlone(source)) findings.push(...sourceSchemaFindings(source, schema));
  }
  return { findings, rendered, renderFailures, resources, renderMs, ...(renderCache && { renderCache }) };
}

/** A root with a remote input (only with --allow-remote) renders what the network says: never cached. */
async function cacheKey(
  cache: RenderCache,
  renderer: Renderer,
  job: RenderJob,
  allowRemote: boolean,
): Promise<string | undefined> {
  if (allowRemote && job.inputs.references.some((r) => looksRemote(r.value))) return undefined;
  return cache.key({
    renderer: await renderer.identity(),
    root: job.root.dir,
    build: job.build,
    limits: renderer.sandbox.limits,
    inputs: [...job.inputs.dirs, ...job.inputs.files],
  });
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

function repoCrds(sources: SourceFile[]): RepoCrd[] {
  return sources.flatMap((source) =>
    objectsOf(source, "CustomResourceDefinition").map((o) => ({
      file: source.file,
      crd: o.map.toJS(o.doc, { maxAliasCount: 100 }),
    })),
  );
}
