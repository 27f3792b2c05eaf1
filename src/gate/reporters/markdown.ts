import { code } from "../../messages/markdown.js";
import { markdownTable } from "../../messages/markdown-table.js";
import { CHECKED_NOTHING, type Reporter } from "./report.js";

/** Enough to act on in a comment; the full list is in the job log and the report files. */
const MAX_ROWS = 50;

/** For PR comments and MR notes: the verdict, the summary, and the findings as a table. */
export const markdownReporter: Reporter = ({ findings, summary: s, failed }) => {
  const blocked = failed;
  const lines = [
    `### gitops-ci/validate: ${blocked ? "blocked" : "passed"}`,
    "",
    `${s.roots} root(s), ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped; **${s.errors} error(s)**, ${s.warnings} warning(s).`,
    "",
  ];
  if (s.checkedNothing) lines.push(`**${CHECKED_NOTHING}**`, "");
  if (findings.length) {
    const rows = findings
      .slice(0, MAX_ROWS)
      .map((f) => [f.severity, code(f.rule), code(`${f.file}:${f.line}:${f.column}`), f.message, f.hint]);
    lines.push(markdownTable(["severity", "rule", "where", "finding", "how to fix"], rows));
    if (findings.length > MAX_ROWS)
      lines.push("", `…and ${findings.length - MAX_ROWS} more: see the job log or the Code Quality report.`);
  } else lines.push("No findings.");
  return `${lines.join("\n")}\n`;
};
