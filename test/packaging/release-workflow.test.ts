import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import { tempTree } from "../helpers/temp-dir.js";

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

const WORKFLOW = ".github/workflows/release.yml";
const steps = (parse(readFileSync(WORKFLOW, "utf8")) as { jobs: { release: { steps: Step[] } } }).jobs.release.steps;

/**
 * A repository with a bare origin, released from at v1.1.0, and a `gh` on PATH that records its
 * arguments: GitHub's releases API is what cannot run here, everything else does.
 */
function releasedRepository(version: string) {
  const root = tempTree({ "bin/.keep": "" });
  const origin = path.join(root, "origin.git");
  const work = path.join(root, "work");
  const bin = path.join(root, "bin");
  const run = (cwd: string, ...args: string[]) => {
    const r = spawnSync("git", ["-c", "user.email=m@example.com", "-c", "user.name=m", ...args], {
      cwd,
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  run(root, "init", "-q", "--bare", origin);
  run(root, "clone", "-q", origin, work);
  const commit = (file: string, message: string, content = message) => {
    writeFileSync(path.join(work, file), content);
    run(work, "add", "-A");
    run(work, "commit", "-qm", message);
  };
  writeFileSync(path.join(work, "package.json"), JSON.stringify({ version: "1.1.0" }));
  cpSync("scripts/release-notes.mjs", path.join(work, "scripts/release-notes.mjs"));
  commit("a.txt", "first feature");
  run(work, "tag", "v1.1.0");
  run(work, "tag", "v1");
  commit("b.txt", "set-image: retry on 409");
  commit("c.txt", "promote: --merge-timeout");
  commit("package.json", `release ${version}`, JSON.stringify({ version }));
  run(work, "tag", `v${version}`);
  run(work, "push", "-q", "origin", "HEAD:main", "--tags");
  writeFileSync(path.join(bin, "gh"), `#!/bin/sh\nprintf '%s\\n' "$@" > "${root}/gh-args"\n`);
  chmodSync(path.join(bin, "gh"), 0o755);
  return {
    root,
    work,
    bin,
    sha: run(work, "rev-parse", "HEAD"),
    tagOf: (ref: string) => run(origin, "rev-parse", ref),
  };
}

/** The workflow's own `run:` steps, each as the runner runs it (bash -e, its env), CI aside. */
function runSteps(repo: ReturnType<typeof releasedRepository>, tag: string) {
  for (const step of steps.filter((s) => s.run && s.run !== "bash .ci/run")) {
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run as string], {
      cwd: repo.work,
      encoding: "utf8",
      env: {
        PATH: `${repo.bin}:${process.env.PATH}`,
        HOME: repo.root,
        GITHUB_REF_NAME: tag,
        GITHUB_SHA: repo.sha,
        RUNNER_TEMP: repo.root,
        GH_TOKEN: "not-a-real-token",
        ...Object.fromEntries(Object.entries(step.env ?? {}).filter(([k]) => k !== "GH_TOKEN")),
      },
    });
    if (r.status !== 0) return { failed: step.name, stderr: r.stderr };
  }
  return { failed: undefined, stderr: "" };
}

describe(".github/workflows/release.yml", () => {
  it("passes the workflow schema, runs on version tags, and runs CI before releasing", () => {
    assert.deepEqual(validateWorkflow(readFileSync(WORKFLOW, "utf8")).errors, []);
    assert.match(readFileSync(WORKFLOW, "utf8"), /tags: \["v\[0-9\]\+\.\[0-9\]\+\.\[0-9\]\+"\]/);
    assert.equal(
      steps.findIndex((s) => s.run === "bash .ci/run") < steps.findIndex((s) => s.name === "GitHub release"),
      true,
    );
  });

  it("releases with the notes of every change since the last version and moves the major tag", () => {
    const repo = releasedRepository("1.2.0");
    assert.deepEqual(runSteps(repo, "v1.2.0"), { failed: undefined, stderr: "" });
    const args = readFileSync(path.join(repo.root, "gh-args"), "utf8").split("\n");
    assert.deepEqual(args.slice(0, 6), ["release", "create", "v1.2.0", "--verify-tag", "--title", "v1.2.0"]);
    const notes = readFileSync(path.join(repo.root, "notes.md"), "utf8");
    assert.match(notes, /^## Changes since v1\.1\.0$/m);
    assert.match(notes, /^- promote: --merge-timeout \([0-9a-f]+\)$/m);
    assert.match(notes, /^- set-image: retry on 409 \([0-9a-f]+\)$/m);
    assert.doesNotMatch(notes, /first feature/);
    assert.equal(repo.tagOf("refs/tags/v1"), repo.sha, "v1 now points at the release");
  });

  it("refuses a tag package.json disagrees with, before anything is published", () => {
    const repo = releasedRepository("1.2.0");
    const run = runSteps(repo, "v1.3.0");
    assert.equal(run.failed, "Release notes");
    assert.match(run.stderr, /package\.json says 1\.2\.0, the tag v1\.3\.0: bump the version first/);
    assert.ok(!existsSync(path.join(repo.root, "gh-args")), "gh was never called");
    assert.notEqual(repo.tagOf("refs/tags/v1"), repo.sha, "v1 did not move");
  });
});
