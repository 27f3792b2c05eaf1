import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./run-node.js";
import { tempTree } from "./temp-dir.js";

const FIXTURES = path.join(REPO_ROOT, "test/fixtures/diff");

/**
 * A config repo from test/fixtures/diff: `main` is the shared repo plus the case's `base/`; the
 * work tree is that plus the case's `head/`, less the files its `delete.txt` lists: the change.
 */
export function diffCaseRepo(name: string): string {
  const dir = tempTree({});
  const caseDir = path.join(FIXTURES, "cases", name);
  cpSync(path.join(FIXTURES, "repo"), dir, { recursive: true });
  if (existsSync(path.join(caseDir, "base"))) cpSync(path.join(caseDir, "base"), dir, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base");
  if (existsSync(path.join(caseDir, "head"))) cpSync(path.join(caseDir, "head"), dir, { recursive: true });
  const deleted = path.join(caseDir, "delete.txt");
  if (existsSync(deleted))
    for (const file of readFileSync(deleted, "utf8").split("\n").filter(Boolean)) rmSync(path.join(dir, file));
  return dir;
}

/** The shared repo of test/fixtures/diff as files, for a project another helper creates. */
export function diffRepoFiles(): Record<string, string> {
  const root = path.join(FIXTURES, "repo");
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => {
      const full = path.join(e.parentPath, e.name);
      return [path.relative(root, full), readFileSync(full, "utf8")];
    }),
  );
}
