import { backoffDelay, sleep } from "./forge/retry-policy.js";

/** One attempt's outcome: done with a value, or not yet (why, and how long the other side asked to wait). */
export type Attempt<T> = { done: true; value: T } | { done: false; why: string; waitMs?: number };

/** How long and how often to try again, and how to wait in between. */
export interface RetryPlan {
  /** Attempts after the first at most; Infinity goes on until the deadline. */
  maxRetries: number;
  /** No new attempt starts once it would begin later than this many ms after the first. */
  deadlineMs: number;
  /** Full-jitter exponential backoff between attempts, unless the other side asked for a wait. */
  backoff: { baseDelayMs: number; maxDelayMs: number };
  /** The longest asked-for wait that is waited out; a longer one ends the retries. */
  maxAskedWaitMs?: number;
  /** Called before each wait: the attempt that failed (1-based), the delay, and why. */
  onWait?: (attempt: number, delayMs: number, why: string) => void;
}

/** What `exhausted` learns when the plan allows no more attempts. */
export interface Exhausted {
  attempts: number;
  elapsedMs: number;
  why: string;
}

/**
 * The one retry loop of the suite: HTTP retries, compare-and-swap rounds, polling. `attempt` says
 * whether it is done; errors it throws are final. When the plan allows no more attempts,
 * `exhausted` decides: throw a typed error, or return a last answer.
 */
export async function retry<T>(
  plan: RetryPlan,
  attempt: (n: number) => Promise<Attempt<T>>,
  exhausted: (last: Exhausted) => T,
): Promise<T> {
  const startedAt = Date.now();
  for (let n = 1; ; n++) {
    const outcome = await attempt(n);
    if (outcome.done) return outcome.value;
    const asked = outcome.waitMs;
    const delay = asked ?? backoffDelay(plan.backoff, Math.min(n - 1, 30));
    const elapsedMs = Date.now() - startedAt;
    const tooLong = asked !== undefined && plan.maxAskedWaitMs !== undefined && asked > plan.maxAskedWaitMs;
    if (tooLong || n > plan.maxRetries || elapsedMs + delay > plan.deadlineMs)
      return exhausted({ attempts: n, elapsedMs, why: outcome.why });
    plan.onWait?.(n, delay, outcome.why);
    await sleep(delay);
  }
}
