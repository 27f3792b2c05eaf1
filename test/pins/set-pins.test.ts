import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputFileError } from "../../src/errors.js";
import { parseImageSpecs } from "../../src/kustomize/image-ref.js";
import { setPins } from "../../src/pins/set-pins.js";

const set = (text: string, ...images: string[]) => setPins("f.yaml", text, parseImageSpecs(images));

describe("setPins: where config repos pin images", () => {
  it("plain manifests: containers and initContainers of any pod template, CronJobs included; other images kept", () => {
    const text = [
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata: {name: db}",
      "spec:",
      "  template:",
      "    spec:",
      "      initContainers: [{name: init, image: 'ghcr.io/acme/db:1'}]",
      "      containers:",
      "        - name: db # main",
      "          image: ghcr.io/acme/db:1 # pinned",
      "        - name: exporter",
      "          image: prom/exporter:0.1",
      "---",
      "apiVersion: batch/v1",
      "kind: CronJob",
      "metadata: {name: backup}",
      "spec:",
      "  jobTemplate:",
      "    spec:",
      "      template:",
      "        spec:",
      "          containers:",
      '            - {name: backup, image: "ghcr.io/acme/db:1"}',
      "",
    ].join("\n");
    const { text: out, edits } = set(text, "ghcr.io/acme/db:2.0");
    assert.equal(
      out,
      text
        .replace("'ghcr.io/acme/db:1'", "'ghcr.io/acme/db:2.0'")
        .replace("image: ghcr.io/acme/db:1 # pinned", "image: ghcr.io/acme/db:2.0 # pinned")
        .replace('"ghcr.io/acme/db:1"', '"ghcr.io/acme/db:2.0"'),
    );
    assert.deepEqual(
      edits.map((e) => [e.line, e.action, e.before, e.after]),
      [
        [7, "updated", { newTag: "1" }, { newTag: "2.0" }],
        [10, "updated", { newTag: "1" }, { newTag: "2.0" }],
        [23, "updated", { newTag: "1" }, { newTag: "2.0" }],
      ],
    );
  });

  it("Helm values: registry + repository mappings, a tag added where the chart default was used, image strings", () => {
    const text =
      "image:\n  registry: ghcr.io\n  repository: acme/api\n  digest: sha256:" +
      "a".repeat(64) +
      "\nsidecar:\n  image: ghcr.io/acme/api:1\n";
    const { text: out } = set(text, "ghcr.io/acme/api:1.10");
    assert.equal(
      out,
      'image:\n  registry: ghcr.io\n  repository: acme/api\n  tag: "1.10"\n  digest: ""\nsidecar:\n  image: ghcr.io/acme/api:1.10\n',
    );
  });

  it("a Flux HelmRelease's spec.values, like a values file", () => {
    const text =
      "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: api\nspec:\n  values:\n    image:\n      repository: ghcr.io/acme/api\n      tag: 1.0.0\n";
    assert.match(set(text, "ghcr.io/acme/api:1.1.0").text, /^ {6}tag: 1\.1\.0$/m);
  });

  it("Flux setter markers: only the marked scalars change, a :tag scalar by its policy's :name", () => {
    const text = [
      "spec:",
      '  image: ghcr.io/acme/web:1.0 # {"$imagepolicy": "flux-system:web"}',
      "  other: ghcr.io/acme/web:1.0",
      "  values:",
      '    repository: ghcr.io/acme/web # {"$imagepolicy": "flux-system:web2:name"}',
      '    tag: "1.0" # {"$imagepolicy": "flux-system:web2:tag"}',
      "",
    ].join("\n");
    const { text: out, edits } = set(text, "ghcr.io/acme/web:1.1");
    assert.equal(out, text.replace("web:1.0 #", "web:1.1 #").replace('tag: "1.0"', 'tag: "1.1"'));
    assert.deepEqual(
      edits.map((e) => e.line),
      [2, 6],
    );
  });

  it("a spec no pin matches names the file and the images it pins; nothing changes", () => {
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: nginx:1}, {name: b, image: redis:7}]\n";
    assert.throws(
      () => set(text, "nginx:1.27", "ghcr.io/acme/other:2"),
      (error: unknown) =>
        error instanceof InputFileError &&
        /^f\.yaml:1:1: pins no image ghcr\.io\/acme\/other; it pins nginx, redis$/.test(error.message),
    );
  });

  it("refuses an anchored value others alias, a digest the values have no field for, a file with no pins", () => {
    const aliased =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: &img nginx:1}\n    - {name: b, image: *img}\n";
    assert.throws(() => set(aliased, "nginx:2"), /f\.yaml:6:24: this value carries the anchor &img/);
    const noDigest = "image:\n  repository: nginx\n  tag: '1'\n";
    assert.throws(
      () => set(noDigest, `nginx@sha256:${"b".repeat(64)}`),
      /f\.yaml:2:3: these values have no digest field/,
    );
    assert.throws(() => set("replicas: 3\n", "nginx:2"), /f\.yaml:1:1: pins no image: no container image/);
  });

  it("a syntax error is an error at its line", () => {
    assert.throws(() => set("image: [nginx:1\n", "nginx:2"), /f\.yaml:\d+:\d+: invalid YAML/);
  });
});

describe("setPins: a values tag that holds the digest too", () => {
  const D = `sha256:${"c".repeat(64)}`;
  const E = `sha256:${"d".repeat(64)}`;
  const text = `image:\n  repository: ghcr.io/acme/api\n  tag: 1.0.0@${D}\n`;
  it("tag@digest stays in that form; a tag alone drops the stale digest", () => {
    assert.equal(set(text, `ghcr.io/acme/api:1.1.0@${E}`).text, text.replace(`1.0.0@${D}`, `1.1.0@${E}`));
    assert.equal(set(text, `ghcr.io/acme/api@${E}`).text, text.replace(`1.0.0@${D}`, `1.0.0@${E}`));
    const { text: out, edits } = set(text, "ghcr.io/acme/api:1.1.0");
    assert.equal(out, text.replace(`1.0.0@${D}`, "1.1.0"));
    assert.deepEqual(edits[0]?.before, { newTag: "1.0.0", digest: D });
  });
});

describe("setPins with --policy", () => {
  const text = [
    "spec:",
    '  staging: ghcr.io/acme/web:1.0 # {"$imagepolicy": "flux-system:web-staging"}',
    '  production: ghcr.io/acme/web:1.0 # {"$imagepolicy": "flux-system:web-production"}',
    '  tag: "1.0" # {"$imagepolicy": "flux-system:web-tag:tag"}',
    "",
  ].join("\n");
  const withPolicies = (policies: string[], ...images: string[]) =>
    setPins("f.yaml", text, parseImageSpecs(images), { policies }).text;

  it("only the named policies' markers change", () => {
    assert.equal(
      withPolicies(["flux-system:web-staging"], "ghcr.io/acme/web:1.1"),
      text.replace(
        'web:1.0 # {"$imagepolicy": "flux-system:web-staging"}',
        'web:1.1 # {"$imagepolicy": "flux-system:web-staging"}',
      ),
    );
  });

  it("a :tag marker with no :name takes the one image given; with two, it is no one's", () => {
    assert.equal(
      withPolicies(["flux-system:web-tag"], "ghcr.io/acme/web:1.2"),
      text.replace('tag: "1.0"', 'tag: "1.2"'),
    );
    assert.throws(
      () => withPolicies(["flux-system:web-tag"], "ghcr.io/acme/web:1.2", "nginx:1"),
      /pins no image ghcr\.io\/acme\/web; it pins \(flux-system:web-tag\)/,
    );
  });
});
