// Lays out the GitLab component project as the CI/CD Catalog wants it: templates/ at the root,
// with the README and the job image's Dockerfile. Usage: node scripts/split-component.mjs <out>
// (the release workflow pushes <out> to the component project and tags it).
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/split-component.mjs <out-dir>");
  process.exit(2);
}
if (existsSync(out) && readdirSync(out).length) {
  console.error(`${out} is not empty`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
cpSync("gitlab/templates", path.join(out, "templates"), { recursive: true });
cpSync("gitlab/Dockerfile", path.join(out, "Dockerfile"));
const names = readdirSync("gitlab/templates").map((f) => f.replace(/\.yml$/, ""));
writeFileSync(
  path.join(out, "README.md"),
  `# gitops-ci components\n\n${names.map((n) => `- \`${n}\`: \`include: - component: $CI_SERVER_FQDN/<group>/gitops-ci/${n}@<version>\``).join("\n")}\n\nInputs: docs/reference.md in the gitops-ci repository.\n`,
);
console.log(`component project laid out in ${out}: templates/${names.join(".yml, templates/")}.yml`);
