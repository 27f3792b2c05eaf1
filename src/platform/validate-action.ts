import * as core from "@actions/core";
import { CHECK_NAME, publishNote, publishVerdict } from "../commands/publish-verdict.js";
import { validate } from "../commands/validate.js";
import { mergeReports } from "../commands/validate/merge-reports.js";
import { type DiffResult, diff } from "../commands/diff.js";
import { GitopsCiError, UsageError } from "../errors.js";
import { diffMarkdown } from "../preview/format/markdown.js";
import { diffText } from "../preview/format/text.js";
import { redact } from "../secrets.js";
import { writeReportFile } from "../files/report-file.js";
import { connectForge } from "../forge/connect.js";
import { type Forge, ForgeError } from "../forge/forge.js";
import { progressOn } from "../gate/progress.js";
import { keepYoungGenerationSmall } from "../gate/young-generation.js";
import { threadOptions, threadsUse } from "../gate/threads/read-files.js";
import { cacheUse } from "../gate/render/render-cache.js";
import { REPORTERS } from "../gate/reporters/index.js";
import { CHECKED_NOTHING, type Report, repoFile } from "../gate/reporters/report.js";
import {
  partialFileName,
  partialReportText,
  readPartialReport,
  shardReportFiles,
} from "../gate/shards/partial-report.js";
import { parseShard } from "../gate/shards/shard.js";
import type { OptionValues } from "../surfaces/option-table.js";
import { VALIDATE_OPTIONS } from "../commands/validate/options.js";
import { readActionInputs } from "../surfaces/action-inputs.js";
import { markdownTable } from "../messages/markdown-table.js";
import { actionReviewContext, actionSourceContext } from "./actions-context.js";
import { annotateFindings } from "./workflow-annotations.js";
import { runAction } from "./github-action.js";

/** GitHub keeps 1 MiB of a step's summary; the findings and the headline take the rest. */
const JOB_SUMMARY_PREVIEW_CHARS = 900_000;

/**
 * The validate action: inputs to the gate's verdict, published as a check and a PR comment, with
 * reports and outputs. `entry` is the script reader threads run (see src/gate/threads/).
 */
export function runValidateAction(entry: URL | undefined): Promise<void> {
  return runAction(() => validateAction(entry));
}

async function validateAction(entry: URL | undefined): Promise<void> {
  const inputs = readActionInputs(VALIDATE_OPTIONS);
  if (inputs["merge-reports"].length) {
    if (inputs.shard) throw new UsageError("merge-reports combines the shards' reports: leave shard empty");
    const files = shardReportFiles(inputs["merge-reports"]);
    core.info(`merging ${files.length} shard report(s): ${files.join(", ")}`);
    return deliver(mergeReports(files.map((file) => ({ file, report: readPartialReport(file) }))), inputs);
  }
  keepYoungGenerationSmall();
  const result = await validate({
    dir: inputs.dir,
    renderer: inputs.renderer,
    sealedSecretsCert: inputs["sealed-secrets-cert"],
    failOn: inputs["fail-on"],
    baseRef: inputs["base-ref"],
    kubernetesVersion: inputs["kubernetes-version"],
    // unset: the repository's .gitops-ci.yaml decides, else off
    strict: inputs.strict,
    schemaDir: inputs["schema-dir"],
    allowRemote: inputs["allow-remote"],
    cacheDir: inputs["cache-dir"],
    shard: inputs.shard ? parseShard(inputs.shard, "shard") : undefined,
    // The job log is no terminal: a line every ten seconds on long runs.
    progress: progressOn({ write: (line) => core.info(line.trimEnd()) }),
    threads: threadOptions(entry, inputs.threads),
  });
  if (result.renderCache) core.info(cacheUse(result.renderCache, inputs["cache-dir"]));
  const threads = threadsUse(result.read, result.timings);
  if (threads) core.info(threads);
  if (result.partial) {
    const file = inputs["shard-report"] ?? partialFileName(result.partial.shard);
    writeReportFile(file, partialReportText(result.partial));
    core.setOutput("shard-report", file);
    core.info(`shard ${result.partial.shard.index}/${result.partial.shard.total}: report written to ${file}`);
    return;
  }
  await deliver(result, inputs, await previewOf(inputs));
}

