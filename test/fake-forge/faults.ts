/**
 * Faults injected per endpoint, as tests and benchmarks configure them through
 * `POST /_forge/faults`. A rule applies to requests whose endpoint key ("POST /github/api/graphql")
 * equals `endpoint` (or any request for "*"), on every Nth matching request, at most `times` times.
 */
export interface FaultRule {
  endpoint: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Destroy the connection without an answer. */
  reset?: boolean;
  /**
   * Handle the request for real, then answer with the fault: the write happened but the client
   * sees a failure (a 502 from a proxy after the host committed), which is what makes retries
   * of creating POSTs dangerous.
   */
  afterHandling?: boolean;
  /** Wait before handling (or before answering with the fault). */
  delayMs?: number;
  everyNth?: number;
  times?: number;
  /** Canned real-world answers: rate limits with the headers GitHub and GitLab send. */
  preset?: "github-secondary-rate-limit" | "github-primary-rate-limit" | "gitlab-rate-limit";
}

export interface FaultDecision {
  delayMs: number;
  reset: boolean;
  afterHandling: boolean;
  response?: { status: number; body: unknown; headers: Record<string, string> };
}

interface ActiveRule extends FaultRule {
  seen: number;
  fired: number;
}

export class Faults {
  private rules: ActiveRule[] = [];

  set(rules: FaultRule[]): void {
    this.rules = rules.map((r) => ({ ...r, seen: 0, fired: 0 }));
  }

  clear(): void {
    this.rules = [];
  }

  decide(endpoint: string, now = Date.now()): FaultDecision {
    const decision: FaultDecision = { delayMs: 0, reset: false, afterHandling: false };
    for (const rule of this.rules) {
      if (rule.endpoint !== "*" && rule.endpoint !== endpoint) continue;
      rule.seen++;
      if (rule.everyNth && rule.seen % rule.everyNth !== 0) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      rule.fired++;
      decision.delayMs += rule.delayMs ?? 0;
      if (rule.reset) decision.reset = true;
      if (rule.afterHandling) decision.afterHandling = true;
      const canned = rule.preset ? preset(rule.preset, now) : undefined;
      if (canned || rule.status) {
        decision.response = {
          status: rule.status ?? canned?.status ?? 500,
          body: rule.body ?? canned?.body ?? { message: "injected fault" },
          headers: { ...canned?.headers, ...rule.headers },
        };
      }
    }
    return decision;
  }
}

function preset(
  name: NonNullable<FaultRule["preset"]>,
  now: number,
): { status: number; headers: Record<string, string>; body: unknown } {
  const reset = String(Math.ceil(now / 1000) + 1);
  switch (name) {
    case "github-secondary-rate-limit":
      return {
        status: 403,
        headers: { "retry-after": "1" },
        body: {
          message:
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
          documentation_url:
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
          status: "403",
        },
      };
    case "github-primary-rate-limit":
      return {
        status: 403,
        headers: {
          "x-ratelimit-limit": "5000",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-used": "5000",
          "x-ratelimit-reset": reset,
        },
        body: {
          message: "API rate limit exceeded for user ID 1.",
          documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
          status: "403",
        },
      };
    case "gitlab-rate-limit":
      return {
        status: 429,
        headers: { "retry-after": "1", "ratelimit-limit": "600", "ratelimit-remaining": "0", "ratelimit-reset": reset },
        body: "Retry later\n",
      };
  }
}
