import type { Reporter } from "./report.js";

/** The public contract: exactly { findings: [...], summary: {...} }. */
export const jsonReporter: Reporter = ({ findings, summary }) =>
  `${JSON.stringify(
    {
      findings: findings.map(({ rule, severity, file, line, column, message, hint }) => ({
        rule,
        severity,
        file,
        line,
        column,
        message,
        hint,
      })),
      summary,
    },
    null,
    2,
  )}\n`;
