import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate } from "../../src/commands/validate.js";
import type { Finding } from "../../src/gate/finding.js";
import { sealValue } from "../helpers/sealed-secrets.js";
import { tempTree } from "../helpers/temp-dir.js";

const key4096 = generateKeyPairSync("rsa", { modulusLength: 4096 }).publicKey;

async function findings(files: Record<string, string>, options: { renderer?: "none" | "auto"; cert?: string } = {}) {
  const dir = tempTree(files);
  const result = await validate({ dir, renderer: options.renderer ?? "none", sealedSecretsCert: options.cert });
  return result.findings.map((f: Finding) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column }));
}

const sealedSecret = (values: Record<string, string>, templateData = "") =>
  `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: db
  namespace: web
spec:
  encryptedData:
${Object.entries(values)
  .map(([k, v]) => `    ${k}: ${v}`)
  .join("\n")}
  template:
    metadata:
      name: db
${templateData}`;

describe("validate: secrets proven sealed", () => {
  it("plaintext-secret: data or stringData in its own file, a multi-document file and a List", async () => {
    assert.deepEqual(
      await findings({
        "a/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\ndata:\n  k: aGk=\n",
        "b/all.yaml":
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\nstringData:\n  k: hi\n",
        "c/list.yaml":
          "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: c}\n  data: {k: aGk=}\n",
      }),
      [
        { rule: "plaintext-secret", file: "a/secret.yaml", line: 5, column: 1 },
        { rule: "plaintext-secret", file: "b/all.yaml", line: 9, column: 1 },
        { rule: "plaintext-secret", file: "c/list.yaml", line: 7, column: 3 },
      ],
    );
  });

  it("plaintext-secret: a Secret copied into last-applied-configuration", async () => {
    const applied = JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "x" }, data: { k: "aGk=" } });
    assert.deepEqual(
      await findings({
        "s.yaml": `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: x\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '${applied}'\nspec:\n  encryptedData: {}\n`,
      }),
      [{ rule: "plaintext-secret", file: "s.yaml", line: 6, column: 5 }],
    );
  });

  it("passes a Secret without data and a SealedSecret with real ciphertext", async () => {
    const value = sealValue("hunter2", key4096, "web/db");
    assert.deepEqual(
      await findings({
        "empty.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: e}\ntype: Opaque\n",
        "sealed.yaml": sealedSecret({ password: value, user: sealValue("admin", key4096) }),
      }),
      [],
    );
  });

  it("sealed-secret-malformed: plain base64, placeholders, truncated values and template data", async () => {
    const real = sealValue("hunter2", key4096);
    const truncated = Buffer.from(real, "base64").subarray(0, 300).toString("base64");
    assert.deepEqual(
      await findings({
        "s.yaml": sealedSecret(
          { a: Buffer.from("hunter2").toString("base64"), b: "CHANGEME", c: truncated, d: "not base64!", e: real },
          "    data:\n      extra: plain\n",
        ),
      }),
      [
        { rule: "sealed-secret-malformed", file: "s.yaml", line: 8, column: 8 },
        { rule: "sealed-secret-malformed", file: "s.yaml", line: 9, column: 8 },
        { rule: "sealed-secret-malformed", file: "s.yaml", line: 10, column: 8 },
        { rule: "sealed-secret-malformed", file: "s.yaml", line: 11, column: 8 },
        { rule: "sealed-secret-malformed", file: "s.yaml", line: 16, column: 5 },
      ],
    );
  });

  it("sealed-secret-malformed: the key size comes from the cluster's certificate", async () => {
    const work = tempTree({});
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=sealed-secret",
        "-days",
        "1",
        "-keyout",
        path.join(work, "k.pem"),
        "-out",
        path.join(work, "cert.pem"),
      ],
      { stdio: "pipe" },
    );
    const cert = readFileSync(path.join(work, "cert.pem"), "utf8");
    const key2048 = createPublicKey(cert);
    const files = {
      "pub/cert.pem": cert,
      "s.yaml": sealedSecret({ ok: sealValue("v", key2048), wrong: sealValue("v", key4096) }),
    };
    assert.deepEqual(await findings(files, { cert: "pub/cert.pem" }), [
      { rule: "sealed-secret-malformed", file: "s.yaml", line: 9, column: 12 },
    ]);
    // Against the default 4096-bit key the same file fails the other way round.
    assert.deepEqual(await findings(files), [{ rule: "sealed-secret-malformed", file: "s.yaml", line: 8, column: 9 }]);
  });

  it("secret-generator: literals, files and envs, not configMapGenerator", async () => {
    assert.deepEqual(
      await findings({
        "o/kustomization.yaml":
          "secretGenerator:\n- name: a\n  literals: [k=v]\n- name: b\n  files:\n  - key.txt\n  envs: [x.env]\nconfigMapGenerator:\n- name: c\n  literals: [k=v]\n",
      }),
      [
        { rule: "secret-generator", file: "o/kustomization.yaml", line: 3, column: 3 },
        { rule: "secret-generator", file: "o/kustomization.yaml", line: 5, column: 3 },
        { rule: "secret-generator", file: "o/kustomization.yaml", line: 7, column: 3 },
      ],
    );
  });

  it("sops-unencrypted-value: every leaf under data/stringData must be ENC[...]", async () => {
    const sops = "sops:\n  mac: ENC[AES256_GCM,data:abc,type:str]\n  version: 3.9.0\n";
    assert.deepEqual(
      await findings({
        "bad.yaml": `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  a: ENC[AES256_GCM,data:xyz,iv:1,tag:2,type:str]\n  b: plain\n${sops}`,
        "good.yaml": `apiVersion: v1\nkind: Secret\nmetadata: {name: t}\ndata:\n  a: ENC[AES256_GCM,data:xyz,iv:1,tag:2,type:str]\n${sops}`,
      }),
      [{ rule: "sops-unencrypted-value", file: "bad.yaml", line: 6, column: 6 }],
    );
  });

  it("cluster-credential: kubeconfig users with tokens and service-account token Secrets", async () => {
    assert.deepEqual(
      await findings({
        "kubeconfig.yaml":
          "apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    token: abc\n- name: oidc\n  user:\n    exec: {command: kubelogin}\n",
        "sa.yaml":
          "apiVersion: v1\nkind: Secret\nmetadata: {name: sa}\ntype: kubernetes.io/service-account-token\ndata:\n  token: ZXlK\n",
      }),
      [
        { rule: "cluster-credential", file: "kubeconfig.yaml", line: 6, column: 5 },
        { rule: "cluster-credential", file: "sa.yaml", line: 5, column: 1 },
      ],
    );
  });
});

