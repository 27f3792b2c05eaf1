import { proxyAwareFetch } from "./http.js";
import { backoffDelay, mayRetry, type RetryPolicy, sleep } from "./retry-policy.js";

const TRANSIENT = new Set([500, 502, 503, 504]);

/** How long the server asked us to wait (Retry-After seconds or date, RateLimit-Reset epoch), in ms. */
export function requestedWaitMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get("ratelimit-reset") ?? headers.get("x-ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
}

/**
 * fetch with the suite's retry policy: 5xx and connection errors get jittered backoff, 429s wait
 * what the server asks (within the policy's bound). Other responses are returned as they are.
 */
export async function retryingFetch(
  url: string | URL,
  init: RequestInit,
  policy: RetryPolicy,
  log: (message: string) => void = () => undefined,
): Promise<Response> {
  const startedAt = Date.now();
  for (let retry = 0; ; retry++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      response = await proxyAwareFetch(url, init, policy.requestTimeoutMs);
    } catch (error) {
      failure = error;
    }
    if (response && response.status !== 429 && !TRANSIENT.has(response.status)) return response;
    const asked = response?.status === 429 ? requestedWaitMs(response.headers) : undefined;
    const delay = asked ?? backoffDelay(policy, retry);
    const tooLong = asked !== undefined && asked > policy.maxRateLimitWaitMs;
    if (tooLong || !mayRetry(policy, retry, startedAt, delay)) {
      if (response) return response;
      throw failure;
    }
    await response?.body?.cancel();
    log(
      `${init.method ?? "GET"} ${new URL(url).pathname}: ${response ? response.status : (failure as Error).message}; retry ${retry + 1} in ${delay} ms`,
    );
    await sleep(delay);
  }
}
