import { type Reporter, repoFile } from "./report.js";

/** SARIF 2.1.0 for GitHub code scanning: one rule per rule id, one result per finding. */
export const sarifReporter: Reporter = (report) => {
  const { findings } = report;
  const ruleIds = [...new Set(findings.map((f) => f.rule))].sort();
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "gitops-ci validate",
            informationUri: "https://github.com/gitops-ci/gitops-ci#gitops-ci-validate-in-progress",
            rules: ruleIds.map((id) => ({
              id,
              name: id,
              shortDescription: { text: id },
              help: { text: findings.find((f) => f.rule === id)?.hint ?? "" },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "note",
          message: { text: `${f.message}. ${f.hint}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: repoFile(report, f.file) },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};
