import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate } from "../../src/commands/validate.js";
import { REPO_ROOT } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

// A config repo in the seeds' layout: apps/<app>/{base,overlays/staging,overlays/production},
// infrastructure/, an app-of-apps applications/ folder, SealedSecrets sealed (in the fixture's
// making) for pub/sealed-secrets-cert.pem, whose private key was thrown away.
const FIXTURE = path.join(REPO_ROOT, "test/fixtures/config-repo");
const CERT = "pub/sealed-secrets-cert.pem";

function copy(): string {
  const dir = tempTree({});
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const full = path.join(dir, file);
  writeFileSync(full, change(readFileSync(full, "utf8")));
}

describe("the seeds-layout config repo", () => {
  it("passes clean: every root rendered, every secret sealed", async () => {
    const result = await validate({ dir: FIXTURE, renderer: "auto", sealedSecretsCert: CERT });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.summary, {
      roots: 6,
      rendered: 6,
      skipped: 0,
      resources: 15,
      errors: 0,
      warnings: 0,
      info: 0,
      checkedNothing: false,
    });
  });

  it("catches the edits a PR should not get away with, each at its line", async () => {
    const dir = copy();
    edit(dir, "apps/web/overlays/staging/kustomization.yaml", (t) =>
      t.replace("namespace: web-staging", "namespace: web-staging\nnamePrefix: v2-"),
    );
    edit(dir, "apps/web/overlays/production/sealed-secret.yaml", (t) =>
      t.replace(/password: \S+/, `password: ${Buffer.from("prod-pw").toString("base64")}`),
    );
    edit(dir, "apps/api/overlays/staging/kustomization.yaml", (t) =>
      t.replace("name: registry.example.com/team/api", "name: team/api"),
    );
    writeFileSync(
      path.join(dir, "apps/api/overlays/staging/db.yaml"),
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  url: postgres://u:p@db\n",
    );
    const result = await validate({ dir, renderer: "auto", sealedSecretsCert: CERT });
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.severity, f.file, f.line, f.column]),
      [
        ["plaintext-secret", "error", "apps/api/overlays/staging/db.yaml", 5, 1],
        ["sealed-secret-malformed", "error", "apps/web/overlays/production/sealed-secret.yaml", 8, 15],
        ["sealed-secret-scope", "error", "apps/web/overlays/staging/sealed-secret.yaml", 4, 9],
        ["image-entry-unused", "warning", "apps/api/overlays/staging/kustomization.yaml", 7, 11],
      ],
    );
  });
});
