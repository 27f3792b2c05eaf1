import { writeFileSync } from "node:fs";
import { dotenvName, type OutputTable, type OutputValues, outputText } from "../surfaces/outputs.js";

/**
 * Writes outputs as a dotenv file for `artifacts:reports:dotenv`, so later jobs read them as
 * variables (GITOPS_CI_<OUTPUT>). Values are single-line (GitLab's dotenv has no quoting): lists
 * given one a line elsewhere are separated by spaces here.
 */
export function writeDotenv<T extends OutputTable>(file: string, table: T, outputs: OutputValues<T>): void {
  const lines = Object.entries(table).map(([name, spec]) => {
    const text = outputText(spec, outputs[name]);
    return `${dotenvName(name)}=${text.replaceAll(/[\r\n]+/g, " ")}`;
  });
  writeFileSync(file, `${lines.join("\n")}\n`);
}
