import type { Forge, GateCheck, PublishedCheck } from "../forge/forge.js";
import { CHECK_NAME } from "../gate/check-name.js";
import { markdownReporter } from "../gate/reporters/markdown.js";
import { type Report, repoFile } from "../gate/reporters/report.js";
import { COMMENT_LIMITS, diffMarkdown } from "../preview/format/markdown.js";
import { redact } from "../secrets.js";
import type { DiffResult } from "./diff.js";

export { CHECK_NAME };
/** Marks the one note/comment validate keeps per PR/MR, so reruns update it. */
export const NOTE_MARKER = "<!-- gitops-ci/validate -->";

/** Where the verdict goes: the commit under review, and its PR/MR when there is one. */
export interface VerdictTarget {
  sha: string;
  changeRequest?: number;
  /** The CI run, linked from the check or status. */
  runUrl?: string;
  /** The rendered diff (validate --diff), below the findings in the note. */
  preview?: DiffResult;
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
  return { check, note: await publishNote(forge, result, { ...target, changeRequest: target.changeRequest }) };
}

/** The one note on the PR/MR with the findings (and the preview), created or updated in place. */
export function publishNote(
  forge: Forge,
  result: Report,
  target: Omit<VerdictTarget, "sha"> & { changeRequest: number },
): Promise<"created" | "updated"> {
  const body = redact(noteBody(result, COMMENT_LIMITS[forge.kind], target));
  return forge.upsertComment(target.changeRequest, NOTE_MARKER, body);
}

/** The note: the findings first, then the preview in what room the host's comment limit leaves. */
export function noteBody(result: Report, limit: number, target: Pick<VerdictTarget, "preview" | "runUrl">): string {
  const findings = `${NOTE_MARKER}\n${markdownReporter(result)}`;
  if (!target.preview) return findings;
  const seeAll = target.runUrl
    ? `see the job log (${target.runUrl}) or run \`gitops-ci diff --base-ref ${target.preview.baseCommit.slice(0, 12)}\` locally`
    : undefined;
  return `${findings}\n${diffMarkdown(target.preview, { maxChars: limit - findings.length - 1, seeAll })}`;
}
