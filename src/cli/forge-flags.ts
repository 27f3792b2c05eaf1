import type { Forge, ForgeKind } from "../forge/forge.js";
import { oneOf } from "../options.js";
import { redact } from "../secrets.js";
import type { Options } from "./args.js";

/** The flags every command that talks to the config repo's host takes (besides --repo). */
export const FORGE_FLAGS: Options = {
  forge: { type: "string" },
  "api-url": { type: "string" },
  "token-env": { type: "string" },
};

const FORGES: ForgeKind[] = ["github", "gitlab"];

/** Writes a progress line to stderr, secrets redacted. */
export const logLine = (line: string) => process.stderr.write(`${redact(line)}\n`);

/**
 * The forge the flags name: --forge (else detected from the runner or --api-url), the token from
 * --token-env (else GITOPS_TOKEN, then the host's usual variable), masked as it is read. The API
 * clients load only here, so commands that never call a host start faster.
 */
export async function forgeFromFlags(repo: string, values: Record<string, unknown>): Promise<Forge> {
  const { connectForge, detectForgeKind, readToken } = await import("../forge/connect.js");
  const apiUrl = values["api-url"] as string | undefined;
  const kind =
    values.forge === undefined
      ? detectForgeKind(process.env, apiUrl)
      : oneOf("--forge", values.forge as string, FORGES);
  const token = readToken(kind, process.env, values["token-env"] as string | undefined);
  return connectForge({ repo, kind, apiUrl, token, log: logLine });
}
