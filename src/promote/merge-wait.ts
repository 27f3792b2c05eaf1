import type { Forge, MergeMethod } from "../forge/forge.js";
import { AlreadyMergeableError, NoPipelineYetError } from "../forge/forge.js";
import { CHECK_NAME } from "../gate/check-name.js";
import { describeCommit, ForeignCommitsError } from "../proposal/ownership.js";
import { MergeError } from "./errors.js";
import { pollUntil } from "./poll.js";

/** How promote waits to merge: the checks that must be green, and for how long it polls. */
export interface MergeWaitOptions {
  /** Checks that must be green on the head (default: gitops-ci/validate); none may fail. */
  requiredChecks?: string[];
  timeoutMs?: number;
  pollMs?: number;
}

/**
 * GitLab merges at once when auto-merge is set before the MR has a pipeline: wait (bounded by
 * timeoutMs) for the pipeline, then set it. GitHub refuses auto-merge on a PR that can merge
 * already (nothing required to wait for): then it is merged here, pinned to `head`, only if the
 * required checks are green on it.
 */
export async function enableAutoMergeWhenReady(
  forge: Forge,
  number: number,
  method: MergeMethod,
  head: string,
  options: MergeWaitOptions,
  log: (message: string) => void,
): Promise<"auto" | "merged"> {
  let reason = "";
  let outcome: "auto" | "merged" = "auto";
  await pollUntil(
    pollOptions(options, number, log),
    async () => {
      try {
        await forge.enableAutoMerge(number, method, head);
        return undefined;
      } catch (error) {
        if (error instanceof AlreadyMergeableError) {
          await mergeIfGreen(forge, number, method, head, options.requiredChecks ?? [CHECK_NAME], error.message);
          log(
            `merged #${number} (it could merge at once, and ${(options.requiredChecks ?? [CHECK_NAME]).join(", ")} is green)`,
          );
          outcome = "merged";
          return undefined;
        }
        if (!(error instanceof NoPipelineYetError)) throw error;
        reason = error.message;
        return "its pipeline before enabling auto-merge";
      }
    },
    () =>
      `${reason}; none appeared in time (raise --merge-timeout, or check that the config repo runs pipelines for merge requests)`,
  );
  return outcome;
}

/** Merges `head` now only when every required check is green on it and none fails. */
async function mergeIfGreen(
  forge: Forge,
  number: number,
  method: MergeMethod,
  head: string,
  required: string[],
  why: string,
): Promise<void> {
  const checks = await forge.listCommitChecks(head);
  const notGreen = required.filter((name) => checks.find((c) => c.name === name)?.state !== "success");
  const failed = checks.filter((c) => c.state === "failure").map((c) => c.name);
  if (notGreen.length || failed.length)
    throw new MergeError(
      `${why}; not merging it untested: ${[...notGreen.map((n) => `${n} is not green`), ...failed.map((n) => `${n} failed`)].join(", ")} on ${head.slice(0, 12)}. Make ${required.join(", ")} required on the base branch so auto-merge waits for it, or use --merge now`,
    );
  await forge.merge(number, method, head);
}

function pollOptions(options: MergeWaitOptions, number: number, log: (message: string) => void) {
  return { label: `#${number}`, timeoutMs: options.timeoutMs ?? 600_000, pollMs: options.pollMs ?? 2_000, log };
}

/**
 * Polls the PR/MR (backoff, bounded by timeoutMs) until it can merge and its checks are green,
 * then merges it, pinned to `head`: the commit this run made or verified. Any other head (a push
 * while it waits) stops the run, whatever its checks say.
 */
export async function waitAndMerge(
  forge: Forge,
  number: number,
  method: MergeMethod,
  head: string,
  options: MergeWaitOptions,
  log: (message: string) => void,
): Promise<void> {
  const required = options.requiredChecks ?? [CHECK_NAME];
  await pollUntil(
    pollOptions(options, number, log),
    async () => {
      const details = await forge.getChangeRequest(number);
      if (details.state === "merged") return undefined;
      if (details.state === "closed") throw new MergeError(`#${number} was closed while waiting to merge it`);
      if (details.headSha !== head) await refuseMovedHead(forge, number, head, details.headSha);
      const checks = await forge.listCommitChecks(head);
      const failed = checks.filter((c) => c.state === "failure");
      if (failed.length)
        throw new MergeError(
          `#${number} cannot merge: ${failed.map((c) => `${c.name} failed${c.description ? ` (${c.description})` : ""}`).join(", ")}`,
        );
      if (details.mergeable === false)
        throw new MergeError(
          `#${number} cannot merge: the host reports ${details.mergeState ?? "conflicts or a blocked merge"}`,
        );
      const waiting = [
        ...required.filter((name) => !checks.some((c) => c.name === name)).map((n) => `${n} (not reported yet)`),
        ...checks
          .filter((c) => c.state === "pending" || (c.state === "neutral" && required.includes(c.name)))
          .map((c) => `${c.name} (${c.state === "neutral" ? "not run" : "pending"})`),
      ];
      if (waiting.length === 0 && details.mergeable === true) {
        await forge.merge(number, method, head);
        log(`merged #${number}`);
        return undefined;
      }
      return waiting.join(", ") || `the host (${details.mergeState ?? "computing mergeability"})`;
    },
    (waiting) => `#${number} did not become mergeable in time: still waiting for ${waiting} (raise --merge-timeout)`,
  );
}

/** The PR/MR head is not the commit this run made: name what is there, merge nothing. */
async function refuseMovedHead(forge: Forge, number: number, ours: string, now: string): Promise<never> {
  const pushed = (await forge.compare(ours, now)).commits;
  const first = pushed[0] ?? { sha: now, author: "someone", message: "" };
  throw new ForeignCommitsError(
    `#${number} changed while gitops-ci waited to merge it: its head is now ${describeCommit(first)}${pushed.length > 1 ? ` and ${pushed.length - 1} more` : ""}, not ${ours.slice(0, 12)}, the commit gitops-ci made. Nothing was merged; review #${number} by hand`,
  );
}
