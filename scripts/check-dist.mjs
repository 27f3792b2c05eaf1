// Fails, with a diff, when the committed dist/ is not what a fresh build produces.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const fresh = mkdtempSync(path.join(tmpdir(), "gitops-ci-dist-"));
try {
  const build = spawnSync(process.execPath, ["scripts/build.mjs", fresh], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const diff = spawnSync("git", ["diff", "--no-index", "--stat", "--exit-code", "dist", fresh], { encoding: "utf8" });
  if (diff.status !== 0) {
    process.stdout.write(diff.stdout);
    console.error("dist/ differs from a fresh build: run `npm run build` and commit dist/.");
    process.exit(1);
  }
  console.log("dist/ matches a fresh build.");
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
