import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setImageLocal } from "../../src/commands/set-image.js";
import { containerImages, renderKustomization } from "../helpers/kustomize.js";
import { tempTree } from "../helpers/temp-dir.js";

// Each case: a base whose containers run `containers`, an overlay kustomization, the specs given to
// set-image, and the images the real `kubectl kustomize` must render afterwards. The expectations
// are written by hand from kustomize's documented behaviour, not computed by the code under test.

const A = `sha256:${"a".repeat(64)}`;
const B = `sha256:${"b".repeat(64)}`;

interface OracleCase {
  name: string;
  containers: string[];
  init?: string[];
  kustomization: string;
  file?: string;
  specs: string[];
  expect: string[];
  kind?: "Deployment" | "CronJob";
}

const k = (images: string) => `resources:\n- ../base\n${images}`;

const cases: OracleCase[] = [
  {
    name: "plain tag update",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app:v2"],
    expect: ["app:v2"],
  },
  {
    name: "numeric-looking tag 1.10",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app:1.10"],
    expect: ["app:1.10"],
  },
  {
    name: "year tag 2024",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app:2024"],
    expect: ["app:2024"],
  },
  {
    name: "exponent tag 1e3",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app:1e3"],
    expect: ["app:1e3"],
  },
  {
    name: "boolean tag true",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app:true"],
    expect: ["app:true"],
  },
  {
    name: "underscore number 1_000",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app:1_000"],
    expect: ["app:1_000"],
  },
  {
    name: "unquoted numeric tag that kustomize rejects is repaired",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: 1.9\n"),
    specs: ["app:1.10"],
    expect: ["app:1.10"],
  },
  {
    name: "digest only",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: [`app@${A}`],
    expect: [`app@${A}`],
  },
  {
    name: "tag and digest",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: [`app:v3@${A}`],
    expect: [`app:v3@${A}`],
  },
  {
    name: "tag keeps newName",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newName: ghcr.io/acme/app\n  newTag: v1\n"),
    specs: ["app:v2"],
    expect: ["ghcr.io/acme/app:v2"],
  },
  {
    name: "digest keeps newName",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newName: ghcr.io/acme/app\n  newTag: v1\n"),
    specs: [`app@${A}`],
    expect: [`ghcr.io/acme/app@${A}`],
  },
  {
    name: "newName alone keeps tag",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app=quay.io/acme/app"],
    expect: ["quay.io/acme/app:v1"],
  },
  {
    name: "newName alone keeps digest",
    containers: ["app:v0"],
    kustomization: k(`images:\n- name: app\n  digest: ${A}\n`),
    specs: ["app=quay.io/acme/app"],
    expect: [`quay.io/acme/app@${A}`],
  },
  {
    name: "newName and tag",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app=quay.io/acme/app:v9"],
    expect: ["quay.io/acme/app:v9"],
  },
  {
    name: "newName and digest",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: [`app=quay.io/acme/app@${B}`],
    expect: [`quay.io/acme/app@${B}`],
  },
  {
    name: "newName, tag and digest",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n"),
    specs: [`app=quay.io/acme/app:v9@${B}`],
    expect: [`quay.io/acme/app:v9@${B}`],
  },
  {
    name: "stale digest dropped on tag",
    containers: ["app:v0"],
    kustomization: k(`images:\n- name: app\n  newTag: v1\n  digest: ${A}\n`),
    specs: ["app:v2"],
    expect: ["app:v2"],
  },
  {
    name: "stale tag dropped on digest",
    containers: ["app:v0"],
    kustomization: k(`images:\n- name: app\n  newTag: v1\n  digest: ${A}\n`),
    specs: [`app@${B}`],
    expect: [`app@${B}`],
  },
  {
    name: "entry added when there is no images key",
    containers: ["nginx:1.0"],
    kustomization: k(""),
    specs: ["nginx:1.27"],
    expect: ["nginx:1.27"],
  },
  {
    name: "entry added beside another image",
    containers: ["app:v0", "side:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["side:v5"],
    expect: ["app:v1", "side:v5"],
  },
  {
    name: "registry with a port",
    containers: ["registry.local:5000/team/app:v0"],
    kustomization: k("images:\n- name: registry.local:5000/team/app\n  newTag: v1\n"),
    specs: ["registry.local:5000/team/app:v2"],
    expect: ["registry.local:5000/team/app:v2"],
  },
  {
    name: "Docker Hub spelling matched",
    containers: ["docker.io/library/nginx:1.0"],
    kustomization: k("images:\n- name: docker.io/library/nginx\n  newTag: 1.25.0\n"),
    specs: ["nginx:1.27.0"],
    expect: ["docker.io/library/nginx:1.27.0"],
  },
  {
    name: "flow-style images",
    containers: ["app:v0"],
    kustomization: k("images: [{name: app, newTag: v1}]\n"),
    specs: ["app:v2"],
    expect: ["app:v2"],
  },
  {
    name: "CRLF line endings",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n").replaceAll("\n", "\r\n"),
    specs: ["app:v2", "other:v1"],
    expect: ["app:v2"],
  },
  {
    name: "byte order mark",
    containers: ["app:v0"],
    kustomization: `\ufeff${k("images:\n- name: app\n  newTag: v1\n")}`,
    specs: ["other:o1", "app:1.20"],
    expect: ["app:1.20"],
  },
  {
    name: "comments inside images",
    containers: ["app:v0"],
    kustomization: k("images:\n# the app\n- name: app # pinned\n  # tag below\n  newTag: v1 # old\n"),
    specs: ["app:v2"],
    expect: ["app:v2"],
  },
  {
    name: "several containers, one changed",
    containers: ["app:v0", "sidecar:v0", "app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n- name: sidecar\n  newTag: s1\n"),
    specs: ["app:v2"],
    expect: ["app:v2", "sidecar:s1", "app:v2"],
  },
  {
    name: "init container",
    containers: ["app:v0"],
    init: ["migrate:v0"],
    kustomization: k("images:\n- name: migrate\n  newTag: m1\n"),
    specs: ["migrate:m2"],
    expect: ["app:v0", "migrate:m2"],
  },
  {
    name: "two specs at once",
    containers: ["app:v0", "worker:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app:v2", `worker:w1@${A}`],
    expect: ["app:v2", `worker:w1@${A}`],
  },
  {
    name: "kustomization.yml file name",
    file: "kustomization.yml",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app:v2"],
    expect: ["app:v2"],
  },
  {
    name: "Kustomization file name",
    file: "Kustomization",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app:v2"],
    expect: ["app:v2"],
  },
  {
    name: "CronJob containers",
    kind: "CronJob",
    containers: ["batch:v0"],
    kustomization: k("images:\n- name: batch\n  newTag: b1\n"),
    specs: ["batch:b2"],
    expect: ["batch:b2"],
  },
  {
    name: "container pinned by digest retagged",
    containers: [`app@${A}`],
    kustomization: k("images:\n- name: app\n  digest: " + A + "\n"),
    specs: ["app:v2"],
    expect: ["app:v2"],
  },
  {
    name: "newName with a registry port",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: app\n  newTag: v1\n"),
    specs: ["app=registry.local:5000/team/app"],
    expect: ["registry.local:5000/team/app:v1"],
  },
  {
    name: "two-space list indentation and other fields",
    containers: ["app:v0"],
    kustomization:
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: prod\nresources:\n  - ../base\ncommonLabels:\n  team: a\n",
    specs: ["app:2.0"],
    expect: ["app:2.0"],
  },
  {
    name: "quoted existing values keep working",
    containers: ["app:v0"],
    kustomization: k("images:\n- name: 'app'\n  newName: \"ghcr.io/acme/app\"\n  newTag: '1.0'\n"),
    specs: ["app:1.10"],
    expect: ["ghcr.io/acme/app:1.10"],
  },
];

function workload(kind: OracleCase["kind"], containers: string[], init: string[] = []): string {
  const list = (items: string[], prefix: string) =>
    items.map((image, i) => `      - name: ${prefix}${i}\n        image: ${image}\n`).join("");
  const podSpec = `containers:\n${list(containers, "c")}${init.length ? `initContainers:\n${list(init, "i")}` : ""}`;
  if (kind === "CronJob") {
    const indented = podSpec.replace(/^/gm, "          ").replaceAll("\n          ", "\n          ");
    return `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: w\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n${indented.replace(/^ {10}(?=\s+- name| {6}image)/gm, "          ")}`;
  }
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n${podSpec.replace(/^(containers|initContainers):/gm, "      $1:")}`;
}

describe("edits rendered by the real kubectl kustomize", () => {
  it("has at least 30 cases", () => assert.ok(cases.length >= 30));
  for (const c of cases) {
    it(c.name, async () => {
      const dir = tempTree({
        "base/kustomization.yaml": "resources:\n- workload.yaml\n",
        "base/workload.yaml": workload(c.kind, c.containers, c.init),
        [`overlay/${c.file ?? "kustomization.yaml"}`]: c.kustomization,
      });
      setImageLocal({ dir, paths: ["overlay"], images: c.specs });
      assert.deepEqual(containerImages(await renderKustomization(`${dir}/overlay`)), c.expect);
    });
  }
});
