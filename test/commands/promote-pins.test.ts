import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { promote, promotionBranch } from "../../src/commands/promote.js";
import { DowngradeError } from "../../src/promote/errors.js";
import { HOSTS, testForge } from "../helpers/forge.js";

const STAGING = "charts/api/values-staging.yaml";
const PRODUCTION = "charts/api/values-production.yaml";
const LEGACY = (env: string, tag: string) =>
  `# ${env}: this chart names its image keys its own way\napp:\n  imageName: ghcr.io/acme/legacy\n  imageVersion: "${tag}"\n`;
const FILES = {
  "charts/legacy/values-staging.yaml": LEGACY("staging", "3.1"),
  "charts/legacy/values-production.yaml": LEGACY("production", "3.0"),
  [STAGING]: "image:\n  repository: ghcr.io/acme/api\n  tag: 1.4.0\nworker:\n  image: ghcr.io/acme/worker:2.1.0\n",
  [PRODUCTION]:
    "# production values: changed through promotion PRs\nimage:\n  repository: ghcr.io/acme/api # pinned\n  tag: 1.3.2\nworker:\n  image: ghcr.io/acme/worker:2.0.0\nreplicas: 4\n",
  "apps/web/overlays/production/kustomization.yaml": "images:\n- name: web\n  newTag: '1'\n",
  ...Object.fromEntries(
    [
      ["staging", "2.1.0"],
      ["production", "2.0.0"],
    ].map(([env, tag]) => [
      `clusters/${env}/api.yaml`,
      `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api-${env}\nspec:\n  source:\n    chart: api\n    helm:\n      parameters:\n        - name: image.repository\n          value: ghcr.io/acme/api\n        - name: image.tag\n          value: "${tag}"\n`,
    ]),
  ),
};

// promote between two Helm values files, as between two overlays: the plan, the PR, the bytes.
for (const { kind, host, label } of HOSTS) {
  describe(`promote between values files on ${label}`, async () => {
    const f = await testForge({ files: FILES, ...host });
    const forge = f.client(kind);

    it("opens one PR/MR that sets production's pins to staging's, every other byte kept", async () => {
      const result = await promote({ forge, branch: "main", from: STAGING, to: [PRODUCTION], pollMs: 20 });
      const target = result.targets[0];
      assert.ok(target?.prNumber);
      assert.deepEqual(
        target.plan.map((i) => [i.name, i.from?.newTag, i.to.newTag, i.bump]),
        [
          ["ghcr.io/acme/api", "1.3.2", "1.4.0", "minor"],
          ["ghcr.io/acme/worker", "2.0.0", "2.1.0", "minor"],
        ],
      );
      assert.equal(
        f.git(kind, "show", `${promotionBranch(PRODUCTION)}:${PRODUCTION}`),
        FILES[PRODUCTION].replace("tag: 1.3.2", "tag: 1.4.0").replace("worker:2.0.0", "worker:2.1.0").trimEnd(),
      );
    });

    it("between two Applications' helm.parameters", async () => {
      const result = await promote({
        forge,
        branch: "main",
        from: "clusters/staging/api.yaml",
        to: ["clusters/production/api.yaml"],
        pollMs: 20,
      });
      assert.deepEqual(
        result.targets[0]?.plan.map((i) => [i.name, i.from?.newTag, i.to.newTag]),
        [["ghcr.io/acme/api", "2.0.0", "2.1.0"]],
      );
      assert.match(
        f.git(kind, "show", `${promotionBranch("clusters/production/api.yaml")}:clusters/production/api.yaml`),
        /name: image\.tag\n {10}value: "2\.1\.0"/,
      );
    });

    it("between two values files of a chart with its own keys (--key)", async () => {
      const options = {
        forge,
        branch: "main",
        from: "charts/legacy/values-staging.yaml",
        to: ["charts/legacy/values-production.yaml"],
        pollMs: 20,
      };
      const result = await promote({ ...options, pins: { keys: ["name=app.imageName,tag=app.imageVersion"] } });
      assert.deepEqual(
        result.targets[0]?.plan.map((i) => [i.name, i.from?.newTag, i.to.newTag]),
        [["ghcr.io/acme/legacy", "3.0", "3.1"]],
      );
      assert.equal(
        f.git(kind, "show", `${promotionBranch(options.to[0] as string)}:${options.to[0]}`),
        LEGACY("production", "3.1").trimEnd(),
      );
      // without keys, the chart's names pin nothing; a key with no name= cannot pair two files' images
      await assert.rejects(promote(options), /values-staging\.yaml:1:1: pins no image to promote.*give --key/);
      await assert.rejects(promote({ ...options, pins: { keys: ["tag=app.imageVersion"] } }), /add name=<path>/);
    });

    it("refuses a downgrade, and a directory promoted to a file", async () => {
      await assert.rejects(
        promote({ forge, branch: "main", from: PRODUCTION, to: [STAGING], pollMs: 20 }),
        (e: unknown) => e instanceof DowngradeError && /ghcr\.io\/acme\/api 1\.4\.0 -> 1\.3\.2/.test(e.message),
      );
      await assert.rejects(
        promote({ forge, branch: "main", from: "apps/web/overlays/production", to: [PRODUCTION], pollMs: 20 }),
        /are not the same kind of target/,
      );
    });
  });
}
