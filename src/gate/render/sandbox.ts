import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What one render may use; past any of them it stops and the root gets a render-limit finding. */
export interface RenderLimits {
  /** Wall time. */
  timeoutMs: number;
  /** Bytes of rendered output. */
  maxOutputBytes: number;
  /** Address space of the renderer process (Linux, through prlimit). */
  maxMemoryBytes: number;
}

export const DEFAULT_RENDER_LIMITS: RenderLimits = {
  timeoutMs: 120_000,
  maxOutputBytes: 64 * 1024 * 1024,
  maxMemoryBytes: 2 * 1024 * 1024 * 1024,
};

export type LimitName = "time" | "output" | "memory";

export type SandboxOutcome = { ok: true; stdout: string } | { ok: false; stderr: string; limit?: LimitName };

/** How renders are walled off on this machine: found once, used for every root. */
export interface Sandbox {
  /** prlimit is there: the memory bound holds. */
  memoryBound: boolean;
  /** Renders run in a network namespace of their own (unshare): nothing they do reaches a host. */
  networkIsolated: boolean;
  limits: RenderLimits;
  run(binary: string, args: string[]): Promise<SandboxOutcome>;
}

async function works(binary: string, args: string[]): Promise<boolean> {
  try {
    await run(binary, args, { timeout: 10_000, env: { PATH: process.env.PATH ?? "" } });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a renderer as repository content demands: an environment of PATH and a fresh empty HOME
 * only (no token, no CI variables for a kustomization to read through /proc/self/environ), no
 * git transport, bounded in time, output and memory, and without network when the machine lets
 * an unprivileged process make a network namespace (`allowNetwork` turns that off).
 */
export async function createSandbox(options: {
  limits?: Partial<RenderLimits>;
  allowNetwork: boolean;
}): Promise<Sandbox> {
  const limits = { ...DEFAULT_RENDER_LIMITS, ...options.limits };
  const memoryBound = process.platform === "linux" && (await works("prlimit", ["--as=1073741824", "--", "true"]));
  const networkIsolated =
    !options.allowNetwork && process.platform === "linux" && (await works("unshare", ["-rn", "true"]));
  const wrap = (binary: string, args: string[]): [string, string[]] => {
    let command: [string, string[]] = [binary, args];
    if (networkIsolated) command = ["unshare", ["-rn", "--", command[0], ...command[1]]];
    if (memoryBound) command = ["prlimit", [`--as=${limits.maxMemoryBytes}`, "--", command[0], ...command[1]]];
    return command;
  };
  return {
    memoryBound,
    networkIsolated,
    limits,
    async run(binary, args) {
      const home = await mkdtemp(path.join(tmpdir(), "gitops-ci-render-"));
      const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home };
      if (!options.allowNetwork) Object.assign(env, { GIT_ALLOW_PROTOCOL: "none", GIT_CONFIG_NOSYSTEM: "1" });
      const [command, argv] = wrap(binary, args);
      try {
        const { stdout } = await run(command, argv, {
          env,
          cwd: home,
          maxBuffer: limits.maxOutputBytes,
          timeout: limits.timeoutMs,
          killSignal: "SIGKILL",
        });
        return { ok: true, stdout };
      } catch (error) {
        const failure = error as {
          stderr?: string;
          code?: unknown;
          killed?: boolean;
          signal?: string;
          message: string;
        };
        const stderr = String(failure.stderr ?? failure.message);
        return { ok: false, stderr, limit: limitOf(failure, stderr, memoryBound) };
      } finally {
        await rm(home, { recursive: true, force: true });
      }
    },
  };
}

function limitOf(
  failure: { code?: unknown; killed?: boolean; signal?: string },
  stderr: string,
  memoryBound: boolean,
): LimitName | undefined {
  if (failure.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") return "output";
  if (failure.killed && failure.signal === "SIGKILL") return "time";
  // Go reports a failed allocation under RLIMIT_AS as "out of memory", or dies reserving arenas.
  if (
    memoryBound &&
    (/out of memory|cannot allocate memory|failed to reserve/i.test(stderr) || failure.signal === "SIGSEGV")
  )
    return "memory";
  return undefined;
}
