import { NotImplementedError } from "../errors.js";
import type { CliCommand } from "./command.js";

/** A command that is declared everywhere but not built yet: it fails loudly, never succeeds silently. */
export function plannedCommand(name: string, summary: string): CliCommand {
  return {
    name,
    summary: `${summary} (not implemented yet)`,
    help: `Usage: gitops-ci ${name}\n\n${summary}.\n\nNot implemented yet in this version: it exits 1 and does nothing.`,
    async run() {
      throw new NotImplementedError(name);
    },
  };
}
