import * as core from "@actions/core";
import { GitopsCiError } from "../errors.js";

/**
 * Runs an action's body the way the GitHub runner expects: failures become an `::error::`
 * annotation and exit code 1 through core.setFailed; a non-suite error keeps its stack in debug.
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof GitopsCiError)) core.debug((error as Error).stack ?? String(error));
    core.setFailed((error as Error).message);
  }
}

/** A list input: one item a line (YAML `|` blocks), blank lines and surrounding spaces dropped. */
export function getListInput(name: string): string[] {
  return core
    .getMultilineInput(name)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
