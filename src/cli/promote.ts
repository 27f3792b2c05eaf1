import type { MergeMode, PromoteResult } from "../commands/promote.js";
import { promoteOutputs } from "../commands/promote-outputs.js";
import { UsageError } from "../errors.js";
import type { MergeMethod } from "../forge/forge.js";
import { oneOf, parseSeconds } from "../options.js";
import { writeDotenv } from "../platform/gitlab-job.js";
import type { AutoMergeLevel } from "../promote/bump.js";
import { describeImage } from "../promote/plan.js";
import { parseSourceRepos } from "../promote/source-repos.js";
import { redact } from "../secrets.js";
import { parseFlags } from "./args.js";
import type { CliCommand } from "./command.js";
import { FORGE_FLAGS, forgeFromFlags, logLine } from "./forge-flags.js";

const HELP = `Usage: gitops-ci promote --repo <repo> --from <dir> --to <dir> [--to <dir> ...] [options]

Promote what one environment runs to others: read the images: of --from and every --to in one
request, and open (or refresh) one pull/merge request per target that sets the differing images,
all other bytes kept. Downgrades are refused; merging follows policy. No clone.

Options:
  --repo <repo>                the config repo: owner/name (GitHub) or group/sub/project (GitLab)
  --branch <branch>            the base branch (default: main)
  --from <dir>                 the kustomization directory to promote from (e.g. .../staging)
  --to <dir>                   a kustomization directory to promote to; repeat for several
  --image <name>               only this image (matched as docker does); repeat for several
  --merge <mode>               never, auto (the host merges once checks pass), or now (wait for
                               green checks, then merge) (default: never)
  --merge-method <m>           merge, squash or rebase (default: merge)
  --auto-merge-level <level>   merge only when every bump is at most none, patch, minor, major,
                               or any (any: also non-semver tags) (default: any)
  --allow-downgrade            allow lowering a semver version (a deliberate rollback)
  --require-source-green       refuse unless gitops-ci/validate is green on the newest commit that
                               changed anything --from renders from
  --require-check <name>       --merge now waits for this check too; repeat (default:
                               gitops-ci/validate); any failing check stops the merge
  --timeout <seconds>          --merge now: how long to wait for checks (default: 600)
  --labels <a,b>               labels for a new PR/MR
  --reviewers <u1,u2>          reviewers for a new PR/MR (user names)
  --draft                      open as a draft (never merged by this run)
  --title <template>           {images}, {env}, {from}, {to} (default: Promote {images} to {env})
  --body <template>            {table}, {images}, {env}, {from}, {to}, {gate}
  --source-repo <image>=<url>  the app repository of an image, for compare links; repeat
  --dry-run                    plan only: print what would change, write nothing
  --json                       print the result as one JSON object
  --dotenv <file>              also write the outputs as GITOPS_CI_* for a GitLab dotenv report
  --forge <kind>               github or gitlab (default: detected from the CI runner)
  --api-url <url>              REST API base (default: GITHUB_API_URL / CI_API_V4_URL)
  --token-env <NAME>           environment variable holding the token (default: GITOPS_TOKEN,
                               then GITHUB_TOKEN / GITLAB_TOKEN); never on the command line
  -h, --help                   show this help

Exit codes: 0 done (promoted, up to date, or closed), 1 refused or failed (downgrade, red source,
foreign commits on the branch, a failing check), 2 usage error.`;

const MERGE_MODES: MergeMode[] = ["never", "auto", "now"];
const METHODS: MergeMethod[] = ["merge", "squash", "rebase"];
const LEVELS: AutoMergeLevel[] = ["none", "patch", "minor", "major", "any"];

export const promoteCli: CliCommand = {
  name: "promote",
  summary: "promote image versions between environments as a PR/MR, merged by policy",
  help: HELP,
  async run(args) {
    const { values } = parseFlags("promote", args, {
      repo: { type: "string" },
      branch: { type: "string", default: "main" },
      from: { type: "string" },
      to: { type: "string", multiple: true, default: [] },
      image: { type: "string", multiple: true, default: [] },
      merge: { type: "string", default: "never" },
      "merge-method": { type: "string", default: "merge" },
      "auto-merge-level": { type: "string", default: "any" },
      "allow-downgrade": { type: "boolean", default: false },
      "require-source-green": { type: "boolean", default: false },
      "require-check": { type: "string", multiple: true, default: [] },
      timeout: { type: "string", default: "600" },
      labels: { type: "string" },
      reviewers: { type: "string" },
      draft: { type: "boolean", default: false },
      title: { type: "string" },
      body: { type: "string" },
      "source-repo": { type: "string", multiple: true, default: [] },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      dotenv: { type: "string" },
      ...FORGE_FLAGS,
    });
    if (!values.repo) throw new UsageError("give --repo, the config repo (owner/name or group/project)");
    if (!values.from) throw new UsageError("give --from, the kustomization directory to promote from");
    const { promote } = await import("../commands/promote.js");
    const requiredChecks = values["require-check"] as string[];
    const result = await promote({
      forge: await forgeFromFlags(values.repo as string, values),
      branch: values.branch as string,
      from: values.from as string,
      to: values.to as string[],
      images: values.image as string[],
      merge: oneOf("--merge", values.merge as string, MERGE_MODES),
      mergeMethod: oneOf("--merge-method", values["merge-method"] as string, METHODS),
      autoMergeLevel: oneOf("--auto-merge-level", values["auto-merge-level"] as string, LEVELS),
      allowDowngrade: values["allow-downgrade"] as boolean,
      requireSourceGreen: values["require-source-green"] as boolean,
      requiredChecks: requiredChecks.length ? requiredChecks : undefined,
      timeoutMs: parseSeconds("--timeout", values.timeout as string),
      labels: list(values.labels as string | undefined),
      reviewers: list(values.reviewers as string | undefined),
      draft: values.draft as boolean,
      title: values.title as string | undefined,
      body: values.body as string | undefined,
      sourceRepos: parseSourceRepos("--source-repo", values["source-repo"] as string[]),
      dryRun: values["dry-run"] as boolean,
      log: logLine,
    });
    const outputs = promoteOutputs(result);
    process.stdout.write(
      redact(values.json ? `${JSON.stringify(outputs)}\n` : format(result, values["dry-run"] as boolean)),
    );
    if (values.dotenv) writeDotenv(values.dotenv as string, outputs);
    return 0;
  },
};

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

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
