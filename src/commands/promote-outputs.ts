import type { PromoteResult } from "./promote.js";

/** The action's and component's outputs; one vocabulary for CLI, action and component. */
export function promoteOutputs(result: PromoteResult): Record<string, string | boolean | number | undefined> {
  const first = result.targets.find((t) => t.prNumber !== undefined);
  return {
    changed: result.changed,
    "pr-number": first?.prNumber,
    "pr-url": first?.prUrl,
    merged: result.merged,
    plan: JSON.stringify(
      result.targets.map((t) => ({
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
    ),
  };
}
