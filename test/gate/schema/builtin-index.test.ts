import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { InternalError } from "../../../src/errors.js";
import { CRD_MODELS, KUBERNETES_MODELS } from "../../../src/gate/schema/builtin-index.js";
import { kubernetesKinds, loadBuiltinSchema, SHIPPED_CRD } from "../../../src/gate/schema/builtin-schemas.js";
import { createSchemaCatalog } from "../../../src/gate/schema/catalog.js";

describe("the shipped schemas, loaded by API group version", () => {
  it("the index names every kind the model packages export, each group's module exporting that model", () => {
    // The generator imports every package whole and checks each group version's module against it.
    execFileSync(process.execPath, ["scripts/generate-schema-index.mjs", "--check"], { stdio: "pipe" });
    assert.ok(Object.keys(KUBERNETES_MODELS).length > 200);
    assert.ok("bitnami.com/v1alpha1 SealedSecret" in CRD_MODELS);
    assert.ok("kustomize.toolkit.fluxcd.io/v1 Kustomization" in CRD_MODELS);
    assert.deepEqual(kubernetesKinds().get("Deployment"), [
      "apps/v1",
      "apps/v1beta1",
      "apps/v1beta2",
      "extensions/v1beta1",
    ]);
  });

  it("a kind's schema loads on its own and checks objects as the whole set did", async () => {
    const deployment = await loadBuiltinSchema("apps/v1 Deployment");
    assert.equal(deployment?.origin, "Kubernetes 1.36");
    const violations = deployment?.check(
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "w" }, spec: {} },
      false,
    );
    assert.ok(
      violations?.some((v) => v.missingField && /selector/.test(v.message)),
      JSON.stringify(violations),
    );
    assert.equal((await loadBuiltinSchema("bitnami.com/v1alpha1 SealedSecret"))?.origin, SHIPPED_CRD);
    assert.equal(await loadBuiltinSchema("example.com/v1 Widget"), undefined);
  });

  it("the catalog answers for the kinds it prepared; a shipped kind looked up unprepared is a bug, not a pass", async () => {
    const catalog = await createSchemaCatalog({ repoCrds: [] });
    assert.throws(() => catalog.lookup("v1", "Service"), InternalError);
    await catalog.prepare([
      { apiVersion: "v1", kind: "Service" },
      { apiVersion: "example.com/v1", kind: "Widget" },
      {},
    ]);
    assert.ok(catalog.lookup("v1", "Service"));
    assert.equal(catalog.lookup("example.com/v1", "Widget"), undefined);
    assert.match(catalog.rejectedKind("apps/v1", "Service") ?? "", /Kubernetes serves Service as v1, not apps\/v1/);
  });
});
