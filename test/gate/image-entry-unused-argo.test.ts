import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validate } from "../../src/commands/validate.js";
import { tempTree } from "../helpers/temp-dir.js";

const application = (images: string[]) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api\n  namespace: argocd\nspec:\n  project: default\n  destination: {server: "https://kubernetes.default.svc", namespace: api}\n  source:\n    repoURL: https://git.example.com/config.git\n    path: apps/api\n    kustomize:\n      images:\n${images.map((i) => `        - ${i}\n`).join("")}`;

const repo = (images: string[]) =>
  tempTree({
    "apps/api/kustomization.yaml": "resources:\n- deployment.yaml\n",
    "apps/api/deployment.yaml":
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.0\n",
    "clusters/api.yaml": application(images),
  });

describe("image-entry-unused on an Argo CD Application's kustomize.images", () => {
  it("warns at the entry that matches no rendered container; entries that match, renamed or not, pass", async () => {
    const result = await validate({
      dir: repo(["ghcr.io/acme/api=mirror.local/api:1.1", "ghcr.io/acme/apii:1.1"]),
    });
    assert.deepEqual(
      result.findings.filter((f) => f.rule === "image-entry-unused").map((f) => [f.file, f.line, f.message]),
      [
        [
          "clusters/api.yaml",
          15,
          `Argo CD Application api's kustomize.images entry "ghcr.io/acme/apii:1.1" matches no container image rendered from apps/api`,
        ],
      ],
    );
  });
});
