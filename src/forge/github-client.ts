import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck";
import { type ContentLimit, ContentPacer, GITHUB_CONTENT_LIMITS } from "./content-pacer.js";
import { backoffDelay, type RetryPolicy, sleep } from "./retry-policy.js";
import { retryingFetch } from "./retrying-fetch.js";

const Client = Octokit.plugin(throttling);
export type GitHubClient = InstanceType<typeof Client>;

/** The POSTs that make a new object each time (a PR, a comment): createOnce retries them, looking first. */
const CREATES = /\/(pulls|issues\/\d+\/comments)$/;

export interface GitHubClientOptions {
  token: string;
  /** REST base URL, without a trailing slash. */
  apiUrl: string;
  policy: RetryPolicy;
  log: (message: string) => void;
  contentLimits?: ContentLimit[];
  /** Every answer's headers (the release GitHub Enterprise Server names in each). */
  onResponse: (headers: Record<string, unknown>) => void;
  /** Awaited before the first write (the host's release checked). */
  beforeWrite: () => Promise<void>;
}

/**
 * The Octokit a GitHubForge talks through: the suite's retrying fetch (creating POSTs excepted),
 * rate-limit waits within the policy, and content-creating requests paced to GitHub's secondary
 * limits. The Forge methods live in github.ts; this is only the transport they share.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { policy, log } = options;
  const waitFor = rateLimitWaits(policy, log);
  const pacer = new ContentPacer(options.contentLimits ?? GITHUB_CONTENT_LIMITS, log);
  const paced = async (send: () => Promise<Response>) => {
    const done = await pacer.beforeWrite();
    try {
      return await send();
    } finally {
      done();
    }
  };
  const octokit = new Client({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: "gitops-ci",
    // Failures are reported by the forge with context; octokit's own request log would repeat them.
    log: { debug: () => undefined, info: () => undefined, warn: log, error: () => undefined },
    // 5xx, 429 and connection failures are retried by the suite's one retrying fetch (jittered,
    // bounded); creating POSTs are not resent blindly (createOnce looks first).
    request: {
      fetch: (url: string | URL, init: RequestInit = {}) => {
        const creates = init.method === "POST" && CREATES.test(new URL(url).pathname);
        // Paced per attempt sent, below octokit: a retried write is two writes to GitHub.
        return retryingFetch(url, init, creates ? { ...policy, maxRetries: 0 } : policy, log, (send) =>
          isWrite(url, init) ? paced(send) : send(),
        );
      },
    },
    throttle: {
      // One set-image makes one mutation per attempt and spaces retries itself; the plugin's
      // default 1 s pacing of every GraphQL call would only add latency.
      write: new Bottleneck.Group({ id: "gitops-ci-write", maxConcurrent: 1, minTime: 0 }),
      onRateLimit: waitFor("primary"),
      onSecondaryRateLimit: waitFor("secondary"),
    },
  });
  octokit.hook.after("request", (response) => options.onResponse(response.headers));
  octokit.hook.wrap("request", async (request, endpoint) => {
    if (isWriteEndpoint(endpoint)) await options.beforeWrite();
    return request(endpoint);
  });
  return octokit;
}

const MUTATION = /^\s*mutation\b/;

function isWriteEndpoint(request: { method?: string; url?: string; query?: unknown }): boolean {
  if (request.url === "/graphql") return typeof request.query === "string" && MUTATION.test(request.query);
  return request.method !== "GET" && request.method !== "HEAD";
}

/** A request GitHub counts against its content-creation limits: any REST write, a GraphQL mutation. */
function isWrite(url: string | URL, init: RequestInit): boolean {
  const method = init.method ?? "GET";
  if (method === "GET" || method === "HEAD") return false;
  if (!new URL(url).pathname.endsWith("/graphql")) return true;
  try {
    const { query } = JSON.parse(String(init.body)) as { query?: unknown };
    return typeof query === "string" && MUTATION.test(query);
  } catch {
    return true;
  }
}

/**
 * plugin-throttling's limit handlers: wait what GitHub asks, within the policy's time budget for
 * the request. A secondary-limit refusal adds a growing jittered delay on top, as GitHub asks of
 * clients refused again and again, so that jobs racing for one window do not all come back in
 * the same second.
 */
function rateLimitWaits(policy: RetryPolicy, log: (message: string) => void) {
  const waited = new WeakMap<object, number>();
  return (kind: "primary" | "secondary") =>
    async (retryAfterSeconds: number, options: { request?: object }, _octokit: unknown, retryCount: number) => {
      const asked = retryAfterSeconds * 1000;
      const jitter = kind === "secondary" ? backoffDelay(policy, retryCount) : 0;
      const key = options.request ?? options;
      const total = (waited.get(key) ?? 0) + asked + jitter;
      if (asked > policy.maxRateLimitWaitMs || total > policy.maxRateLimitTotalWaitMs) {
        log(`GitHub ${kind} rate limit: not waiting ${retryAfterSeconds}s`);
        return false;
      }
      log(`GitHub ${kind} rate limit: waiting ${((asked + jitter) / 1000).toFixed(1)}s`);
      waited.set(key, total);
      await sleep(jitter);
      return true;
    };
}
