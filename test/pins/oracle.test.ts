import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { setImageLocal } from "../../src/commands/set-image.js";
import { containerImages, renderKustomization } from "../helpers/kustomize.js";
import { tempTree } from "../helpers/temp-dir.js";

// What the deployer renders after set-image edits a pin, by the real kustomize: the expected images
// are written by hand, not computed by the code under test.
const A = `sha256:${"a".repeat(64)}`;
const DEPLOYMENT =
  "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      initContainers: [{name: init, image: ghcr.io/acme/app:0.9}]\n      containers:\n        - name: app\n          image: ghcr.io/acme/app:0.9\n        - name: proxy\n          image: envoyproxy/envoy:v1.30\n";

describe("pins, rendered by the real kustomize", () => {
  for (const [spec, expected] of [
    ["ghcr.io/acme/app:1.10", "ghcr.io/acme/app:1.10"],
    [`ghcr.io/acme/app@${A}`, `ghcr.io/acme/app@${A}`],
    [`ghcr.io/acme/app:2.0@${A}`, `ghcr.io/acme/app:2.0@${A}`],
  ] as const)
    it(`a plain manifest inside a kustomization renders ${spec}`, async () => {
      const dir = tempTree({
        "app/kustomization.yaml": "resources:\n- deployment.yaml\n",
        "app/deployment.yaml": DEPLOYMENT,
      });
      setImageLocal({ dir, paths: ["app/deployment.yaml"], images: [spec] });
      assert.deepEqual(containerImages(await renderKustomization(path.join(dir, "app"))), [
        expected, // containers, as kustomize orders the keys
        "envoyproxy/envoy:v1.30",
        expected, // initContainers
      ]);
    });

  for (const [before, spec, expected] of [
    ["ghcr.io/acme/app:0.9", "ghcr.io/acme/app:1.10", "ghcr.io/acme/app:1.10"],
    ["ghcr.io/acme/app=registry.local/app:0.9", "ghcr.io/acme/app:1.1", "registry.local/app:1.1"],
    ["ghcr.io/acme/app:0.9", `ghcr.io/acme/app@${A}`, `ghcr.io/acme/app@${A}`],
  ] as const)
    it(`an Argo CD kustomize.images entry ${before}, set to ${spec}, renders ${expected} as Argo CD applies it`, async () => {
      const application = `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: app}\nspec:\n  source:\n    path: app\n    kustomize:\n      images:\n        - ${before}\n`;
      const dir = tempTree({
        "app/kustomization.yaml": "resources:\n- deployment.yaml\n",
        "app/deployment.yaml": DEPLOYMENT,
        "argo/app.yaml": application,
      });
      setImageLocal({ dir, paths: ["argo/app.yaml"], images: [spec] });
      const images = parse(readFileSync(path.join(dir, "argo/app.yaml"), "utf8")).spec.source.kustomize
        .images as string[];
      // Argo CD's repo-server runs `kustomize edit set image` with each entry, then builds
      for (const image of images)
        execFileSync("kustomize", ["edit", "set", "image", image], { cwd: path.join(dir, "app") });
      assert.deepEqual(containerImages(await renderKustomization(path.join(dir, "app"))), [
        expected, // containers, as kustomize orders the keys
        "envoyproxy/envoy:v1.30",
        expected, // initContainers
      ]);
    });

  it("Helm values re-parse to the mapping the chart reads", () => {
    const dir = tempTree({
      "chart/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
      "chart/values.yaml": "image:\n  repository: ghcr.io/acme/app\n  tag: 0.9\n  pullPolicy: IfNotPresent\n",
    });
    setImageLocal({ dir, paths: ["chart/values.yaml"], images: ["ghcr.io/acme/app:1.10"] });
    assert.deepEqual(parse(readFileSync(path.join(dir, "chart/values.yaml"), "utf8")), {
      image: { repository: "ghcr.io/acme/app", tag: "1.10", pullPolicy: "IfNotPresent" },
    });
  });
});
