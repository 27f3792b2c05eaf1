import * as core from "@actions/core";
import { validate } from "../commands/validate.js";
import { UsageError } from "../errors.js";
import type { Severity } from "../gate/finding.js";
import type { RendererChoice } from "../gate/render.js";
import { REPORTERS } from "../gate/reporters/index.js";
import { markdownTable, runAction } from "../platform/github-action.js";

void runAction(async () => {
  for (const name of ["kubernetes-version"]) {
    if (core.getInput(name)) throw new UsageError(`input ${name} is not implemented yet in this version`);
  }
  if (core.getBooleanInput("strict")) throw new UsageError("input strict is not implemented yet in this version");
  const failOn = core.getInput("fail-on") || "error";
  if (failOn !== "error" && failOn !== "warning")
    throw new UsageError(`fail-on must be error or warning, not "${failOn}"`);
  const renderer = core.getInput("renderer") || "auto";
  if (!["auto", "kustomize", "kubectl", "none"].includes(renderer))
    throw new UsageError(`renderer must be auto, kustomize, kubectl or none, not "${renderer}"`);
  const result = await validate({
    dir: core.getInput("dir") || ".",
    renderer: renderer as RendererChoice,
    sealedSecretsCert: core.getInput("sealed-secrets-cert") || undefined,
    failOn: failOn as Severity,
    baseRef: core.getInput("base-ref") || undefined,
  });
  // Workflow-command annotations: shown on the PR diff at the finding's line.
  for (const f of result.findings) {
    const properties = { title: `gitops-ci: ${f.rule}`, file: f.file, startLine: f.line, startColumn: f.column };
    const text = `${f.message}. ${f.hint}`;
    if (f.severity === "error") core.error(text, properties);
    else core.warning(text, properties);
  }
  const sarif = core.getInput("sarif");
  if (sarif) {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(sarif, REPORTERS.sarif(result));
  }
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
