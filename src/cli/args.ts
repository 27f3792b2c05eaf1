import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "../errors.js";

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** node's parseArgs, strict, with its errors turned into usage errors that name the command. */
export function parseFlags<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.replace(/\. To specify .*$/s, "")} (see gitops-ci ${command} --help)`,
    );
  }
}
