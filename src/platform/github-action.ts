import * as core from "@actions/core";
import { GitopsCiError, UsageError } from "../errors.js";

/**
 * Runs an action's body the way the GitHub runner expects: failures become an `::error::`
 * annotation and exit code 1 through core.setFailed (2 for a usage error, as the CLI); a non-suite
 * error keeps its stack in debug.
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof GitopsCiError)) core.debug((error as Error).stack ?? String(error));
    core.setFailed((error as Error).message);
    // The same exit codes as the CLI: the runner fails the step on any, people and scripts read them.
    if (error instanceof UsageError) process.exitCode = 2;
  }
}
