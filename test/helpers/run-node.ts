import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The CLI bundle, as users and the components run it (e2e tests). */
export const CLI = path.join(REPO_ROOT, "dist/cli/index.js");
/** The CLI's source, which the CLI tests run, so an edit in src/ is tested before any rebuild. */
export const CLI_SOURCE = path.join(REPO_ROOT, "src/entrypoints/cli.ts");
/** tsx's loader, by absolute URL: tests run processes in other working directories. */
const TSX = import.meta.resolve("tsx");

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** node's argv for a script: TypeScript sources through tsx, bundles as they are. */
export function nodeArgs(script: string): string[] {
  return script.endsWith(".ts") ? ["--import", TSX, script] : [script];
}

/** Runs a node script as its own process, the way the CLI and the runner run the bundles. */
export function runNode(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): ProcessResult {
  const result = spawnSync(process.execPath, [...nodeArgs(script), ...args], {
    encoding: "utf8",
    cwd: options.cwd,
    env: options.env ?? { PATH: process.env.PATH },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI from source (see CLI_SOURCE); e2e tests run the bundle through runNode(CLI, …). */
export function runCli(args: string[], cwd?: string): ProcessResult {
  return runNode(CLI_SOURCE, args, { cwd });
}

/** runNode without blocking: for many processes at once, or a server in this same process. */
export function runNodeAsync(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs(script), ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
