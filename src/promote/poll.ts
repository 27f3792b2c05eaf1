import { backoffDelay, sleep } from "../forge/retry-policy.js";
import { MergeError } from "./errors.js";

export interface PollOptions {
  /** What is waited on, for the log: "#12". */
  label: string;
  timeoutMs: number;
  /** First wait; later waits grow (jittered) up to 30 s. */
  pollMs: number;
  log: (message: string) => void;
}

/**
 * Calls `check` until it reports nothing left to wait for (undefined; else what it waits for),
 * with jittered backoff between calls; past the deadline it throws MergeError(timedOut(what)).
 */
export async function pollUntil(
  options: PollOptions,
  check: () => Promise<string | undefined>,
  timedOut: (waiting: string) => string,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const poll = { baseDelayMs: options.pollMs, maxDelayMs: 30_000 };
  for (let attempt = 0; ; attempt++) {
    const waiting = await check();
    if (waiting === undefined) return;
    const delay = backoffDelay(poll, Math.min(attempt, 10));
    if (Date.now() + delay > deadline) throw new MergeError(timedOut(waiting));
    options.log(`${options.label}: waiting for ${waiting}`);
    await sleep(delay);
  }
}
