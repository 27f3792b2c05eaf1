import type { OutputValues } from "../../surfaces/outputs.js";
import type { PromoteResult } from "../promote.js";
import type { PROMOTE_OUTPUTS } from "./options.js";

/** promote's outputs, the same on every surface: the plan a list (JSON where the runner needs text). */
export function promoteOutputs(result: PromoteResult): OutputValues<typeof PROMOTE_OUTPUTS> {
  const first = result.targets.find((t) => t.prNumber !== undefined);
  return {
    changed: result.changed,
    "pr-number": first?.prNumber,
    "pr-url": first?.prUrl,
    merged: result.merged,
    plan: result.targets.map((t) => ({
      to: t.to,
      branch: t.branch,
      "pr-number": t.prNumber,
      "pr-url": t.prUrl,
      closed: t.closed,
      "auto-merge": t.autoMerge,
      merged: t.merged,
      "review-reason": t.reviewReason,
      images: t.plan.map((i) => ({ name: i.name, from: i.from, to: i.to, bump: i.bump })),
    })),
  };
}
