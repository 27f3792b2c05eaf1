import type { Forge, ForgeKind } from "../forge/forge.js";
import { redact } from "../secrets.js";

/** Writes a progress line to stderr, secrets redacted. */
export const logLine = (line: string) => process.stderr.write(`${redact(line)}\n`);

/** The options every command that talks to the config repo's host has (checked by its table). */
export interface ForgeValues {
  forge?: ForgeKind;
  "api-url"?: string;
  "token-variable"?: string;
}

/**
 * The forge the flags name: --forge (else detected from the runner or --api-url), the token from
 * --token-variable (else GITOPS_TOKEN, then the host's usual variable), masked as it is read. The
 * API clients load only here, so commands that never call a host start faster.
 */
export async function forgeFromFlags(repo: string, values: ForgeValues): Promise<Forge> {
  const { connectForge, detectForgeKind, readToken } = await import("../forge/connect.js");
  const apiUrl = values["api-url"];
  const kind = values.forge ?? detectForgeKind(process.env, apiUrl);
  const token = readToken(kind, process.env, values["token-variable"]);
  return connectForge({ repo, kind, apiUrl, token, log: logLine });
}
