// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx), then scans all
// it printed for the suite's test secrets: a token or password in any output fails the run.
// Extra arguments are passed to node --test, e.g. --test-name-pattern.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

// The secrets the tests hand to the suite (test/helpers/forge.ts, test/helpers/registry.ts).
const SECRETS = [
  "ghp_forgeTestToken0123456789abcdef",
  "glpat-readOnlyToken0123456789",
  "reg-s3cret-Pa55word-0123456789",
];

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : find(full);
    return e.name.endsWith(".test.ts") ? [full] : [];
  });
}

const args = process.argv.slice(2);
const files = args.some((a) => a.endsWith(".ts")) ? [] : find("test").sort();
const child = spawn(process.execPath, ["--import", "tsx", "--test", ...args, ...files], {
  stdio: ["ignore", "pipe", "pipe"],
});
let printed = "";
const pass = (stream) => (chunk) => {
  printed += chunk.toString();
  stream.write(chunk);
};
child.stdout.on("data", pass(process.stdout));
child.stderr.on("data", pass(process.stderr));
child.on("close", (code) => {
  const leaked = SECRETS.filter((s) => printed.includes(s));
  if (leaked.length) {
    console.error(
      `\nA test secret appears in the test output (${leaked.length} of ${SECRETS.length}): masking failed somewhere.`,
    );
    process.exit(1);
  }
  process.exit(code ?? 1);
});
