import { GitopsCiError } from "../errors.js";
import { redact } from "../secrets.js";
import type { CliCommand, CliRuntime } from "./command.js";
import { buildPushCli } from "./build-push.js";
import { diffCli } from "./diff.js";
import { promoteCli } from "./promote.js";
import { releaseCli } from "./release.js";
import { setImageCli } from "./set-image.js";
import { validateCli } from "./validate.js";

export const COMMANDS: CliCommand[] = [buildPushCli, setImageCli, promoteCli, validateCli, diffCli, releaseCli];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: gitops-ci <command> [flags]",
    "",
    "GitOps steps for CI: images in, config-repo commits out, no cluster credentials.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run gitops-ci <command> --help for its flags.",
  ].join("\n");
}

/** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 usage error. */
export async function runCli(argv: string[], runtime: CliRuntime = {}): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`gitops-ci: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  if (args.includes("-h") || args.includes("--help")) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(args, runtime);
  } catch (error) {
    if (error instanceof GitopsCiError) {
      process.stderr.write(`gitops-ci ${name}: ${redact(error.message)}\n`);
      return error.exitCode;
    }
    process.stderr.write(`gitops-ci ${name}: unexpected error: ${redact((error as Error).stack ?? String(error))}\n`);
    return 1;
  }
}
