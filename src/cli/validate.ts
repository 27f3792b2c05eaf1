import { CHECK_NAME, publishVerdict } from "../commands/publish-verdict.js";
import type { DiffResult } from "../commands/diff.js";
import { validate } from "../commands/validate.js";
import { diffText } from "../preview/format/text.js";
import { mergeReports } from "../commands/validate/merge-reports.js";
import { GitopsCiError, UsageError } from "../errors.js";
import { writeReportFile } from "../files/report-file.js";
import { progressOn } from "../gate/progress.js";
import { cacheUse } from "../gate/render/render-cache.js";
import { REPORTERS } from "../gate/reporters/index.js";
import type { Report, ReportFormat } from "../gate/reporters/report.js";
import {
  partialFileName,
  partialReportText,
  readPartialReport,
  shardReportFiles,
} from "../gate/shards/partial-report.js";
import { parseShard } from "../gate/shards/shard.js";
import { parallelShard } from "../platform/gitlab-job.js";
import { oneOf } from "../options.js";
import { readReviewContext, readSourceContext } from "../platform/ci-context.js";
import { redact } from "../secrets.js";
import { cliOptionsHelp, parseCliOptions } from "../surfaces/cli-options.js";
import type { OptionValues } from "../surfaces/option-table.js";
import { VALIDATE_OPTIONS } from "../commands/validate/options.js";
import type { CliCommand } from "./command.js";
import { forgeFromFlags, logLine } from "./forge-flags.js";
import { keepYoungGenerationSmall } from "../gate/young-generation.js";
import { threadOptions, threadsUse } from "../gate/threads/read-files.js";

const PUBLISHING = ["publish", "repo", "sha", "change-request", "forge", "api-url", "token-variable"];
const GENERAL = Object.keys(VALIDATE_OPTIONS).filter((name) => !PUBLISHING.includes(name));

const HELP = `Usage: gitops-ci validate [--dir <checkout>] [options]

The config-repo merge gate: every YAML file parsed and checked, every kustomization root rendered
with the real kustomize, every secret proven sealed; each finding at file:line:column.

Options (each also read from GITOPS_CI_INPUT_<OPTION> when the flag is absent, e.g. GITOPS_CI_INPUT_FAIL_ON):
${cliOptionsHelp(VALIDATE_OPTIONS, GENERAL, [["-h, --help", "Show this help."]])}

Publishing the verdict (a required status check on the commit under review):
${cliOptionsHelp(VALIDATE_OPTIONS, PUBLISHING)}

Rules: yaml-syntax, duplicate-key, parse-limit, render-failed, render-limit, path-outside-repo,
remote-resource, kustomization-cycle, schema, unknown-kind (warning), plaintext-secret,
secret-generator, sealed-secret-malformed, sealed-secret-scope, sops-unencrypted-value,
cluster-credential, image-entry-unused (warning), not-rendered (warning), secret-placeholder (info).

Exit codes: 0 no findings at or above --fail-on, 1 findings (or failure), 2 usage error.`;

export const validateCli: CliCommand = {
  name: "validate",
  summary: "the merge gate: render, prove secrets sealed, findings at their lines",
  help: HELP,
  async run(args, runtime) {
    const values = parseCliOptions("validate", VALIDATE_OPTIONS, args);
    const extraReports = values.report.map((spec) => {
      const [name, ...rest] = spec.split("=");
      const file = rest.join("=");
      if (!file) throw new UsageError(`--report takes <format>=<file>, not "${spec}"`);
      return [oneOf("--report format", name ?? "", Object.keys(REPORTERS) as ReportFormat[]), file] as const;
    });
    const shard = values.shard ? parseShard(values.shard) : parallelShard(process.env);
    if (values["merge-reports"].length) {
      if (shard) throw new UsageError("--merge-reports combines the shards' reports: give it without --shard");
      const files = shardReportFiles(values["merge-reports"]);
      const merged = mergeReports(files.map((file) => ({ file, report: readPartialReport(file) })));
      logLine(`merged ${files.length} shard report(s): ${merged.summary.roots} root(s) in all`);
      return deliver(merged, values, extraReports);
    }
    keepYoungGenerationSmall();
    const result = await validate({
      dir: values.dir,
      renderer: values.renderer,
      sealedSecretsCert: values["sealed-secrets-cert"],
      failOn: values["fail-on"],
      baseRef: values["base-ref"],
      kubernetesVersion: values["kubernetes-version"],
      strict: values.strict,
      schemaDir: values["schema-dir"],
      allowRemote: values["allow-remote"],
      exclude: values.exclude,
      cacheDir: values["cache-dir"],
      shard,
      plan: values["print-config"] || values["list-roots"],
      progress: progressOn(process.stderr),
      threads: threadOptions(runtime.entry, values.threads),
    });
    if (values["print-config"]) {
      process.stdout.write(`${JSON.stringify(result.settings, null, 2)}\n`);
      return 0;
    }
    if (values["list-roots"]) {
      const width = Math.max(4, ...result.roots.map((r) => r.dir.length));
      process.stdout.write(result.roots.map((r) => `${r.dir.padEnd(width)}  ${r.how}\n`).join(""));
      return 0;
    }
    if (result.renderCache) process.stderr.write(`${cacheUse(result.renderCache, values["cache-dir"])}\n`);
    const threads = threadsUse(result.read, result.timings);
    if (threads) process.stderr.write(`${threads}\n`);
    if (result.partial) {
      const file = values["shard-report"] ?? partialFileName(result.partial.shard);
      writeReportFile(file, partialReportText(result.partial));
      process.stdout.write(redact(REPORTERS.text(result)));
      const { index, total } = result.partial.shard;
      logLine(`shard ${index}/${total}: report written to ${file}; the verdict comes from validate --merge-reports`);
      return 0;
    }
    return deliver(result, values, extraReports, await previewOf(values));
  },
};

