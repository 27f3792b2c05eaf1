import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { InputFileError, UsageError } from "../../src/errors.js";
import { parseImageSpecs } from "../../src/kustomize/image-ref.js";
import { pinEntries } from "../../src/pins/pin-entries.js";
import { pinOptionsOf, setPins } from "../../src/pins/set-pins.js";
import { parseValuesKey } from "../../src/pins/values-keys.js";

const DIGEST = `sha256:${"b".repeat(64)}`;

const setWith = (keys: string[], text: string, ...images: string[]) =>
  setPins("values.yaml", text, parseImageSpecs(images), pinOptionsOf({ keys }));

describe("--key: charts that keep images under their own names", () => {
  const VALUES = [
    "# the api's image, as this chart names it",
    "api:",
    "  imageName: ghcr.io/acme/api # the repository",
    "  imageVersion: '1.0'",
    "  imageDigest: ''",
    "worker:",
    "  image:",
    "    repository: ghcr.io/acme/worker",
    "    tag: 1.0.0",
    "sidecars:",
    "  - fullImage: ghcr.io/acme/proxy:0.1 # whole reference",
    "",
  ].join("\n");

  it("name= and tag= set the tag at its path, keep every other byte, and leave repository/tag mappings alone", () => {
    const { text, edits } = setWith(["name=api.imageName,tag=api.imageVersion"], VALUES, "ghcr.io/acme/api:1.10");
    assert.equal(text, VALUES.replace("imageVersion: '1.0'", "imageVersion: '1.10'"));
    assert.deepEqual(
      edits.map((e) => [e.name, e.line, e.before, e.after]),
      [["ghcr.io/acme/api", 3, { newTag: "1.0" }, { newTag: "1.10" }]],
    );
    // with keys given, only they are pins: the worker's repository/tag mapping is not one
    assert.throws(
      () => setWith(["name=api.imageName,tag=api.imageVersion"], VALUES, "ghcr.io/acme/worker:2.0.0"),
      (e: unknown) =>
        e instanceof InputFileError &&
        /pins no image ghcr\.io\/acme\/worker; it pins ghcr\.io\/acme\/api/.test(e.message),
    );
  });

  it("a digest goes to digest=, a new name to name=; a tag alone empties a stale digest", () => {
    const pinned = setWith(
      ["name=api.imageName,tag=api.imageVersion,digest=api.imageDigest"],
      VALUES,
      `ghcr.io/acme/api=registry.acme.dev/api:2.0@${DIGEST}`,
    ).text;
    assert.deepEqual(parse(pinned).api, {
      imageName: "registry.acme.dev/api",
      imageVersion: "2.0",
      imageDigest: DIGEST,
    });
    const retagged = setWith(
      ["name=api.imageName,tag=api.imageVersion,digest=api.imageDigest"],
      pinned,
      "registry.acme.dev/api:2.1",
    ).text;
    assert.deepEqual(parse(retagged).api, { imageName: "registry.acme.dev/api", imageVersion: "2.1", imageDigest: "" });
  });

  it("tag= alone is the one image given; with two images it is no one's", () => {
    const { text } = setWith(["tag=worker.image.tag"], VALUES, "ghcr.io/acme/worker:1.1.0");
    assert.equal(text, VALUES.replace("tag: 1.0.0", "tag: 1.1.0"));
    assert.throws(
      () => setWith(["tag=worker.image.tag"], VALUES, "ghcr.io/acme/worker:1.1.0", "ghcr.io/acme/api:2"),
      (e: unknown) => e instanceof InputFileError && /it pins \(--key tag=worker\.image\.tag\)/.test(e.message),
    );
  });

  it("image= holds a whole reference, in a list item too", () => {
    const { text } = setWith(["image=sidecars[0].fullImage"], VALUES, "ghcr.io/acme/proxy:0.2");
    assert.equal(text, VALUES.replace("proxy:0.1 # whole", "proxy:0.2 # whole"));
  });

  it("a part the values lack, or the key does not name, is refused at the pin's line; nothing changes", () => {
    assert.throws(
      () => setWith(["name=api.imageName,tag=api.version"], VALUES, "ghcr.io/acme/api:2"),
      (e: unknown) =>
        e instanceof InputFileError &&
        e.message.includes("values.yaml:3:") &&
        /no value at api\.version/.test(e.message),
    );
    assert.throws(
      () => setWith(["name=api.imageName,tag=api.imageVersion"], VALUES, `ghcr.io/acme/api@${DIGEST}`),
      (e: unknown) => e instanceof InputFileError && /names no digest=/.test(e.message),
    );
  });

  it("the same keys find Argo CD helm.parameters by name, and values inside helm.values", () => {
    const application = [
      "apiVersion: argoproj.io/v1alpha1",
      "kind: Application",
      "metadata: {name: api}",
      "spec:",
      "  source:",
      "    helm:",
      "      parameters:",
      "        - {name: api.imageName, value: ghcr.io/acme/api}",
      '        - {name: api.imageVersion, value: "1.0"}',
      "      values: |",
      "        api:",
      "          imageName: ghcr.io/acme/api",
      "          imageVersion: '1.0'",
      "",
    ].join("\n");
    const { text } = setWith(["name=api.imageName,tag=api.imageVersion"], application, "ghcr.io/acme/api:1.1");
    assert.equal(
      text,
      application.replace('value: "1.0"', 'value: "1.1"').replace("imageVersion: '1.0'", "imageVersion: '1.1'"),
    );
  });

  it("promote reads the same keys: one entry per named image", () => {
    assert.deepEqual(
      pinEntries("values.yaml", VALUES, pinOptionsOf({ keys: ["name=api.imageName,tag=api.imageVersion"] })).map(
        (e) => [e.name, e.newTag],
      ),
      [["ghcr.io/acme/api", "1.0"]],
    );
  });

  it("keys that do not parse are usage errors that say the form", () => {
    for (const bad of [
      "api.imageVersion",
      "tag=",
      "tag=a..b",
      "tag=a[x]",
      "image=a,tag=b",
      "name=a",
      "tag=a,tag=b",
      "size=a",
    ])
      assert.throws(() => parseValuesKey(bad), UsageError, bad);
    assert.deepEqual(parseValuesKey("tag=a\\.b.c[2].d").parts.tag?.segments, ["a.b", "c", 2, "d"]);
  });
});

describe("--values: a values file whose top level reads like an object", () => {
  const TEXT =
    "apiVersion: v2\nkind: Deployment # the chart's workload kind\nimage:\n  repository: ghcr.io/acme/api\n  tag: 1.0.0\n";

  it("is read as an object by its content, and as values with --values", () => {
    assert.throws(() => setPins("v.yaml", TEXT, parseImageSpecs(["ghcr.io/acme/api:1.1.0"])), InputFileError);
    const { text } = setPins(
      "v.yaml",
      TEXT,
      parseImageSpecs(["ghcr.io/acme/api:1.1.0"]),
      pinOptionsOf({ values: true }),
    );
    assert.equal(text, TEXT.replace("tag: 1.0.0", "tag: 1.1.0"));
  });
});
