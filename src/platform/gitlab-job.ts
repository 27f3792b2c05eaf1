import { writeFileSync } from "node:fs";
import { dotenvName, type OutputTable, type OutputValues, outputText } from "../surfaces/outputs.js";
import { parseShard, type Shard } from "../gate/shards/shard.js";

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

/** The shard of a job GitLab runs with `parallel: N` (CI_NODE_INDEX of CI_NODE_TOTAL), if it is one. */
export function parallelShard(env: NodeJS.ProcessEnv): Shard | undefined {
  if (env.GITLAB_CI !== "true" || !env.CI_NODE_TOTAL || env.CI_NODE_TOTAL === "1") return undefined;
  return parseShard(`${env.CI_NODE_INDEX ?? ""}/${env.CI_NODE_TOTAL}`, "CI_NODE_INDEX/CI_NODE_TOTAL");
}
