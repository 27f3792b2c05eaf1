import type { Forge } from "../../forge/forge.js";
import { parseSourceRepos } from "../../promote/source-repos.js";
import type { OptionValues } from "../../surfaces/option-table.js";
import type { PromoteOptions } from "../promote.js";
import { pinFlagsOf } from "../shared-options.js";
import type { PROMOTE_OPTIONS } from "./options.js";

/** promote's options from its table's values, the same on every surface. */
export function promoteOptionsFrom(
  values: OptionValues<typeof PROMOTE_OPTIONS>,
  forge: Forge,
  log: (line: string) => void,
): PromoteOptions {
  return {
    forge,
    branch: values.branch,
    from: values.from,
    to: values.to,
    images: values["only-image"],
    merge: values.merge,
    mergeMethod: values["merge-method"],
    autoMergeLevel: values["auto-merge-level"],
    allowDowngrade: values["allow-downgrade"],
    requireSourceGreen: values["require-source-green"],
    requiredChecks: values["require-check"].length ? values["require-check"] : undefined,
    timeoutMs: values["merge-timeout"] * 1000,
    labels: commaList(values["pr-label"]),
    reviewers: commaList(values.reviewers),
    draft: values.draft,
    title: values.title,
    body: values.body,
    sourceRepos: parseSourceRepos("source-repo", values["source-repo"]),
    pins: pinFlagsOf(values),
    dryRun: values["dry-run"],
    log,
  };
}

/** Items given one a line, a flag each, or comma separated (`--pr-label a,b`). */
function commaList(items: string[]): string[] | undefined {
  const split = items
    .flatMap((item) => item.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  return split.length ? split : undefined;
}
