// `npm run -s forge -- --root <dir> --port <port> --token <t> [--read-token <t>] [--latency-ms N]
//  [--gitlab-version 15.4|16.11|17.10|18.5] [--github-token-kind app|pat] [--github-enterprise-version 3.17.0]`
// Prints the base URL as the first line of stdout and serves until killed.
import { parseArgs } from "node:util";
import { startForge } from "./server.js";

const { values } = parseArgs({
  options: {
    root: { type: "string" },
    port: { type: "string", default: "0" },
    token: { type: "string" },
    "read-token": { type: "string" },
    "latency-ms": { type: "string", default: "0" },
    "gitlab-version": { type: "string" },
    "github-token-kind": { type: "string" },
    "github-enterprise-version": { type: "string" },
  },
});
if (!values.root || !values.token) {
  console.error("usage: forge --root <dir> --token <t> [--port N] [--read-token <t>] [--latency-ms N]");
  process.exit(2);
}
const forge = await startForge({
  root: values.root,
  port: Number(values.port),
  token: values.token,
  readToken: values["read-token"],
  latencyMs: Number(values["latency-ms"]),
  gitlabVersion: values["gitlab-version"],
  githubTokenKind: values["github-token-kind"] as "app" | "pat" | undefined,
  githubEnterpriseVersion: values["github-enterprise-version"],
});
console.log(forge.url);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void forge.close().then(() => process.exit(0)));
