import type { Forge, GateCheck, PublishedCheck } from "../forge/forge.js";
import { CHECK_NAME } from "../gate/check-name.js";
import { markdownReporter } from "../gate/reporters/markdown.js";
import { type Report, repoFile } from "../gate/reporters/report.js";
import { redact } from "../secrets.js";

export { CHECK_NAME };
/** Marks the one note/comment validate keeps per PR/MR, so reruns update it. */
export const NOTE_MARKER = "<!-- gitops-ci/validate -->";

/** Where the verdict goes: the commit under review, and its PR/MR when there is one. */
export interface VerdictTarget {
  sha: string;
  changeRequest?: number;
  /** The CI run, linked from the check or status. */
  runUrl?: string;
}

export interface PublishedVerdict {
  check: PublishedCheck;
  note?: "created" | "updated";
}

/** The gate's verdict as a check: every finding an annotation at its line. */
export function gateCheckOf(result: Report, runUrl?: string): GateCheck {
  const s = result.summary;
  return {
    name: CHECK_NAME,
    detailsUrl: runUrl,
    passed: !result.failed,
    title: `${s.errors} error(s), ${s.warnings} warning(s)`,
    summary: `${s.roots} root(s), ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped.`,
    annotations: result.findings.map((f) => ({
      path: repoFile(result, f.file),
      line: f.line,
      column: f.column,
      level: f.severity === "error" ? "failure" : f.severity === "warning" ? "warning" : "notice",
      title: `gitops-ci: ${f.rule}`,
      message: redact(`${f.message}. ${f.hint}`),
    })),
  };
}

/**
 * Publishes the verdict: the check (GitHub check run, GitLab commit status) on the commit, and,
 * for a PR/MR, one note with the findings that every run updates in place. Where the check could
 * only be a commit status, the note is where the findings are read.
 */
export async function publishVerdict(forge: Forge, result: Report, target: VerdictTarget): Promise<PublishedVerdict> {
  const check = await forge.publishCheck(target.sha, gateCheckOf(result, target.runUrl));
  if (target.changeRequest === undefined) return { check };
  const body = redact(`${NOTE_MARKER}\n${markdownReporter(result)}`);
  const note = await forge.upsertComment(target.changeRequest, NOTE_MARKER, body);
  return { check, note };
}
