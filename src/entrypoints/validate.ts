import * as core from "@actions/core";
import { readFileSync, writeFileSync } from "node:fs";
import { type ValidateResult, validate } from "../commands/validate.js";
import { UsageError } from "../errors.js";
import { connectForge } from "../forge/connect.js";
import { ForgeError } from "../forge/forge.js";
import type { Severity } from "../gate/finding.js";
import type { RendererChoice } from "../gate/render.js";
import { REPORTERS } from "../gate/reporters/index.js";
import { oneOf } from "../options.js";
import { markdownTable, runAction } from "../platform/github-action.js";

void runAction(async () => {
  if (core.getInput("kubernetes-version"))
    throw new UsageError("input kubernetes-version is not implemented yet in this version");
  if (core.getBooleanInput("strict")) throw new UsageError("input strict is not implemented yet in this version");
  const failOn = oneOf<Severity>("fail-on", core.getInput("fail-on") || "error", ["error", "warning"]);
  const renderer = oneOf<RendererChoice>("renderer", core.getInput("renderer") || "auto", [
    "auto",
    "kustomize",
    "kubectl",
    "none",
  ]);
  const result = await validate({
    dir: core.getInput("dir") || ".",
    renderer,
    sealedSecretsCert: core.getInput("sealed-secrets-cert") || undefined,
    failOn,
    baseRef: core.getInput("base-ref") || undefined,
  });
  const published = await publishCheckRun(result);
  // Without a check run, workflow-command annotations still show each finding on the PR diff.
  if (!published)
    for (const f of result.findings) {
      const properties = { title: `gitops-ci: ${f.rule}`, file: f.file, startLine: f.line, startColumn: f.column };
      const text = `${f.message}. ${f.hint}`;
      if (f.severity === "error") core.error(text, properties);
      else core.warning(text, properties);
    }
  const sarif = core.getInput("sarif");
  if (sarif) writeFileSync(sarif, REPORTERS.sarif(result));
  core.setOutput("errors", String(result.summary.errors));
  core.setOutput("warnings", String(result.summary.warnings));
  const s = result.summary;
  const rows = result.findings.map((f) => [f.severity, f.rule, `${f.file}:${f.line}:${f.column}`, f.message]);
  await core.summary
    .addHeading(result.failed ? "gitops-ci/validate: blocked" : "gitops-ci/validate: passed", 3)
    .addRaw(
      `${s.roots} kustomization roots, ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped; ${s.errors} errors, ${s.warnings} warnings.\n\n`,
    )
    .addRaw(rows.length ? `${markdownTable(["severity", "rule", "where", "finding"], rows)}\n` : "No findings.\n")
    .write();
  if (result.failed) core.setFailed(`${s.errors} error(s) and ${s.warnings} warning(s) at or above fail-on=${failOn}`);
});

const CHECK_NAME = "gitops-ci/validate";

/**
 * The check run `gitops-ci/validate` on the commit under review (a PR's head, not the merge
 * commit), its findings as annotations. False when there is no token or it cannot write checks.
 */
async function publishCheckRun(result: ValidateResult): Promise<boolean> {
  const token = core.getInput("token");
  const repo = process.env.GITHUB_REPOSITORY;
  const sha = headSha();
  if (!token || !repo || !sha) return false;
  core.setSecret(token);
  const s = result.summary;
  try {
    const forge = connectForge({ repo, kind: "github", token, log: core.info });
    const { url } = await forge.publishCheck(sha, {
      name: CHECK_NAME,
      passed: !result.failed,
      title: `${s.errors} error(s), ${s.warnings} warning(s)`,
      summary: `${s.roots} kustomization roots, ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped.`,
      annotations: result.findings.map((f) => ({
        path: f.file,
        line: f.line,
        column: f.column,
        level: f.severity === "error" ? "failure" : "warning",
        title: `gitops-ci: ${f.rule}`,
        message: `${f.message}. ${f.hint}`,
      })),
    });
    core.info(`check run ${CHECK_NAME}: ${url ?? "created"}`);
    return true;
  } catch (error) {
    if (!(error instanceof ForgeError)) throw error;
    core.warning(
      `could not publish the ${CHECK_NAME} check run (${error.message}); give the job "checks: write" permission. Annotating through workflow commands instead.`,
    );
    return false;
  }
}

function headSha(): string | undefined {
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      const event = JSON.parse(readFileSync(eventPath, "utf8")) as { pull_request?: { head?: { sha?: string } } };
      if (event.pull_request?.head?.sha) return event.pull_request.head.sha;
    } catch {
      // No readable event: fall back to the commit the workflow runs on.
    }
  }
  return process.env.GITHUB_SHA;
}
