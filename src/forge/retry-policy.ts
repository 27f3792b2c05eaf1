import type { RetryPlan } from "../retry.js";

/**
 * How transient failures (5xx, connection resets, rate limits) are retried: with full-jitter
 * exponential backoff, bounded both in attempts and in total time, so that a CI job never hangs.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** No retry is started once this much time has passed since the first attempt. */
  maxElapsedMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest rate-limit wait (retry-after, x-ratelimit-reset) that is waited out. */
  maxRateLimitWaitMs: number;
  /**
   * The most one request spends waiting out rate limits over all its retries. Waits the host asks
   * for are bounded by time, not by `maxRetries`: jobs racing for one limit each get refused many
   * times while the others land, and every refusal is a short, host-named wait.
   */
  maxRateLimitTotalWaitMs: number;
  /** One attempt that has not answered by then is abandoned (and retried): a hung host never hangs a job. */
  requestTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 5,
  maxElapsedMs: 60_000,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRateLimitWaitMs: 60_000,
  maxRateLimitTotalWaitMs: 180_000,
  requestTimeoutMs: 30_000,
};

/** Full jitter: a random delay in [0, min(cap, base * 2^retry)), never below 1 ms. */
export function backoffDelay(
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  retry: number,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.max(1, Math.floor(random() * ceiling));
}

/** The policy as a retry plan (src/retry.ts): its attempts, time bound, backoff and longest rate-limit wait. */
export function planOf(policy: RetryPolicy): RetryPlan {
  return {
    maxRetries: policy.maxRetries,
    deadlineMs: policy.maxElapsedMs,
    backoff: policy,
    maxAskedWaitMs: policy.maxRateLimitWaitMs,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
