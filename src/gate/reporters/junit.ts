import { fails } from "../finding.js";
import type { Reporter } from "./report.js";

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string);

/**
 * JUnit XML (artifacts:reports:junit): one test case per file with findings at or above
 * --fail-on, failing with every such finding in it, so GitLab's test report lists them by file and
 * agrees with the exit code; a run that passes is one passing case.
 */
export const junitReporter: Reporter = (report) => {
  const findings = report.findings.filter((f) => fails(f.severity, report.failOn));
  const byFile = new Map<string, typeof findings>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const cases = [...byFile].map(([file, list]) => {
    const failures = list
      .map(
        (f) =>
          `      <failure type="${escapeXml(f.rule)}" message="${escapeXml(`${f.file}:${f.line}:${f.column}: ${f.message}`)}">${escapeXml(`${f.severity}: ${f.message}\nhint: ${f.hint}`)}</failure>`,
      )
      .join("\n");
    return `    <testcase classname="gitops-ci.validate" name="${escapeXml(file)}">\n${failures}\n    </testcase>`;
  });
  if (cases.length === 0) cases.push(`    <testcase classname="gitops-ci.validate" name="config repository"/>`);
  const failed = byFile.size;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="gitops-ci validate" tests="${Math.max(1, byFile.size)}" failures="${failed}">
  <testsuite name="gitops-ci validate" tests="${Math.max(1, byFile.size)}" failures="${failed}">
${cases.join("\n")}
  </testsuite>
</testsuites>
`;
};
