import type { PromoteResult } from "../commands/promote.js";
import { PROMOTE_OPTIONS, PROMOTE_OUTPUTS } from "../commands/promote/options.js";
import { promoteOptionsFrom } from "../commands/promote/options-from.js";
import { promoteOutputs } from "../commands/promote/outputs.js";
import { writeDotenv } from "../platform/gitlab-job.js";
import { describeImage } from "../promote/plan.js";
import { redact } from "../secrets.js";
import { cliOptionsHelp, parseCliOptions } from "../surfaces/cli-options.js";
import type { CliCommand } from "./command.js";
import { forgeFromFlags, logLine } from "./forge-flags.js";

const HELP = `Usage: gitops-ci promote --repo <repo> --from <dir> --to <dir> [--to <dir> ...] [options]

Promote what one environment runs to others: read the images: of --from and every --to in one
request, and open (or refresh) one pull/merge request per target that sets the differing images,
all other bytes kept. Downgrades are refused; merging follows policy. No clone.

Options (each also read from GITOPS_CI_INPUT_<OPTION> when the flag is absent, e.g. GITOPS_CI_INPUT_MERGE):
${cliOptionsHelp(PROMOTE_OPTIONS, undefined, [["-h, --help", "Show this help."]])}

Exit codes: 0 done (promoted, up to date, or closed), 1 refused or failed (downgrade, red source,
foreign commits on the branch, a failing check), 2 usage error.`;

export const promoteCli: CliCommand = {
  name: "promote",
  summary: "promote image versions between environments as a PR/MR, merged by policy",
  help: HELP,
  async run(args) {
    const values = parseCliOptions("promote", PROMOTE_OPTIONS, args);
    const { promote } = await import("../commands/promote.js");
    const result = await promote(promoteOptionsFrom(values, await forgeFromFlags(values.repo, values), logLine));
    const outputs = promoteOutputs(result);
    process.stdout.write(redact(values.json ? `${JSON.stringify(outputs)}\n` : format(result, values["dry-run"])));
    if (values.dotenv) writeDotenv(values.dotenv, PROMOTE_OUTPUTS, outputs);
    return 0;
  },
};

function format(result: PromoteResult, dryRun: boolean): string {
  const lines: string[] = [];
  for (const t of result.targets) {
    if (!t.plan.length) {
      lines.push(`${t.to}: up to date${t.closed ? `; closed #${t.closed}` : ""}.`);
      continue;
    }
    lines.push(`${t.to}:`);
    for (const i of t.plan)
      lines.push(
        `  ${i.name}: ${describeImage(i.from, i.name)} -> ${describeImage(i.to, i.name)} (${i.from ? i.bump : "new"})`,
      );
    if (dryRun) lines.push("  dry run: nothing committed.");
    else {
      lines.push(`  ${t.prUrl}${t.merged ? " merged" : t.autoMerge ? " (auto-merge enabled)" : ""}`);
      if (t.reviewReason) lines.push(`  left for review: ${t.reviewReason}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
