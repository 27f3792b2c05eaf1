import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { promote } from "../../src/commands/promote.js";
import type { ForgeKind } from "../../src/forge/forge.js";
import { SourceNotGreenError } from "../../src/promote/errors.js";
import { sourceInputs } from "../../src/promote/source-inputs.js";
import { testForge } from "../helpers/forge.js";

const STAGING = "apps/web/overlays/staging";
const FILES: Record<string, string> = {
  "apps/web/base/kustomization.yaml": "resources:\n- deployment.yaml\n- ../../../shared/limits\n",
  "apps/web/base/deployment.yaml": "kind: Deployment\n",
  "shared/limits/kustomization.yaml": "resources:\n- limits.yaml\n",
  "shared/limits/limits.yaml": "kind: LimitRange\n",
  "shared/labels.yaml": "kind: Component\n",
  "unrelated/kustomization.yaml": "resources: []\n",
  [`${STAGING}/kustomization.yaml`]:
    'resources:\n- ../../base\n- https://example.com/remote.yaml\npatches:\n- path: patch.yaml\ncomponents:\n- ../../../../shared/labels.yaml\nimages:\n- name: web\n  newTag: "1.4.1"\n',
  [`${STAGING}/patch.yaml`]: "kind: Deployment\nmetadata: {name: web}\n",
  "apps/web/overlays/production/kustomization.yaml":
    'resources:\n- ../../base\nimages:\n- name: web\n  newTag: "1.4.0"\n',
};

for (const kind of ["github", "gitlab"] as ForgeKind[]) {
  describe(`${kind}: what --require-source-green looks at`, async () => {
    const f = await testForge({ files: FILES });
    const forge = f.client(kind);
    const gate = (sha: string, state: "success" | "failure") =>
      forge.setCommitStatus(sha, { name: "gitops-ci/validate", state });
    const commit = async (path: string, content: string) => {
      const head = (await forge.readFiles("main", [])).head;
      const outcome = await forge.commitFiles({
        branch: "main",
        message: `edit ${path}`,
        changes: [{ path, content }],
        expectedHead: head,
      });
      assert.equal(outcome.kind, "committed");
      return outcome.kind === "committed" ? outcome.sha : "";
    };
    const run = () =>
      promote({
        forge,
        branch: "main",
        from: STAGING,
        to: ["apps/web/overlays/production"],
        requireSourceGreen: true,
        dryRun: true,
      });

    it("walks the source root's inputs through the API: its directory, the bases it builds, the files it names", async () => {
      const file = `${STAGING}/kustomization.yaml`;
      const inputs = await sourceInputs(forge, "main", STAGING, file, FILES[file] as string);
      assert.deepEqual(inputs.sort(), [STAGING, "apps/web/base", "shared/labels.yaml", "shared/limits"].sort());
    });

    it("refuses when the newest commit in the source's directory failed, though it changed only a patch", async () => {
      const green = await commit(
        `${STAGING}/kustomization.yaml`,
        (FILES[`${STAGING}/kustomization.yaml`] as string).replace("1.4.1", "1.4.2"),
      );
      await gate(green, "success");
      await run();
      const red = await commit(
        `${STAGING}/patch.yaml`,
        "kind: Deployment\nmetadata: {name: web}\nspec: {replicas: -1}\n",
      );
      await gate(red, "failure");
      await assert.rejects(
        run(),
        (e: unknown) =>
          e instanceof SourceNotGreenError && e.message.includes(red.slice(0, 12)) && /is failure/.test(e.message),
      );
    });

    it("refuses when a base outside the source's directory changed last and failed; ignores unrelated commits", async () => {
      const fixed = await commit(`${STAGING}/patch.yaml`, "kind: Deployment\nmetadata: {name: web}\n");
      await gate(fixed, "success");
      await run();
      const red = await commit("shared/limits/limits.yaml", "kind: LimitRange\nspec: broken\n");
      await gate(red, "failure");
      await assert.rejects(
        run(),
        (e: unknown) => e instanceof SourceNotGreenError && e.message.includes(red.slice(0, 12)),
      );
      const after = await commit("shared/limits/limits.yaml", "kind: LimitRange\n");
      await gate(after, "success");
      const unrelated = await commit("unrelated/kustomization.yaml", "resources: [x.yaml]\n");
      await gate(unrelated, "failure");
      await run();
    });
  });
}
