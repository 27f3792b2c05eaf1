import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = path.join(REPO_ROOT, "dist/cli/index.js");

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a node script as its own process, the way the CLI and the runner run the bundles. */
export function runNode(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): ProcessResult {
  const result = spawnSync(process.execPath, [script, ...args], {
    encoding: "utf8",
    cwd: options.cwd,
    env: options.env ?? { PATH: process.env.PATH },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runCli(args: string[], cwd?: string): ProcessResult {
  return runNode(CLI, args, { cwd });
}

/** runNode without blocking: for many processes at once, or a server in this same process. */
export function runNodeAsync(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
