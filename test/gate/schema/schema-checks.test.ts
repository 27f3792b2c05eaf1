import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validate, type ValidateOptions } from "../../../src/commands/validate.js";
import { GitopsCiError } from "../../../src/errors.js";
import { tempTree } from "../../helpers/temp-dir.js";

async function check(files: Record<string, string>, options: Partial<ValidateOptions> = {}) {
  const result = await validate({ dir: tempTree(files), renderer: "none", ...options });
  return result.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`);
}

const deployment = (containerExtra = "", replicas = "1") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {team: payments, anything-goes: "yes"}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/team/web:1.0.0
${containerExtra}`;

const crd = (group: string, kind: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${kind.toLowerCase()}s.${group}
spec:
  group: ${group}
  names: {kind: ${kind}, plural: ${kind.toLowerCase()}s}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: {type: integer}
                port: {x-kubernetes-int-or-string: true}
                extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
`;

describe("schema: built-in kinds", () => {
  it("reports wrong types, enums and missing required fields at the field", async () => {
    assert.deepEqual(await check({ "d.yaml": deployment("          imagePullPolicy: Sometimes\n", '"3"') }), [
      'schema d.yaml:7:13 Deployment web: spec.replicas: must be integer, not string "3"',
      'schema d.yaml:17:28 Deployment web: spec.template.spec.containers[0].imagePullPolicy: must be one of "Always", "IfNotPresent", "Never", not string "Sometimes"',
    ]);
    assert.deepEqual(
      await check({
        "s.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: http\n",
      }),
      ['schema s.yaml:6:13 Service s: spec.ports[0].port: must be integer, not string "http"'],
    );
    assert.deepEqual(
      await check({ "j.yaml": "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  backoffLimit: 1\n" }),
      ['schema j.yaml:4:1 Job j: spec: missing required field "template"'],
    );
  });

  it("--strict: unknown fields at their key; maps (labels) and free-form fields are not unknown", async () => {
    const files = {
      "d.yaml": deployment(
        "          imagePullPolicy: Always\n          resourcez: {}\n          ports:\n            - containerPort: 80\n              protocl: TCP\n",
      ),
    };
    assert.deepEqual(await check(files), []);
    assert.deepEqual(await check(files, { strict: true }), [
      'schema d.yaml:18:11 Deployment web: spec.template.spec.containers[0].resourcez: unknown field "resourcez"',
      'schema d.yaml:21:15 Deployment web: spec.template.spec.containers[0].ports[0].protocl: unknown field "protocl"',
    ]);
    // An object with only unknown keys still has known ones its schema reads (containerPort); a
    // typo of a required field is one finding, at the typo, naming the field it is meant to be.
    assert.deepEqual(
      await check({ "d.yaml": deployment("          ports:\n            - contianerPort: 80\n") }, { strict: true }),
      [
        'schema d.yaml:18:15 Deployment web: spec.template.spec.containers[0].ports[0].contianerPort: unknown field "contianerPort" (did you mean "containerPort"? it is required)',
      ],
    );
  });

  it("--kubernetes-version: API versions the target does not serve, either way", async () => {
    const files = {
      "cron.yaml":
        "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '@daily'\n  jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: busybox}]}}}}\n",
      "ing.yaml": "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {}\n",
    };
    assert.deepEqual(await check(files, { kubernetesVersion: "1.24" }), []);
    assert.deepEqual(await check(files), [
      "schema cron.yaml:1:13 batch/v1beta1 CronJob is not served by Kubernetes 1.36: removed in Kubernetes 1.25; use batch/v1",
    ]);
    assert.deepEqual(await check(files, { kubernetesVersion: "v1.18.3" }), [
      "schema ing.yaml:1:13 networking.k8s.io/v1 Ingress is not served by Kubernetes 1.18: first served by Kubernetes 1.19",
    ]);
    await assert.rejects(check(files, { kubernetesVersion: "1.37" }), /give a release from 1\.16 to 1\.36/);
  });

  it("ships the Sealed Secrets, Argo CD and Flux schemas; other kinds are unknown-kind warnings", async () => {
    assert.deepEqual(
      await check({
        "app.yaml":
          "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: a}\nspec:\n  project: default\n  source: {repoURL: https://git.example.com/c.git}\n",
        "ks.yaml":
          "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: k}\nspec:\n  interval: 5m\n  prune: yes-please\n  sourceRef: {kind: GitRepository, name: c}\n",
        "cert.yaml": "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\n",
      }),
      [
        'schema app.yaml:4:1 Application a: spec: missing required field "destination"',
        'schema ks.yaml:6:10 Kustomization k: spec.prune: must be boolean, not string "yes-please"',
        "unknown-kind cert.yaml:2:7 no schema for cert-manager.io/v1 Certificate: Certificate c is not checked",
      ],
    );
  });

  it("SOPS-encrypted objects and kubeconfigs are not schema-checked", async () => {
    assert.deepEqual(
      await check({
        "s.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: ENC[AES256_GCM,data:MQ==,iv:AA==,tag:AA==,type:int]\nsops:\n  mac: ENC[AES256_GCM,data:x,iv:AA==,tag:AA==,type:str]\n  version: 3.9.0\n",
        "kubeconfig.yaml": "apiVersion: v1\nkind: Config\nclusters: []\n",
      }),
      [],
    );
  });

  it("a Secret value an injector fills in is not judged as base64 (secret-placeholder lists it); a reference elsewhere, or a plain wrong value, still is", async () => {
    const secret = (value: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\ndata:\n  password: ${value}\n`;
    assert.deepEqual(
      // argocd-secret-replacer and argocd-vault-plugin fill this in before anything is applied
      await check({ "s.yaml": secret("<secret:secretKey|base64>") }),
      [
        "secret-placeholder s.yaml:6:3 Secret s key password is a argocd-vault-plugin reference: filled in at deploy time",
      ],
    );
    assert.deepEqual(await check({ "s.yaml": secret("not base64!") }), [
      "plaintext-secret s.yaml:5:1 Secret s has data in plain text",
      "schema s.yaml:6:13 Secret s: data.password: must be a valid byte, not a string (11 characters)",
    ]);
    assert.deepEqual(await check({ "d.yaml": deployment("", "<path:kv/data/web#replicas>") }), [
      'schema d.yaml:7:13 Deployment web: spec.replicas: must be integer, not string "<path:kv/dat…"',
    ]);
    assert.deepEqual(await check({ "d.yaml": deployment("", "TEAM_REPLICAS") }), [
      'schema d.yaml:7:13 Deployment web: spec.replicas: must be integer, not string "TEAM_REPLICA…"',
    ]);
  });
});