/** With the diff input: the rendered diff against base-ref, for the PR comment and the job summary. */
async function previewOf(inputs: OptionValues<typeof VALIDATE_OPTIONS>): Promise<DiffResult | undefined> {
  if (!inputs.diff) return undefined;
  if (!inputs["base-ref"]) {
    core.info("diff: no base-ref, so no rendered diff (it compares the change with its base, e.g. origin/<PR base>)");
    return undefined;
  }
  if (inputs.renderer === "none") throw new UsageError("diff renders both sides: it needs a renderer, not none");
  try {
    const preview = await diff({
      dir: inputs.dir,
      baseRef: inputs["base-ref"],
      renderer: inputs.renderer,
      allowRemote: inputs["allow-remote"],
    });
    core.info(diffText(preview));
    return preview;
  } catch (error) {
    // the preview informs the review; the verdict stands without it
    if (!(error instanceof GitopsCiError)) throw error;
    core.warning(`no rendered diff: ${error.message}`);
    return undefined;
  }
}

/** The verdict out: the check run (or annotations), SARIF, outputs, the job summary, the job's status. */
async function deliver(
  result: Report,
  inputs: OptionValues<typeof VALIDATE_OPTIONS>,
  preview?: DiffResult,
): Promise<void> {
  // Without a check run's annotations, workflow commands still show findings on the PR diff.
  const annotated = await publishCheckRun(result, inputs.token, preview);
  if (!annotated) annotateFindings(result.findings, (f) => repoFile(result, f.file));
  if (inputs.sarif) writeReportFile(inputs.sarif, REPORTERS.sarif(result));
  core.setOutput("errors", String(result.summary.errors));
  core.setOutput("warnings", String(result.summary.warnings));
  const s = result.summary;
  const rows = result.findings.map((f) => [f.severity, f.rule, `${f.file}:${f.line}:${f.column}`, f.message]);
  await core.summary
    .addHeading(result.failed ? "gitops-ci/validate: blocked" : "gitops-ci/validate: passed", 3)
    .addRaw(
      `${s.roots} roots, ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped; ${s.errors} errors, ${s.warnings} warnings.\n\n`,
    )
    .addRaw(s.checkedNothing ? `**${CHECKED_NOTHING}**\n\n` : "")
    .addRaw(rows.length ? `${markdownTable(["severity", "rule", "where", "finding"], rows)}\n` : "No findings.\n")
    .addRaw(preview ? `\n${redact(diffMarkdown(preview, { maxChars: JOB_SUMMARY_PREVIEW_CHARS }))}` : "")
    .write();
  if (result.failed)
    core.setFailed(`${s.errors} error(s) and ${s.warnings} warning(s) at or above fail-on=${result.failOn}`);
}

/**
 * The findings and the preview in one PR comment, kept in place: reviewers read what the change
 * deploys beside why the gate said what it said. A token that may not comment loses only that.
 */
async function commentPreview(forge: Forge, result: Report, target: Parameters<typeof publishNote>[2]): Promise<void> {
  try {
    core.info(
      `${await publishNote(forge, result, target)} the comment with the rendered diff on #${target.changeRequest}`,
    );
  } catch (error) {
    if (!(error instanceof ForgeError)) throw error;
    core.warning(
      `could not comment the rendered diff on #${target.changeRequest} (${error.message}); give the job "pull-requests: write" permission. It is in the job summary.`,
    );
  }
}

/**
 * The check run `gitops-ci/validate` on the commit under review (a PR's head, not the merge
 * commit), its findings as annotations. True when those annotations were published; false when
 * there is no token, it cannot write checks, or only a commit status could be set (a PAT).
 */
async function publishCheckRun(result: Report, token: string | undefined, preview?: DiffResult): Promise<boolean> {
  const { repo, sha, changeRequest } = actionReviewContext();
  // The token input was masked as it was read (readActionInputs).
  if (!token || !repo || !sha) return false;
  try {
    const forge = connectForge({ repo, kind: "github", token, log: core.info });
    const runUrl = actionSourceContext().runUrl;
    const { check } = await publishVerdict(forge, result, { sha, runUrl });
    if (preview && changeRequest !== undefined) await commentPreview(forge, result, { changeRequest, runUrl, preview });
    if (check.fallback) core.warning(check.fallback);
    core.info(`${check.as.replace("-", " ")} ${CHECK_NAME}: ${check.url ?? "created"}`);
    return check.as === "check-run";
  } catch (error) {
    if (!(error instanceof ForgeError)) throw error;
    core.warning(
      `could not publish the ${CHECK_NAME} check run (${error.message}); give the job "checks: write" permission. Annotating through workflow commands instead.`,
    );
    return false;
  }
}
