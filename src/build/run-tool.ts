import { spawn } from "node:child_process";
import { redact } from "../secrets.js";
import { BuildError } from "./builder.js";

/**
 * Runs a builder command with its output streamed to stderr (redacted), so a failing build shows
 * the builder's own messages; `input` goes to stdin (passwords). Rejects with BuildError.
 */
export function runTool(
  command: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let tail = "";
    const forward = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      if (!options.quiet) process.stderr.write(redact(text));
    };
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      forward(chunk);
    });
    child.stderr.on("data", forward);
    child.on("error", (error) =>
      reject(
        new BuildError(
          `${command} could not start (${(error as NodeJS.ErrnoException).code ?? error.message}); is it installed?`,
        ),
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else {
        const last = redact(tail.trim().split("\n").at(-1) ?? "");
        reject(new BuildError(`${command} ${args[0]} failed (exit ${code}): ${last}`));
      }
    });
    child.stdin.end(options.input ?? "");
  });
}
