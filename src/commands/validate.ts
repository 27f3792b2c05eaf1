import type { FailOn, Finding } from "../gate/finding.js";
import type { Progress } from "../gate/progress.js";
import type { RendererChoice } from "../gate/render/renderer.js";
import type { RenderLimits } from "../gate/render/sandbox.js";
import type { ValidateSummary } from "../gate/reporters/report.js";
import type { ParseLimits, ReadOptions } from "../gate/source-files.js";
import type { Shard } from "../gate/shards/shard.js";
import type { PartialReport } from "../gate/shards/partial-report.js";
import type { ThreadOptions } from "../gate/threads/read-files.js";
import { discover } from "./validate/discover.js";
import { shareOf } from "./validate/share.js";
import { renderAndCheck } from "./validate/render-and-check.js";
import { type EffectiveSettings, scopeOf } from "./validate/scope.js";
import { runStart, summarise } from "./validate/summarise.js";

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
  /** Keep renders here, keyed by the content of every input: a later run re-renders only what changed. */
  cacheDir?: string;
  /** Check only this shard's share of the roots (balanced by their input bytes); see ValidateResult.partial. */
  shard?: Shard;
  /** Where a long run says how far it is (stderr; nothing by default). */
  progress?: Progress;
  /**
   * Worker threads that read and check a share of a large repository's files (see
   * src/gate/threads/); without it every file is read in this thread.
   */
  threads?: ThreadOptions;
  /** How files are parsed (the fast loader unless `exact`); see ReadOptions. */
  parse?: ReadOptions;
  /** Bounds on parsing and rendering (defaults: DEFAULT_PARSE_LIMITS, DEFAULT_RENDER_LIMITS). */
  limits?: { parse?: Partial<ParseLimits>; render?: Partial<RenderLimits> };
}

export interface ValidateResult {
  findings: Finding[];
  summary: ValidateSummary;
  /** Whether findings at or above failOn exist: the gate's verdict. */
  failed: boolean;
  failOn: FailOn;
  /**
   * Wall-clock milliseconds of rendering (all roots, in parallel) and of the whole run, and the
   * CPU milliseconds of the whole run in every thread of the process (renderers run elsewhere).
   */
  timings: { renderMs: number; totalMs: number; cpuMs: number };
  /** With cacheDir: renders read from the cache, and renders run. */
  renderCache?: { hits: number; misses: number };
  /** How many threads read the files, and the files' bytes (see ValidateOptions.threads). */
  read: { threads: number; bytes: number };
  /** The checkout's path in its git repository ("" at the top): what code scanning and checks resolve paths against. */
  repoPath: string;
  settings: EffectiveSettings;
  /** Every root and how it is rendered, as --list-roots prints it. */
  roots: RootPlan[];
  /** With a shard: what it found, for validate --merge-reports to combine with the other shards'. */
  partial?: PartialReport;
}

export interface RootPlan {
  dir: string;
  how: string;
}

/**
 * The merge gate over a checkout, in four phases (src/commands/validate/): the scope (policy,
 * settings, the files), discovery (every file parsed and checked at its own lines, the roots
 * found), rendering and checking (each root with the real kustomize, its objects against the
 * rules and schemas), and the summary (policy applied, findings deduplicated, the verdict).
 */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const started = runStart();
  const scope = await scopeOf(options);
  const everything = await discover(scope, { read: options.parse, threads: options.threads });
  const found = options.shard ? shareOf(everything, options.shard) : everything;
  const checked = await renderAndCheck(scope, found, options);
  return summarise(scope, found, checked, options, started);
}
