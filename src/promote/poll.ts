import { retry } from "../retry.js";
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
  await retry(
    {
      maxRetries: Infinity,
      deadlineMs: options.timeoutMs,
      backoff: { baseDelayMs: options.pollMs, maxDelayMs: 30_000 },
      onWait: (_n, _delay, why) => options.log(`${options.label}: waiting for ${why}`),
    },
    async () => {
      const waiting = await check();
      return waiting === undefined ? { done: true, value: undefined } : { done: false, why: waiting };
    },
    (last) => {
      throw new MergeError(timedOut(last.why));
    },
  );
}
