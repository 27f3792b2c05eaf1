import { writeFileSync } from "node:fs";

/**
 * Writes outputs as a dotenv file for `artifacts:reports:dotenv`, so later jobs read them as
 * variables (GITOPS_CI_<NAME>). Values are single-line; GitLab's dotenv has no quoting.
 */
export function writeDotenv(file: string, outputs: Record<string, string | number | boolean | undefined>): void {
  const lines = Object.entries(outputs).map(([name, value]) => {
    const key = `GITOPS_CI_${name.toUpperCase().replaceAll("-", "_")}`;
    return `${key}=${String(value ?? "").replaceAll(/[\r\n]+/g, " ")}`;
  });
  writeFileSync(file, `${lines.join("\n")}\n`);
}
