import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { parseImageSpecs } from "../../src/kustomize/image-ref.js";
import { setPins } from "../../src/pins/set-pins.js";

const set = (text: string, ...images: string[]) => setPins("app.yaml", text, parseImageSpecs(images));

const HEADER = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api-prod\nspec:\n";

describe("setPins on Argo CD Applications", () => {
  it("kustomize.images strings keep their form: name=newName:tag, name:tag", () => {
    const text = `${HEADER}  source:\n    kustomize:\n      images:\n        - ghcr.io/acme/api=registry.local/api:1.0 # mirror\n        - "ghcr.io/acme/web:1.0"\n`;
    const out = set(text, "ghcr.io/acme/api:1.1", "ghcr.io/acme/web:2.0").text;
    assert.equal(
      out,
      text
        .replace("api=registry.local/api:1.0 #", "api=registry.local/api:1.1 #")
        .replace('"ghcr.io/acme/web:1.0"', '"ghcr.io/acme/web:2.0"'),
    );
  });

  it("helm.parameters: the tag beside the matching repository; a stale digest emptied; a missing tag refused", () => {
    const text = `${HEADER}  sources:\n    - helm:\n        parameters:\n          - name: image.repository\n            value: ghcr.io/acme/api\n          - name: image.tag\n            value: "1.0"\n          - {name: image.digest, value: "sha256:${"a".repeat(64)}"}\n          - name: replicas\n            value: "2"\n`;
    const out = set(text, "ghcr.io/acme/api:1.10").text;
    assert.equal(
      out,
      text.replace('value: "1.0"', 'value: "1.10"').replace(`value: "sha256:${"a".repeat(64)}"`, 'value: ""'),
    );
    const noTag = `${HEADER}  source:\n    helm:\n      parameters:\n        - {name: image.repository, value: ghcr.io/acme/api}\n`;
    assert.throws(() => set(noTag, "ghcr.io/acme/api:2"), /app\.yaml:9:\d+: no tag parameter beside this repository/);
  });

  it("helm.valuesObject like a values file", () => {
    const text = `${HEADER}  source:\n    helm:\n      valuesObject:\n        image: {repository: ghcr.io/acme/api, tag: "1.0"}\n`;
    assert.match(set(text, "ghcr.io/acme/api:1.2").text, /image: \{repository: ghcr\.io\/acme\/api, tag: "1\.2"\}/);
  });

  for (const eol of ["\n", "\r\n"])
    it(`helm.values, a values file in a block string: edited inside the block, indentation and the outer bytes kept (${JSON.stringify(eol)})`, () => {
      const text = [
        "apiVersion: argoproj.io/v1alpha1",
        "kind: ApplicationSet",
        "metadata: {name: api}",
        "spec:",
        "  template:",
        "    spec:",
        "      source:",
        "        helm:",
        "          values: |",
        "            # the api",
        "            image:",
        "              repository: ghcr.io/acme/api",
        "",
        "            worker:",
        "              image: ghcr.io/acme/api:1.0 # same image",
        "          releaseName: api",
        "",
      ].join(eol);
      const out = set(text, "ghcr.io/acme/api:1.5").text;
      const expected = text
        .replace(
          `repository: ghcr.io/acme/api${eol}`,
          `repository: ghcr.io/acme/api${eol}              tag: "1.5"${eol}`,
        )
        .replace("api:1.0 #", "api:1.5 #");
      assert.equal(out, expected);
      const values = parse(parse(out).spec.template.spec.source.helm.values);
      assert.deepEqual(values, {
        image: { repository: "ghcr.io/acme/api", tag: "1.5" },
        worker: { image: "ghcr.io/acme/api:1.5" },
      });
      assert.equal(set(out, "ghcr.io/acme/api:1.5").text, out, "twice is once");
    });
});
