import { UsageError } from "../errors.js";
import { redact, registerSecret } from "../secrets.js";
import type { ContentLimit } from "./content-pacer.js";
import type { Forge, ForgeKind } from "./forge.js";
import { GitHubForge } from "./github.js";
import { GitLabForge } from "./gitlab.js";
import type { RetryPolicy } from "./retry-policy.js";

export interface ForgeConnectionOptions {
  repo: string;
  kind?: ForgeKind;
  /** REST base URL; by default the runner's (GITHUB_API_URL, CI_API_V4_URL) or the public host's. */
  apiUrl?: string;
  token: string;
  env?: NodeJS.ProcessEnv;
  retry?: RetryPolicy;
  log?: (message: string) => void;
  /** GitHub: pacing of content-creating requests (its secondary limits by default). */
  contentLimits?: ContentLimit[];
}

/** The forge the runner implies: GitHub Actions, GitLab CI, or a GitLab-looking API URL. */
export function detectForgeKind(env: NodeJS.ProcessEnv, apiUrl?: string): ForgeKind {
  if (apiUrl?.includes("/api/v4")) return "gitlab";
  if (env.GITHUB_ACTIONS === "true") return "github";
  if (env.GITLAB_CI === "true") return "gitlab";
  if (apiUrl) return "github";
  throw new UsageError("cannot tell whether the config repo is on GitHub or GitLab: give --forge github|gitlab");
}

/**
 * The token from the environment: the variable named by --token-variable, else GITOPS_TOKEN, else the
 * forge's usual one (GITHUB_TOKEN, GITLAB_TOKEN). Registered for redaction the moment it is read.
 */
export function readToken(kind: ForgeKind, env: NodeJS.ProcessEnv, tokenEnv?: string): string {
  const names = tokenEnv ? [tokenEnv] : ["GITOPS_TOKEN", kind === "github" ? "GITHUB_TOKEN" : "GITLAB_TOKEN"];
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) {
      registerSecret(value);
      return value;
    }
  }
  throw new UsageError(
    `no token for the config repo: set ${names.join(" or ")} (the token itself never goes on the command line)`,
  );
}

/**
 * An API URL with `user:password@` would send that password to the host on every request and
 * print it in every error: it is registered for redaction at once and refused.
 */
export function checkApiUrl(url: string, shown: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${shown} is not a URL`);
  }
  if (parsed.username || parsed.password) {
    for (const part of [parsed.password, parsed.username, decodeURIComponent(parsed.password)]) registerSecret(part);
    throw new UsageError(
      `${shown} carries credentials (${redact(url)}): remove them; the token goes in GITOPS_TOKEN (or --token-variable), never in a URL`,
    );
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new UsageError(`${shown} must be an http(s) URL, not ${parsed.protocol}`);
  return url;
}

export function connectForge(options: ForgeConnectionOptions): Forge {
  const env = options.env ?? process.env;
  const kind = options.kind ?? detectForgeKind(env, options.apiUrl);
  registerSecret(options.token);
  if (options.apiUrl) checkApiUrl(options.apiUrl, "--api-url");
  if (kind === "github") {
    const fromEnv = !options.apiUrl && env.GITHUB_API_URL;
    const apiUrl = options.apiUrl ?? env.GITHUB_API_URL ?? "https://api.github.com";
    return new GitHubForge({
      repo: options.repo,
      token: options.token,
      apiUrl: checkApiUrl(apiUrl, options.apiUrl ? "--api-url" : "GITHUB_API_URL"),
      graphqlUrl: fromEnv ? env.GITHUB_GRAPHQL_URL : undefined,
      retry: options.retry,
      log: options.log,
      contentLimits: options.contentLimits,
    });
  }
  const serverApi = env.CI_API_V4_URL ?? (env.CI_SERVER_URL ? `${env.CI_SERVER_URL}/api/v4` : undefined);
  return new GitLabForge({
    repo: options.repo,
    token: options.token,
    apiUrl: checkApiUrl(
      options.apiUrl ?? serverApi ?? "https://gitlab.com/api/v4",
      options.apiUrl ? "--api-url" : "CI_API_V4_URL",
    ),
    graphqlUrl: options.apiUrl ? undefined : env.CI_API_GRAPHQL_URL,
    retry: options.retry,
    log: options.log,
  });
}
