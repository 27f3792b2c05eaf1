import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { access, constants, mkdtemp, rm, writeFile } from "node:fs/promises";
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
  /**
   * What decides its output besides the inputs: the command, its version and the binary's own
   * hash (Debian's kustomize says only "(devel)"). Computed once, on first use: a render cache key.
   */
  identity(): Promise<string>;
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
  let identity: Promise<string> | undefined;
  return {
    name: `${binary} ${command.join(" ")}`,
    sandbox,
    identity: () => (identity ??= binaryIdentity(binary)),
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

async function binaryIdentity(binary: string): Promise<string> {
  const env = { PATH: process.env.PATH ?? "" };
  const { stdout } = await run(binary, binary === "kubectl" ? ["version", "--client"] : ["version"], {
    timeout: 10_000,
    env,
  });
  const file = await resolveOnPath(binary, env.PATH);
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `${binary} ${stdout.trim()} sha256:${hash.digest("hex")}`;
}

async function resolveOnPath(binary: string, searchPath: string): Promise<string> {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, binary);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new UsageError(`${binary} ran but is not on PATH as a file; the render cache cannot tell its version`);
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
