// Lays out the GitLab component project as the CI/CD Catalog wants it: templates/ at the root,
// with the README, its own pipeline (.gitlab-ci.yml, from gitlab/component-ci.yml), the job
// image's Dockerfile and what it copies (dist/, package.json), and the config repo the pipeline
// tests the components on (tests/config-repo). Usage: node scripts/split-component.mjs <out>
// (docs/releasing.md: the maintainer pushes <out> to the component project and tags it).
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
cpSync("gitlab/component-ci.yml", path.join(out, ".gitlab-ci.yml"));
cpSync("dist", path.join(out, "dist"), { recursive: true });
cpSync("package.json", path.join(out, "package.json"));
cpSync("test/fixtures/config-repo", path.join(out, "tests/config-repo"), { recursive: true });
const names = readdirSync("gitlab/templates").map((f) => f.replace(/\.yml$/, ""));
writeFileSync(
  path.join(out, "README.md"),
  `# gitops-ci components\n\n${names.map((n) => `- \`${n}\`: \`include: - component: $CI_SERVER_FQDN/<group>/gitops-ci/${n}@<version>\``).join("\n")}\n\nInputs: docs/reference.md in the gitops-ci repository.\n`,
);
console.log(`component project laid out in ${out}: templates/${names.join(".yml, templates/")}.yml`);
