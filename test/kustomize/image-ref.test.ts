import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UsageError } from "../../src/errors.js";
import { normalizeImageName, parseImageSpec, parseImageSpecs } from "../../src/kustomize/image-ref.js";

const D256 = `sha256:${"a1".repeat(32)}`;
const D512 = `sha512:${"0f".repeat(64)}`;

describe("parseImageSpec", () => {
  const valid: [string, object][] = [
    ["app:v2", { name: "app", tag: "v2" }],
    [`app@${D256}`, { name: "app", digest: D256 }],
    [`app:v2@${D256}`, { name: "app", tag: "v2", digest: D256 }],
    [`app@${D512}`, { name: "app", digest: D512 }],
    ["app=ghcr.io/acme/app", { name: "app", newName: "ghcr.io/acme/app" }],
    ["app=ghcr.io/acme/app:1.2.3", { name: "app", newName: "ghcr.io/acme/app", tag: "1.2.3" }],
    [`app=ghcr.io/acme/app@${D256}`, { name: "app", newName: "ghcr.io/acme/app", digest: D256 }],
    [`app=ghcr.io/acme/app:1.2.3@${D256}`, { name: "app", newName: "ghcr.io/acme/app", tag: "1.2.3", digest: D256 }],
    ["registry.local:5000/team/app:v2", { name: "registry.local:5000/team/app", tag: "v2" }],
    [
      "registry.local:5000/team/app=registry.local:5000/team/app2",
      { name: "registry.local:5000/team/app", newName: "registry.local:5000/team/app2" },
    ],
    ["localhost/app:1.10", { name: "localhost/app", tag: "1.10" }],
    ["docker.io/library/nginx:1.27-alpine", { name: "docker.io/library/nginx", tag: "1.27-alpine" }],
    [`ghcr.io/a/b_c.d--e:${"x".repeat(128)}`, { name: "ghcr.io/a/b_c.d--e", tag: "x".repeat(128) }],
    ["app:_under", { name: "app", tag: "_under" }],
    ["  app:v1 ", { name: "app", tag: "v1" }],
  ];
  for (const [raw, expected] of valid) {
    it(`parses ${raw.length > 60 ? `${raw.slice(0, 60)}...` : raw}`, () => {
      const spec = parseImageSpec(raw);
      const { raw: _raw, ...fields } = spec;
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      assert.deepEqual(defined, expected);
    });
  }

  const invalid: [string, RegExp][] = [
    ["", /empty/],
    ["app", /sets nothing/],
    [":v1", /name: the image name is empty/],
    ["app:", /tag "" is not a valid OCI tag/],
    ["app:-v1", /tag "-v1" is not a valid OCI tag/],
    ["app:.v1", /not a valid OCI tag/],
    [`app:${"x".repeat(129)}`, /not a valid OCI tag/],
    ["app:v1+build", /not a valid OCI tag/],
    ["app@sha256:abc", /digest "sha256:abc" is malformed/],
    [`app@sha256:${"A".repeat(64)}`, /malformed/],
    [`app@sha512:${"a".repeat(64)}`, /malformed/],
    [`app@md5:${"a".repeat(32)}`, /malformed/],
    ["App:v1", /"App" is not a valid repository path component/],
    ["a pp:v1", /whitespace/],
    ["app:v1=other", /put the tag or digest after the new name/],
    ["app=:v2", /new name: the image name is empty/],
    ["bad_host_:5000/app:v1", /"bad_host_:5000" is not a valid registry host/],
    ["reg.io:port/app:v1", /not a valid registry host/],
    ["app//x:v1", /not a valid repository path component/],
  ];
  for (const [raw, message] of invalid) {
    it(`rejects ${JSON.stringify(raw.slice(0, 40))}`, () => {
      assert.throws(
        () => parseImageSpec(raw),
        (e: unknown) => e instanceof UsageError && message.test(e.message),
      );
    });
  }
});

describe("normalizeImageName", () => {
  it("treats the Docker Hub spellings of one image as the same", () => {
    const forms = [
      "nginx",
      "library/nginx",
      "docker.io/nginx",
      "docker.io/library/nginx",
      "index.docker.io/library/nginx",
    ];
    assert.deepEqual(new Set(forms.map(normalizeImageName)), new Set(["docker.io/library/nginx"]));
  });
  it("keeps other registries and user namespaces apart", () => {
    assert.equal(normalizeImageName("bitnami/nginx"), "docker.io/bitnami/nginx");
    assert.equal(normalizeImageName("ghcr.io/nginx"), "ghcr.io/nginx");
    assert.equal(normalizeImageName("registry.local:5000/team/app"), "registry.local:5000/team/app");
    assert.equal(normalizeImageName("localhost/app"), "localhost/app");
    assert.notEqual(normalizeImageName("nginx"), normalizeImageName("quay.io/nginx"));
  });
});

describe("parseImageSpecs", () => {
  it("rejects two specs for the same image, whatever the spelling", () => {
    assert.throws(() => parseImageSpecs(["nginx:1", "docker.io/library/nginx:2"]), /name the same image/);
    assert.equal(parseImageSpecs(["nginx:1", "ghcr.io/nginx:2"]).length, 2);
  });
});