describe("validate: files and rendering", () => {
  it("yaml-syntax and duplicate-key at their positions", async () => {
    assert.deepEqual(await findings({ "a.yaml": "a: [1\n", "b.yaml": "metadata:\n  name: x\n  name: y\n" }), [
      { rule: "yaml-syntax", file: "a.yaml", line: 2, column: 1 },
      { rule: "duplicate-key", file: "b.yaml", line: 3, column: 3 },
    ]);
  });

  it("renders every kustomization root with the real kustomize; a broken root is render-failed at its file", async () => {
    const dir = tempTree({
      "apps/web/base/kustomization.yaml": "resources:\n- cm.yaml\n",
      "apps/web/base/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n",
      "apps/web/overlays/staging/kustomization.yaml": "resources:\n- ../../base\nnamePrefix: staging-\n",
      "apps/web/overlays/production/kustomization.yaml": "resources:\n- ../../base\n",
      "apps/broken/kustomization.yaml": "resources:\n- missing.yaml\n",
    });
    const result = await validate({ dir, renderer: "auto" });
    assert.deepEqual(result.summary, {
      roots: 3,
      rendered: 2,
      skipped: 0,
      resources: 2,
      errors: 1,
      warnings: 0,
      info: 0,
      checkedNothing: false,
    });
    const [finding] = result.findings;
    assert.equal(finding?.rule, "render-failed");
    assert.equal(finding?.file, "apps/broken/kustomization.yaml");
    assert.match(finding?.message ?? "", /missing\.yaml/);
    assert.ok(!(finding?.message ?? "").includes(dir), "paths are relative to the checkout");
    assert.equal(result.failed, true);
  });

  it("--renderer none skips the roots and says so", async () => {
    const dir = tempTree({ "k/kustomization.yaml": "resources:\n- missing.yaml\n" });
    const result = await validate({ dir, renderer: "none" });
    assert.deepEqual(result.summary, {
      roots: 1,
      rendered: 0,
      skipped: 1,
      resources: 0,
      errors: 0,
      warnings: 0,
      info: 0,
      checkedNothing: false,
    });
    assert.equal(result.failed, false);
  });
});

