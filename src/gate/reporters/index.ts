import { codeQualityReporter } from "./codequality.js";
import { jsonReporter } from "./json.js";
import { junitReporter } from "./junit.js";
import { markdownReporter } from "./markdown.js";
import type { ReportFormat, Reporter } from "./report.js";
import { sarifReporter } from "./sarif.js";
import { textReporter } from "./text.js";

export const REPORTERS: Record<ReportFormat, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  codequality: codeQualityReporter,
  markdown: markdownReporter,
};
