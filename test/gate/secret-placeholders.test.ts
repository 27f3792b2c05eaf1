import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validate } from "../../src/commands/validate.js";
import { placeholderOf } from "../../src/gate/secret-placeholders.js";
import { tempTree } from "../helpers/temp-dir.js";

describe("secret placeholders: references filled in at deploy time are not plaintext", () => {
  it("knows the injectors' forms, in stringData and base64 data", () => {
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    assert.deepEqual(
      [
        "op://vault/item/field",
        "<path:secret/data/x#key>",
        "<secret:name|base64>",
        "<db-password>",
        "ref+vault://secret/db#/password",
        "${DB_PASSWORD}",
        "postgres://app:${DB_PASSWORD:=x}@db:5432/app",
        "",
        null,
      ].map((v) => placeholderOf(v)),
      [
        "1Password",
        "argocd-vault-plugin",
        "argocd-vault-plugin",
        "argocd-vault-plugin",
        "vals",
        "Flux post-build substitution",
        "Flux post-build substitution",
        "empty",
        "empty",
      ],
    );
    assert.equal(placeholderOf(b64("<path:secret/data/x#key>"), true), "argocd-vault-plugin");
    for (const real of ["hunter2", "op:not-a-ref", "<not a placeholder>", "$HOME", b64("hunter2")])
      assert.equal(placeholderOf(real, true), undefined, real);
  });

  it("a Secret of placeholders gives info findings only; a real value beside one is still an error", async () => {
    const dir = tempTree({
      "injected.yaml":
        'apiVersion: v1\nkind: Secret\nmetadata: {name: a}\nstringData:\n  user: "${DB_USER}"\n  password: ""\n',
      "mixed.yaml":
        "apiVersion: v1\nkind: Secret\nmetadata: {name: b}\nstringData:\n  token: op://ci/deploy/token\n  password: hunter2\n",
    });
    const result = await validate({ dir, renderer: "none" });
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.severity, `${f.file}:${f.line}`]),
      [
        ["plaintext-secret", "error", "mixed.yaml:4"],
        ["secret-placeholder", "info", "injected.yaml:5"],
        ["secret-placeholder", "info", "injected.yaml:6"],
        ["secret-placeholder", "info", "mixed.yaml:5"],
      ],
    );
    assert.deepEqual([result.summary.errors, result.summary.info], [1, 3]);
    const clean = await validate({
      dir: tempTree({
        "injected.yaml": 'apiVersion: v1\nkind: Secret\nmetadata: {name: a}\nstringData:\n  user: "${DB_USER}"\n',
      }),
      renderer: "none",
      failOn: "warning",
    });
    assert.equal(clean.failed, false, "info never fails a run, not even with --fail-on warning");
  });
});
