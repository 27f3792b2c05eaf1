import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { UsageError } from "../errors.js";

const run = promisify(execFile);

export type RendererChoice = "auto" | "kustomize" | "kubectl" | "none";

export type RenderResult = { ok: true; output: string } | { ok: false; error: string };

/** Renders one kustomization directory as the deployer does. */
export interface Renderer {
  readonly name: string;
  /** Renders `dir` (relative to `checkout`); error messages name paths relative to the checkout. */
  render(checkout: string, dir: string): Promise<RenderResult>;
}

async function onPath(binary: string): Promise<boolean> {
  try {
    await run(binary, ["version"], { timeout: 10_000 });
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code !== "ENOENT";
  }
}

/**
 * The real kustomize: `kustomize build`, else `kubectl kustomize`, with
 * `--load-restrictor LoadRestrictionsNone` as Flux renders. Undefined for `none`.
 */
export async function createRenderer(choice: RendererChoice): Promise<Renderer | undefined> {
  if (choice === "none") return undefined;
  const kustomize = (choice === "auto" || choice === "kustomize") && (await onPath("kustomize"));
  if (kustomize) return binaryRenderer("kustomize", ["build"]);
  if (choice === "kustomize") throw new UsageError("--renderer kustomize: no kustomize on PATH");
  if (await onPath("kubectl")) return binaryRenderer("kubectl", ["kustomize"]);
  throw new UsageError(
    "no renderer found: install kustomize or kubectl, or pass --renderer none to check the raw files only",
  );
}

function binaryRenderer(binary: string, command: string[]): Renderer {
  return {
    name: `${binary} ${command.join(" ")}`,
    async render(checkout, dir) {
      try {
        const { stdout } = await run(
          binary,
          [...command, path.join(checkout, dir), "--load-restrictor", "LoadRestrictionsNone"],
          {
            maxBuffer: 256 * 1024 * 1024,
            timeout: 120_000,
          },
        );
        return { ok: true, output: stdout };
      } catch (error) {
        const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message);
        return { ok: false, error: cleanKustomizeError(stderr, checkout) };
      }
    },
  };
}

/** kustomize's message without klog prefixes and absolute paths of this machine. */
function cleanKustomizeError(stderr: string, checkout: string): string {
  const line = stderr
    .split("\n")
    .map((l) =>
      l
        .replace(/^E\d{4} [\d:.]+\s+\d+ \S+\] "command failed" err=/, "")
        .replace(/^Error: /, "")
        .trim(),
    )
    .find((l) => l.length > 0);
  return (line ?? "kustomize failed").replaceAll(`${path.resolve(checkout)}/`, "").replace(/^"|"$/g, "");
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