/** With --diff: the rendered diff against --base-ref, rendered in the same sandbox. */
async function previewOf(values: OptionValues<typeof VALIDATE_OPTIONS>): Promise<DiffResult | undefined> {
  if (!values.diff) return undefined;
  if (!values["base-ref"]) {
    // a branch pipeline has no base to compare with; the gate runs whole
    logLine("diff: no --base-ref, so no rendered diff (it compares the change with its base)");
    return undefined;
  }
  if (values.renderer === "none") throw new UsageError("--diff renders both sides: it needs a renderer, not none");
  const { diff } = await import("../commands/diff.js");
  try {
    return await diff({
      dir: values.dir,
      baseRef: values["base-ref"],
      renderer: values.renderer,
      allowRemote: values["allow-remote"],
      exclude: values.exclude,
    });
  } catch (error) {
    // the preview informs the review; the verdict stands without it
    if (!(error instanceof GitopsCiError)) throw error;
    logLine(`warning: no rendered diff: ${error.message}`);
    return undefined;
  }
}

/** The verdict out: the report on stdout or --output, the extra reports, and the forge when publishing. */
async function deliver(
  result: Report,
  values: OptionValues<typeof VALIDATE_OPTIONS>,
  extraReports: (readonly [ReportFormat, string])[],
  preview?: DiffResult,
): Promise<number> {
  const report =
    REPORTERS[values.format](result) + (preview && values.format === "text" ? `\n${diffText(preview)}` : "");
  for (const [reportFormat, file] of extraReports) writeReportFile(file, REPORTERS[reportFormat](result));
  if (values.output) writeReportFile(values.output, report);
  else process.stdout.write(redact(report));
  if (values.publish) await publish(result, values, preview);
  return result.failed ? 1 : 0;
}

/** Sends the verdict to the forge; where the flags say nothing, the CI runner's variables do. */
async function publish(
  result: Report,
  values: OptionValues<typeof VALIDATE_OPTIONS>,
  preview?: DiffResult,
): Promise<void> {
  const review = readReviewContext();
  const repo = values.repo ?? review.repo;
  const sha = values.sha ?? review.sha;
  const changeRequest =
    values["change-request"] === undefined
      ? review.changeRequest
      : positiveInteger("--change-request", values["change-request"]);
  if (!repo || !sha)
    throw new UsageError(
      "--publish needs the repository and commit: give --repo and --sha outside GitHub Actions and GitLab CI",
    );
  const forge = await forgeFromFlags(repo, values);
  const published = await publishVerdict(forge, result, {
    sha,
    changeRequest,
    runUrl: readSourceContext().runUrl,
    preview,
  });
  if (published.check.fallback) logLine(`warning: ${published.check.fallback}`);
  const where = published.check.url ? ` (${published.check.url})` : "";
  const note = published.note ? `; ${published.note} the note on #${changeRequest}` : "";
  const kind = published.check.as.replace("-", " ");
  logLine(`published ${CHECK_NAME} on ${sha.slice(0, 12)} as a ${kind}${where}${note}`);
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} takes a PR/MR number, not "${value}"`);
  return n;
}
