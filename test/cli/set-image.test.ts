import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { runCli } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

const STAGING = 'resources:\n- ../../base\nimages:\n- name: app # the app\n  newTag: "1.0"\n';
const PROD = 'resources:\n- ../../base\nimages:\n- name: app\n  newTag: "0.9"\n';

function repo() {
  return tempTree({ "overlays/staging/kustomization.yaml": STAGING, "overlays/production/kustomization.yaml": PROD });
}
const read = (dir: string, p: string) => readFileSync(path.join(dir, p), "utf8");

describe("gitops-ci set-image", () => {
  it("edits the kustomization and reports what changed", () => {
    const dir = repo();
    const r = runCli(["set-image", "--dir", dir, "--path", "overlays/staging", "--image", "app:1.10"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(read(dir, "overlays/staging/kustomization.yaml"), STAGING.replace('"1.0"', '"1.10"'));
    assert.match(r.stdout, /overlays\/staging\/kustomization\.yaml:4: app: newTag 1\.0 -> 1\.10/);
    assert.equal(read(dir, "overlays/production/kustomization.yaml"), PROD);
  });

  it("repeats --path and --image", () => {
    const dir = repo();
    const d = `sha256:${"c".repeat(64)}`;
    const r = runCli([
      "set-image",
      "--dir",
      dir,
      "--path",
      "overlays/staging",
      "--path",
      "overlays/production/",
      "--image",
      "app:2.0",
      "--image",
      `side@${d}`,
    ]);
    assert.equal(r.status, 0, r.stderr);
    for (const env of ["staging", "production"]) {
      assert.match(
        read(dir, `overlays/${env}/kustomization.yaml`),
        new RegExp(`newTag: "2.0"\\n- name: side\\n  digest: ${d}\\n$`),
      );
    }
  });

  it("prints one JSON object with --json", () => {
    const dir = repo();
    const r = runCli(["set-image", "--dir", dir, "--path", "overlays/staging", "--image", "app:1.1", "--json"]);
    const out = JSON.parse(r.stdout);
    assert.equal(out.changed, true);
    assert.deepEqual(out.files, ["overlays/staging/kustomization.yaml"]);
    assert.deepEqual(out.images[0], {
      file: "overlays/staging/kustomization.yaml",
      spec: "app:1.1",
      name: "app",
      action: "updated",
      before: { newTag: "1.0" },
      after: { newTag: "1.1" },
      line: 4,
    });
  });

  it("reports unchanged on a second run and leaves the file alone", () => {
    const dir = repo();
    runCli(["set-image", "--dir", dir, "--path", "overlays/staging", "--image", "app:1.1"]);
    const file = path.join(dir, "overlays/staging/kustomization.yaml");
    const mtime = statSync(file).mtimeMs;
    const r = runCli(["set-image", "--dir", dir, "--path", "overlays/staging", "--image", "app:1.1", "--json"]);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout).files, []);
    assert.equal(JSON.parse(r.stdout).changed, false);
    assert.equal(JSON.parse(r.stdout).images[0].action, "unchanged");
    assert.equal(statSync(file).mtimeMs, mtime);
  });

  it("--dry-run prints a unified diff and writes nothing", () => {
    const dir = repo();
    const r = runCli(["set-image", "--dir", dir, "--path", "overlays/staging", "--image", "app:1.10", "--dry-run"]);
    assert.equal(r.status, 0);
    assert.match(
      r.stdout,
      /^--- a\/overlays\/staging\/kustomization\.yaml\n\+\+\+ b\/overlays\/staging\/kustomization\.yaml\n@@ -1,5 \+1,5 @@\n/,
    );
    assert.match(r.stdout, /dry run, nothing written/);
    assert.equal(read(dir, "overlays/staging/kustomization.yaml"), STAGING);
    // The diff is a real patch: git applies it and gets exactly the edit a real run makes.
    const patch = r.stdout.slice(0, r.stdout.indexOf("overlays/staging/kustomization.yaml:4:"));
    const applied = spawnSync("git", ["apply", "-p1", "-"], { cwd: dir, input: patch, encoding: "utf8" });
    assert.equal(applied.status, 0, applied.stderr);
    assert.equal(read(dir, "overlays/staging/kustomization.yaml"), STAGING.replace('"1.0"', '"1.10"'));
  });

  it("keeps the file's mode", () => {
    const dir = repo();
    const file = path.join(dir, "overlays/staging/kustomization.yaml");
    chmodSync(file, 0o640);
    runCli(["set-image", "--dir", dir, "--path", "overlays/staging", "--image", "app:3"]);
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  it("writes nothing when one of several files is invalid, and names file:line:column", () => {
    const dir = repo();
    writeFileSync(
      path.join(dir, "overlays/production/kustomization.yaml"),
      "images:\n- name: app\n  newTag: v1\n  newTag: v2\n",
    );
    const r = runCli([
      "set-image",
      "--dir",
      dir,
      "--path",
      "overlays/staging",
      "--path",
      "overlays/production",
      "--image",
      "app:9",
    ]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /overlays\/production\/kustomization\.yaml:4:3: invalid YAML: Map keys must be unique/);
    assert.equal(read(dir, "overlays/staging/kustomization.yaml"), STAGING);
  });

  // Each case: what is wrong, the flags after --dir, and the message. Staging must stay untouched.
  const STAGING_PATH = ["--path", "overlays/staging"];
  const usage: [string, string[], RegExp][] = [
    ["a tag outside the OCI grammar", [...STAGING_PATH, "--image", "app:-bad"], /tag "-bad" is not a valid OCI tag/],
    ["a malformed digest", [...STAGING_PATH, "--image", "app@sha256:1234"], /digest "sha256:1234" is malformed/],
    ["an empty name", [...STAGING_PATH, "--image", ":v1"], /the image name is empty/],
    [
      "two specs for one image",
      [...STAGING_PATH, "--image", "app:1", "--image", "docker.io/library/app:2"],
      /name the same image/,
    ],
    [
      "a path that leaves --dir",
      [...STAGING_PATH, "--path", "../elsewhere", "--image", "app:1"],
      /--path "\.\.\/elsewhere" leaves --dir/,
    ],
    ["an absolute path", [...STAGING_PATH, "--path", "/etc", "--image", "app:1"], /must be relative to --dir/],
    ["an unknown flag", [...STAGING_PATH, "--image", "app:1", "--tag", "x"], /Unknown option '--tag'/],
    ["no --image", STAGING_PATH, /give at least one --image/],
    ["no --path", ["--image", "app:1"], /give at least one --path/],
  ];
  for (const [what, args, message] of usage) {
    it(`exits 2 on ${what}, writing nothing`, () => {
      const dir = repo();
      const r = runCli(["set-image", "--dir", dir, ...args]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(read(dir, "overlays/staging/kustomization.yaml"), STAGING);
    });
  }

  it("refuses a directory symlinked outside --dir", () => {
    const outside = tempTree({ "kustomization.yaml": "images: []\n" });
    const dir = repo();
    symlinkSync(outside, path.join(dir, "overlays/evil"));
    const r = runCli(["set-image", "--dir", dir, "--path", "overlays/evil", "--image", "app:1"]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /"overlays\/evil" resolves outside --dir through a symlink/);
    assert.equal(read(outside, "kustomization.yaml"), "images: []\n");
  });

  it("refuses a kustomization file symlinked outside --dir", () => {
    const outside = tempTree({ "k.yaml": "images: []\n" });
    const dir = repo();
    mkdirSync(path.join(dir, "overlays/link"));
    symlinkSync(path.join(outside, "k.yaml"), path.join(dir, "overlays/link/kustomization.yaml"));
    const r = runCli(["set-image", "--dir", dir, "--path", "overlays/link", "--image", "app:1"]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /overlays\/link\/kustomization\.yaml" resolves outside --dir/);
    assert.equal(read(outside, "k.yaml"), "images: []\n");
  });

  it("follows a symlink that stays inside --dir and keeps the link", () => {
    const dir = repo();
    mkdirSync(path.join(dir, "overlays/alias"));
    symlinkSync("../staging/kustomization.yaml", path.join(dir, "overlays/alias/kustomization.yaml"));
    const r = runCli(["set-image", "--dir", dir, "--path", "overlays/alias", "--image", "app:5"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(read(dir, "overlays/staging/kustomization.yaml"), /newTag: "5"/);
  });

  it("fails when the directory has no kustomization, or more than one", () => {
    const dir = repo();
    mkdirSync(path.join(dir, "empty"));
    const none = runCli(["set-image", "--dir", dir, "--path", "empty", "--image", "app:1"]);
    assert.equal(none.status, 1);
    assert.match(
      none.stderr,
      /no kustomization in "empty" \(looked for kustomization\.yaml, kustomization\.yml, Kustomization\)/,
    );
    writeFileSync(path.join(dir, "overlays/staging/kustomization.yml"), "images: []\n");
    const two = runCli(["set-image", "--dir", dir, "--path", "overlays/staging", "--image", "app:1"]);
    assert.equal(two.status, 1);
    assert.match(two.stderr, /more than one kustomization file \(kustomization\.yaml, kustomization\.yml\)/);
  });

  it("refuses a file that is not UTF-8 text", () => {
    const dir = repo();
    writeFileSync(path.join(dir, "overlays/staging/kustomization.yaml"), Buffer.from([0x69, 0x6d, 0xff, 0xfe, 0x0a]));
    const r = runCli(["set-image", "--dir", dir, "--path", "overlays/staging", "--image", "app:1"]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /overlays\/staging\/kustomization\.yaml is not UTF-8 text/);
  });
});

describe("gitops-ci help and dispatch", () => {
  it("lists every command", () => {
    const r = runCli(["--help"]);
    assert.equal(r.status, 0);
    for (const c of ["build-push", "set-image", "promote", "validate", "release"])
      assert.match(r.stdout, new RegExp(`\\n  ${c} `));
  });
  it("describes every set-image flag", () => {
    const r = runCli(["set-image", "--help"]);
    assert.equal(r.status, 0);
    for (const flag of ["--dir", "--path", "--image", "--dry-run", "--json", "--help"])
      assert.ok(r.stdout.includes(flag), flag);
  });
  it("exits 2 without a command or with an unknown one", () => {
    assert.equal(runCli([]).status, 2);
    const r = runCli(["deploy"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown command "deploy"/);
  });
});
