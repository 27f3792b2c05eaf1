import { CHECKED_NOTHING, type Reporter } from "./report.js";

/** For people: one finding per line as file:line:column, its hint below, a summary last. */
export const textReporter: Reporter = ({ findings, summary: s }) => {
  const lines = findings.map(
    (f) => `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${f.message}\n    hint: ${f.hint}`,
  );
  lines.push(
    `${s.roots} root(s), ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped; ${s.errors} error(s), ${s.warnings} warning(s).`,
  );
  if (s.checkedNothing) lines.push(CHECKED_NOTHING);
  return `${lines.join("\n")}\n`;
};
