import { retry } from "../retry.js";
import { planOf, type RetryPolicy } from "./retry-policy.js";

export interface CreateOnce<T> {
  /** One attempt, sent without the transport's own retries. */
  create: () => Promise<T>;
  /** Looks for what an earlier attempt may have made (PR/MR by head branch, comment by marker). */
  find: () => Promise<T | undefined>;
  policy: RetryPolicy;
  log: (message: string) => void;
  what: string;
}

/**
 * A POST that creates something is not retried blindly: a 5xx or a dropped connection may come
 * after the host made the object. Before each retry the object is looked up; if the failed attempt
 * made it, that is the answer, so at most one exists after any sequence of faults.
 */
export async function createOnce<T>(options: CreateOnce<T>): Promise<T> {
  let failed: unknown;
  return retry<T>(
    {
      ...planOf(options.policy),
      onWait: (n, delay, why) => options.log(`${options.what} failed (${why}); not made, retry ${n} in ${delay} ms`),
    },
    async () => {
      try {
        return { done: true, value: await options.create() };
      } catch (error) {
        if (!mayHaveFailedLate(error)) throw error;
        const found = await options.find();
        if (found !== undefined) {
          options.log(`${options.what}: the failed attempt had made it; not creating another`);
          return { done: true, value: found };
        }
        failed = error;
        return { done: false, why: String(statusOf(error) ?? "network") };
      }
    },
    () => {
      throw failed;
    },
  );
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" ? status : undefined;
}

/** Server errors, rate limits and connection failures; a 4xx other than 429 is a real answer. */
function mayHaveFailedLate(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500 || status === 429;
}