describe("validate: checks on the rendered output, reported at the source", () => {
  const sealed = (name: string, namespace: string, annotations = "") =>
    `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n${annotations}spec:\n  encryptedData:\n    password: ${sealValue(`${namespace}/${name}`, key4096, `${namespace}/${name}`)}\n`;
  const app = (dir: string, base: string, overlay: string) => ({
    [`${dir}/base/kustomization.yaml`]: "resources:\n- sealed.yaml\n",
    [`${dir}/base/sealed.yaml`]: base,
    [`${dir}/overlay/kustomization.yaml`]: `resources:\n- ../base\n${overlay}`,
  });

  it("sealed-secret-scope: a strict-scoped SealedSecret renamed or moved by kustomize never decrypts", async () => {
    const result = await findings(
      {
        ...app("prefixed", sealed("db", "web"), "namePrefix: staging-\n"),
        ...app("moved", sealed("db", "web"), "namespace: other\n"),
        ...app(
          "wide",
          sealed("db", "web", '  annotations:\n    sealedsecrets.bitnami.com/namespace-wide: "true"\n'),
          "namePrefix: staging-\n",
        ),
        ...app(
          "cluster",
          sealed("db", "web", '  annotations:\n    sealedsecrets.bitnami.com/cluster-wide: "true"\n'),
          "namespace: other\nnamePrefix: x-\n",
        ),
        ...app("kept", sealed("db", "web"), "commonLabels:\n  team: a\n"),
      },
      { renderer: "auto" },
    );
    assert.deepEqual(result, [
      // moved: at the namespace it was sealed for; renamed: at the name
      { rule: "sealed-secret-scope", file: "moved/base/sealed.yaml", line: 5, column: 14 },
      { rule: "sealed-secret-scope", file: "prefixed/base/sealed.yaml", line: 4, column: 9 },
    ]);
  });

  it("image-entry-unused: an images entry that matches no rendered container (a warning)", async () => {
    const deployment = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n      - name: c\n        image: ${image}\n`;
    const dir = tempTree({
      "base/kustomization.yaml": "resources:\n- d.yaml\n",
      "base/d.yaml": deployment("docker.io/library/redis:6"),
      "overlay/kustomization.yaml":
        'resources:\n- ../base\nimages:\n- name: redis\n  newTag: "7"\n- name: docker.io/library/redis\n  newTag: "7"\n',
    });
    const result = await validate({ dir, renderer: "auto" });
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.severity, f.file, f.line, f.column]),
      [["image-entry-unused", "warning", "overlay/kustomization.yaml", 4, 9]],
    );
    assert.equal(result.failed, false, "a warning does not fail the gate by default");
    assert.equal((await validate({ dir, renderer: "auto", failOn: "warning" })).failed, true);
  });
});

describe("validate: discovery", () => {
  it("renders the paths Argo CD Applications, ApplicationSets and Flux Kustomizations name, even when included elsewhere", async () => {
    const dir = tempTree({
      "apps/web/base/kustomization.yaml": "resources:\n- cm.yaml\n",
      "apps/web/base/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n",
      "apps/web/overlays/staging/kustomization.yaml": "resources:\n- ../../base\n",
      "apps/api/kustomization.yaml": "resources:\n- missing.yaml\n",
      "infrastructure/kustomization.yaml": "resources:\n- ../apps/api\n",
      "clusters/flux.yaml":
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: api}\nspec:\n  interval: 5m\n  prune: true\n  path: ./apps/api\n  sourceRef: {kind: GitRepository, name: config}\n",
      "applications/web.yaml":
        "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: web}\nspec:\n  project: default\n  destination: {server: https://kubernetes.default.svc}\n  source:\n    path: apps/web/base\n    repoURL: https://git.example.com/config.git\n",
      "applications/set.yaml":
        "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: all}\nspec:\n  generators: [{list: {elements: [{name: web}]}}]\n  template:\n    metadata: {name: '{{name}}'}\n    spec:\n      project: default\n      destination: {server: https://kubernetes.default.svc}\n      source:\n        path: 'apps/{{name}}/overlays/staging'\n        repoURL: https://git.example.com/config.git\n",
    });
    const result = await validate({ dir, renderer: "auto" });
    // Roots: infrastructure and staging (top level), apps/api (Flux), apps/web/base (Argo CD), and
    // the plain manifest directories clusters/ and applications/.
    assert.equal(result.summary.roots, 6);
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.file]),
      [
        ["render-failed", "apps/api/kustomization.yaml"],
        ["render-failed", "infrastructure/kustomization.yaml"],
      ],
    );
  });
});

describe("validate: plaintext in rendered output", () => {
  it("a Secret with data rendered from outside --dir is reported at the root; repo Secrets and generators once, at their lines", async () => {
    // shared/ is in the git repository (renders may read it) but outside --dir (no source shows it)
    const outside = tempTree({
      "shared/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: vendor-creds}\nstringData: {token: abc}\n",
      "repo/app/kustomization.yaml":
        "resources:\n  - ../../shared/secret.yaml\n  - secret.yaml\nsecretGenerator:\n  - name: db\n    literals: [password=hunter2]\n",
      "repo/app/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: local}\ndata: {k: aGk=}\n",
    });
    execFileSync("git", ["init", "-q", outside]);
    const result = await validate({ dir: path.join(outside, "repo"), renderer: "auto" });
    assert.deepEqual(
      result.findings.map((f) => [f.rule, `${f.file}:${f.line}:${f.column}`, f.message]),
      [
        [
          "plaintext-secret",
          "app/kustomization.yaml:1:1",
          "app renders Secret vendor-creds with key token that no file of the repo shows (a remote base, Helm chart or generator plugin)",
        ],
        [
          "secret-generator",
          "app/kustomization.yaml:6:5",
          "secretGenerator db takes literals from the repository, so the secret's plaintext is in Git",
        ],
        ["plaintext-secret", "app/secret.yaml:4:1", "Secret local has data in plain text"],
      ],
    );
  });
});
