import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseImageSpec } from "../../src/kustomize/image-ref.js";
import { setImages } from "../../src/kustomize/set-images.js";
import { imageEntries, type PlannedImage, planPromotion, refuseInvalidValues, specOf } from "../../src/promote/plan.js";

const DIGEST = `sha256:${"a".repeat(64)}`;
const SOURCE = `images:
- name: nginx
  newTag: "1.27.1"
- name: ghcr.io/acme/web
  newTag: v2.3.0
  digest: ${DIGEST}
- name: ghcr.io/acme/worker
  newName: registry.example.com/acme/worker
  newTag: v1.0.1
- name: redis
  newTag: "7.2.5"
`;
const TARGET = `# production
images:
- name: docker.io/library/nginx # matched as docker does
  newTag: "1.27.0"
- name: ghcr.io/acme/web
  newTag: v2.2.0
- name: redis
  newTag: "7.2.5"
`;

describe("planPromotion", () => {
  const plan = planPromotion(imageEntries("s.yaml", SOURCE), imageEntries("t.yaml", TARGET));

  it("lists every image that differs, with the target's current fields, and skips equal ones", () => {
    assert.deepEqual(
      plan.map((i) => [i.name, i.from?.newTag, i.to.newTag, i.bump, i.downgrade]),
      [
        ["nginx", "1.27.0", "1.27.1", "patch", false],
        ["ghcr.io/acme/web", "v2.2.0", "v2.3.0", "minor", false],
        ["ghcr.io/acme/worker", undefined, "v1.0.1", "other", false],
      ],
    );
  });

  it("limits the plan to --image names, matched as docker does", () => {
    const only = planPromotion(imageEntries("s.yaml", SOURCE), imageEntries("t.yaml", TARGET), [
      "docker.io/library/nginx",
    ]);
    assert.deepEqual(
      only.map((i) => i.name),
      ["nginx"],
    );
  });

  it("applies with the set-image editor: the target says what the source says, comments kept", () => {
    const { text } = setImages("t.yaml", TARGET, plan.map(specOf));
    const after = imageEntries("t.yaml", text);
    assert.deepEqual(planPromotion(imageEntries("s.yaml", SOURCE), after), []);
    assert.match(text, /^# production\n/);
    assert.match(text, /- name: docker\.io\/library\/nginx # matched as docker does\n {2}newTag: "1\.27\.1"/);
    assert.deepEqual(
      specOf(plan[2] as PlannedImage),
      parseImageSpec("ghcr.io/acme/worker=registry.example.com/acme/worker:v1.0.1"),
    );
  });
});

describe("refuseInvalidValues", () => {
  const staging = (tag: string) => `resources:\n- ../base\nimages:\n- name: web\n  newTag: ${tag}\n`;
  const promoted = (source: string) => {
    const entries = imageEntries("staging/kustomization.yaml", source);
    return () => refuseInvalidValues(entries, planPromotion(entries, []));
  };

  it("refuses a tag that is not an OCI tag, at its file and line", () => {
    assert.throws(
      promoted(staging('"1.4.1` @acme/security-team <img src=x>"')),
      /^InputFileError: staging\/kustomization\.yaml:5:11: images\[\]\.newTag of "web": tag "1\.4\.1` @acme\/security-team <img src=x>" is not a valid OCI tag/,
    );
  });

  it("refuses a newName with a newline and a malformed digest", () => {
    assert.throws(
      promoted('images:\n- name: web\n  newName: "evil.example/x\\n@all"\n  newTag: "1"\n'),
      /kustomization\.yaml:3:12: images\[\]\.newName of "web"/,
    );
    assert.throws(
      promoted("images:\n- name: web\n  digest: sha256:abc\n"),
      /kustomization\.yaml:3:11: images\[\]\.digest of "web": digest "sha256:abc" is malformed/,
    );
  });

  it("lets valid values through", () => {
    promoted(staging('"1.4.1"'))();
    promoted(`images:\n- name: web\n  newName: ghcr.io/acme/web\n  digest: sha256:${"a".repeat(64)}\n`)();
  });
});
