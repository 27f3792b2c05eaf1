import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { UsageError } from "../../errors.js";
import { createSandbox, type LimitName, type RenderLimits, type Sandbox } from "./sandbox.js";

const run = promisify(execFile);

export type RendererChoice = "auto" | "kustomize" | "kubectl" | "none";

export type RenderResult = { ok: true; output: string } | { ok: false; error: string; limit?: LimitName };

/** Renders one kustomization directory as the deployer does. */
export interface Renderer {
  readonly name: string;
  readonly sandbox: Sandbox;
  /** Renders `dir` (relative to `checkout`); error messages name paths relative to the checkout. */
  render(checkout: string, dir: string): Promise<RenderResult>;
  /**
   * Renders a kustomization the gate writes (a deployer's overlay) in a directory of its own:
   * `write` gets that directory and returns the kustomization; error messages name it `asDir`.
   */
  renderOverlay(checkout: string, write: (dir: string) => string, asDir: string): Promise<RenderResult>;
}

export interface RendererOptions {
  limits?: Partial<RenderLimits>;
  /** Let renders reach the network (remote bases): repository content then makes the runner fetch URLs. */
  allowRemote?: boolean;
}

/** The longest renderer message a finding carries: enough for kustomize's error, not for a dump. */
const MAX_ERROR_CHARS = 400;

async function onPath(binary: string): Promise<boolean> {
  try {
    await run(binary, ["version"], { timeout: 10_000, env: { PATH: process.env.PATH ?? "" } });
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code !== "ENOENT";
  }
}

/**
 * The real kustomize: `kustomize build`, else `kubectl kustomize`, with
 * `--load-restrictor LoadRestrictionsNone` as Flux renders (the gate itself keeps every path
 * inside the repository), in the sandbox. Undefined for `none`.
 */
export async function createRenderer(
  choice: RendererChoice,
  options: RendererOptions = {},
): Promise<Renderer | undefined> {
  if (choice === "none") return undefined;
  const sandbox = await createSandbox({ limits: options.limits, allowNetwork: options.allowRemote ?? false });
  const kustomize = (choice === "auto" || choice === "kustomize") && (await onPath("kustomize"));
  if (kustomize) return binaryRenderer("kustomize", ["build"], sandbox);
  if (choice === "kustomize") throw new UsageError("--renderer kustomize: no kustomize on PATH");
  if (await onPath("kubectl")) return binaryRenderer("kubectl", ["kustomize"], sandbox);
  throw new UsageError(
    "no renderer found: install kustomize or kubectl, or pass --renderer none to check the raw files only",
  );
}

function binaryRenderer(binary: string, command: string[], sandbox: Sandbox): Renderer {
  const build = async (checkout: string, absolute: string): Promise<RenderResult> => {
    const outcome = await sandbox.run(binary, [...command, absolute, "--load-restrictor", "LoadRestrictionsNone"]);
    if (outcome.ok) return { ok: true, output: outcome.stdout };
    if (outcome.limit) return { ok: false, error: limitMessage(outcome.limit, sandbox.limits), limit: outcome.limit };
    return { ok: false, error: kustomizeError(outcome.stderr, checkout) };
  };
  return {
    name: `${binary} ${command.join(" ")}`,
    sandbox,
    render: (checkout, dir) => build(checkout, path.resolve(checkout, dir)),
    async renderOverlay(checkout, write, asDir) {
      const dir = await mkdtemp(path.join(tmpdir(), "gitops-ci-overlay-"));
      try {
        await writeFile(path.join(dir, "kustomization.yaml"), write(dir));
        const result = await build(checkout, dir);
        return result.ok ? result : { ...result, error: result.error.replaceAll(dir, asDir) };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

function limitMessage(limit: LimitName, limits: RenderLimits): string {
  if (limit === "time") return `the render ran past its time limit (${limits.timeoutMs / 1000} s) and was stopped`;
  if (limit === "output") return `the render printed more than its output limit (${bytes(limits.maxOutputBytes)})`;
  return `the render needed more than its memory limit (${bytes(limits.maxMemoryBytes)})`;
}

function bytes(count: number): string {
  if (count >= 1024 * 1024) return `${Math.round(count / (1024 * 1024))} MiB`;
  return count >= 1024 ? `${Math.round(count / 1024)} KiB` : `${count} bytes`;
}

/**
 * kustomize's own error, as one bounded line: the `Error:` line of kustomize (or the `err=` of
 * kubectl's klog line), not the deprecation warnings before it, with paths of this machine made
 * relative to the checkout.
 */
export function kustomizeError(stderr: string, checkout: string): string {
  const lines = stderr.split("\n").map((l) => l.trim());
  const klog = lines.map((l) => /"command failed" err="(.*)"$/.exec(l)?.[1]).find(Boolean) ?? klogBlock(lines);
  const plain = lines.find((l) => l.startsWith("Error: "))?.slice("Error: ".length);
  const other = lines.find((l) => l.length > 0 && !l.startsWith("# Warning:") && !l.startsWith("Warning:"));
  const message = (klog ? klog.replaceAll('\\"', '"') : (plain ?? other ?? "kustomize failed"))
    .replaceAll(`${path.resolve(checkout)}/`, "")
    .replaceAll(path.resolve(checkout), ".");
  return message.length > MAX_ERROR_CHARS ? `${message.slice(0, MAX_ERROR_CHARS)}…` : message;
}

/** klog prints a multi-line error as `err=<`, the lines, then `>`: they are joined into one. */
function klogBlock(lines: string[]): string | undefined {
  const start = lines.findIndex((l) => /"command failed" err=<$/.test(l));
  if (start < 0) return undefined;
  const end = lines.indexOf(">", start);
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter(Boolean)
    .join(" ");
}

/** Runs `work` over items with at most `limit` at a time (all cores by default). */
export async function mapConcurrent<T, R>(
  items: T[],
  work: (item: T) => Promise<R>,
  limit = availableParallelism(),
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
