import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "seed",
  GIT_AUTHOR_EMAIL: "seed@example.com",
  GIT_COMMITTER_NAME: "seed",
  GIT_COMMITTER_EMAIL: "seed@example.com",
};

/** Creates `<root>/<repo>.git`, a bare repository whose `main` holds the files in one commit. */
export function seedRepository(root: string, repo: string, files: Record<string, string>): string {
  const work = mkdtempSync(path.join(tmpdir(), "forge-seed-"));
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: work, env: GIT_ENV, stdio: "pipe" });
    git("init", "-q", "-b", "main");
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
      writeFileSync(path.join(work, name), content);
    }
    git("add", "-A");
    git("commit", "-q", "-m", "initial config");
    const bare = path.join(root, `${repo}.git`);
    mkdirSync(path.dirname(bare), { recursive: true });
    execFileSync("git", ["clone", "-q", "--bare", work, bare], { env: GIT_ENV, stdio: "pipe" });
    return bare;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `git <args>` in a bare repository, for assertions. */
export function gitIn(bare: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: bare, encoding: "utf8", env: GIT_ENV }).trim();
}