describe("schema: CRDs from the repo and from --schema-dir", () => {
  it("checks custom resources against a CRD in the repo, int-or-string and preserve-unknown-fields included", async () => {
    const files = {
      "crds/widget.yaml": crd("example.com", "Widget"),
      "w.yaml":
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: big\n  port: http\n  extra: {anything: 1}\n  colour: red\n",
    };
    assert.deepEqual(await check(files), ['schema w.yaml:5:9 Widget w: spec.size: must be integer, not string "big"']);
    assert.deepEqual(await check(files, { strict: true }), [
      'schema w.yaml:5:9 Widget w: spec.size: must be integer, not string "big"',
      'schema w.yaml:8:3 Widget w: spec.colour: unknown field "colour"',
    ]);
  });

  it("--schema-dir: CRD manifests and <group>/<kind>_<version>.json files (the CRDs-catalog layout)", async () => {
    const files = {
      "schemas/widget-crd.yaml": crd("example.com", "Widget"),
      "schemas/cert-manager.io/certificate_v1.json": JSON.stringify({
        type: "object",
        properties: {
          spec: { type: "object", required: ["secretName"], properties: { secretName: { type: "string" } } },
        },
      }),
      "w.yaml": "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 2}\n",
      "c.yaml": "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec: {dnsNames: [a]}\n",
    };
    assert.deepEqual(await check(files, { schemaDir: "schemas" }), [
      'schema c.yaml:4:1 Certificate c: spec: missing required field "secretName"',
    ]);
  });

  it("--schema-dir: a broken file is a usage problem at its line, not a silent skip", async () => {
    const error = await check({ "schemas/bad.yaml": "a: [1\n" }, { schemaDir: "schemas" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof GitopsCiError);
    assert.match(error.message, /schemas\/bad\.yaml:2:1: /);
  });
});

describe("schema: rendered roots", () => {
  it("reports a field a patch set at the patch line, a base's field once for all overlays", async () => {
    const overlay = (extra: string) => `resources:\n  - ../../base\n${extra}`;
    const found = await check(
      {
        "base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
        "base/deployment.yaml": deployment("", '"2"'),
        "overlays/staging/kustomization.yaml": overlay(""),
        "overlays/production/kustomization.yaml": overlay(
          "patches:\n  - path: pull-policy.yaml\n  - path: port.json\n    target: {kind: Deployment, name: web}\n",
        ),
        "overlays/production/pull-policy.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: sidecar\n          image: envoy\n        - name: web\n          imagePullPolicy: Sometimes\n",
        "overlays/production/port.json":
          '[{"op": "add", "path": "/spec/template/spec/containers/0/ports", "value": [{"containerPort": "http"}]}]',
      },
      { renderer: "auto" },
    );
    assert.deepEqual(found, [
      'schema base/deployment.yaml:7:13 Deployment web: spec.replicas: must be integer, not string "2" (rendered by overlays/production, overlays/staging)',
      'schema overlays/production/port.json:1:94 Deployment web: spec.template.spec.containers[0].ports[0].containerPort: must be integer, not string "http"',
      'schema overlays/production/pull-policy.yaml:12:28 Deployment web: spec.template.spec.containers[1].imagePullPolicy: must be one of "Always", "IfNotPresent", "Never", not string "Sometimes"',
    ]);
  });

  it("reports objects a generator made at the root's kustomization", async () => {
    const found = await check(
      {
        "kustomization.yaml":
          "configMapGenerator:\n  - name: settings\n    literals: [a=b]\n    options:\n      labels: {app: web}\npatches:\n  - target: {kind: ConfigMap}\n    patch: |-\n      - op: add\n        path: /immutable\n        value: sometimes\n",
      },
      { renderer: "auto" },
    );
    assert.equal(found.length, 1);
    assert.match(
      found[0] ?? "",
      /^schema kustomization\.yaml:1:1 rendered by \.: ConfigMap settings-\w+: immutable: must be boolean, not string "sometimes"$/,
    );
  });
});
