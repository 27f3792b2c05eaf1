import { proxyAwareFetch } from "./http.js";
import { retry } from "../retry.js";
import { planOf, type RetryPolicy } from "./retry-policy.js";

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
 * what the server asks (within the policy's bound). Other responses are returned as they are;
 * when the policy allows no more attempts, so is the last one (or its error thrown).
 */
export async function retryingFetch(
  url: string | URL,
  init: RequestInit,
  policy: RetryPolicy,
  log: (message: string) => void = () => undefined,
  /** Wraps every attempt sent: a host's limit counts each one, retries included. */
  eachAttempt: (send: () => Promise<Response>) => Promise<Response> = (send) => send(),
): Promise<Response> {
  let last: { response?: Response; failure?: unknown } = {};
  return retry<Response>(
    {
      ...planOf(policy),
      onWait: (n, delay, why) =>
        log(`${init.method ?? "GET"} ${new URL(url).pathname}: ${why}; retry ${n} in ${delay} ms`),
    },
    async () => {
      await last.response?.body?.cancel();
      let response: Response;
      try {
        response = await eachAttempt(() => proxyAwareFetch(url, init, policy.requestTimeoutMs));
      } catch (failure) {
        last = { failure };
        return { done: false, why: (failure as Error).message };
      }
      last = { response };
      if (response.status !== 429 && !TRANSIENT.has(response.status)) return { done: true, value: response };
      const waitMs = response.status === 429 ? requestedWaitMs(response.headers) : undefined;
      return { done: false, why: String(response.status), waitMs };
    },
    () => {
      if (last.response) return last.response;
      throw last.failure;
    },
  );
}
