// The notes of a release: every commit since the previous version tag, newest first. Refuses a tag
// that is not vX.Y.Z or that package.json disagrees with, so a release is always what it says.
// Usage: node scripts/release-notes.mjs vX.Y.Z  (the release workflow runs it on the tag's commit)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export function releaseNotes(tag, cwd = ".") {
  const git = (...args) => execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8" }).trim();
  const match = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag ?? "");
  if (!match) throw new Error(`release tags are vX.Y.Z, not "${tag}"`);
  const version = JSON.parse(readFileSync(`${cwd}/package.json`, "utf8")).version;
  if (version !== tag.slice(1)) throw new Error(`package.json says ${version}, the tag ${tag}: bump the version first`);
  const previous = git("tag", "--list", "v*.*.*", "--sort=-v:refname", "--merged", `${tag}^`)
    .split("\n")
    .find((t) => /^v\d+\.\d+\.\d+$/.test(t));
  const range = previous ? `${previous}..${tag}` : tag;
  const changes = git("log", "--no-merges", "--format=- %s (%h)", range);
  const since = previous ? `since ${previous}` : "(first release)";
  return `## Changes ${since}\n\n${changes || "- no changes"}\n\nMajor tag: v${match[1]} now points here.\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(releaseNotes(process.argv[2]));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
