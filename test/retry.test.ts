import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { retry } from "../src/retry.js";

const plan = { maxRetries: 3, deadlineMs: 5_000, backoff: { baseDelayMs: 1, maxDelayMs: 5 } };

describe("the one retry loop", () => {
  it("tries until done, saying each wait", async () => {
    const waits: string[] = [];
    const value = await retry(
      { ...plan, onWait: (n, _d, why) => waits.push(`${n}:${why}`) },
      async (n) => (n < 3 ? { done: false, why: `busy ${n}` } : { done: true, value: n }),
      () => -1,
    );
    assert.equal(value, 3);
    assert.deepEqual(waits, ["1:busy 1", "2:busy 2"]);
  });

  it("gives the last outcome to exhausted after maxRetries more attempts", async () => {
    let calls = 0;
    const last = await retry(
      plan,
      async () => {
        calls++;
        return { done: false, why: "502" };
      },
      (l) => l,
    );
    assert.equal(calls, 4);
    assert.deepEqual({ attempts: last.attempts, why: last.why }, { attempts: 4, why: "502" });
  });

  it("waits what the other side asks, and stops when it asks more than the plan allows", async () => {
    const started = Date.now();
    let calls = 0;
    await retry(
      { ...plan, maxAskedWaitMs: 1_000 },
      async () => (++calls === 1 ? { done: false, why: "429", waitMs: 120 } : { done: true, value: 0 }),
      () => -1,
    );
    assert.ok(Date.now() - started >= 115);
    const refused = await retry(
      { ...plan, maxAskedWaitMs: 1_000 },
      async () => ({ done: false, why: "429", waitMs: 60_000 }),
      (l) => l.attempts,
    );
    assert.equal(refused, 1, "a wait past the bound is not waited");
  });

  it("starts no attempt past the deadline", async () => {
    const started = Date.now();
    const attempts = await retry(
      { maxRetries: Infinity, deadlineMs: 200, backoff: { baseDelayMs: 40, maxDelayMs: 40 } },
      async () => ({ done: false, why: "moved" }),
      (l) => l.attempts,
    );
    assert.ok(Date.now() - started < 400);
    assert.ok(attempts >= 2);
  });

  it("an error thrown by an attempt is final", async () => {
    await assert.rejects(
      retry(
        plan,
        async () => {
          throw new Error("401");
        },
        () => 0,
      ),
      /401/,
    );
  });
});
