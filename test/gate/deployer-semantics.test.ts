import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validate } from "../../src/commands/validate.js";
import { DEPLOYMENT } from "../helpers/attack-repo.js";
import { tempTree } from "../helpers/temp-dir.js";

// What real config repositories hold and the deployers accept: none of it is an error (issue 12).
const where = (result: Awaited<ReturnType<typeof validate>>) =>
  result.findings.map((f) => `${f.severity} ${f.rule} ${f.file}:${f.line}:${f.column}`);

describe("the gate reads config repos as the deployers do", () => {
  it("a Helm chart's templates and values are not parsed; the chart is one not-rendered warning", async () => {
    const result = await validate({
      dir: tempTree({
        "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
        "charts/web/values.yaml": "password: hunter2\nreplicas: two\n",
        "charts/web/templates/secret.yaml":
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}\nstringData:\n  password: {{ .Values.password }}\n",
        "charts/web/crds/widget.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {k: v}\n",
      }),
      renderer: "auto",
    });
    assert.deepEqual(where(result), [
      "error plaintext-secret charts/web/crds/widget.yaml:4:1",
      "warning not-rendered charts/web/Chart.yaml:1:1",
    ]);
  });

  it("a kustomize helmCharts entry is not-rendered at its line, and its root is not rendered", async () => {
    const result = await validate({
      dir: tempTree({
        "app/kustomization.yaml":
          "resources: [deployment.yaml]\nhelmCharts:\n  - name: redis\n    repo: https://charts.example.com\n    version: 1.0.0\n",
        "app/deployment.yaml": DEPLOYMENT,
      }),
      renderer: "auto",
    });
    assert.deepEqual(where(result), ["warning not-rendered app/kustomization.yaml:3:5"]);
    assert.equal(result.summary.rendered, 0);
  });

  it("a Component is checked through the kustomizations that use it, never rendered alone", async () => {
    const result = await validate({
      dir: tempTree({
        "components/ha/kustomization.yaml":
          'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata: {name: web}\n      spec: {replicas: 3}\nimages:\n  - name: nginx\n    newTag: "1.27"\n',
        "components/unused/kustomization.yaml":
          "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata: {name: absent}\n      spec: {replicas: 3}\n",
        "app/kustomization.yaml": "resources: [deployment.yaml]\ncomponents: [../components/ha]\n",
        "app/deployment.yaml": DEPLOYMENT,
      }),
      renderer: "auto",
    });
    assert.deepEqual(where(result), []);
    assert.equal(result.summary.rendered, 1);
  });

  it("null lists (every entry commented out) are accepted, as kustomize accepts them", async () => {
    const result = await validate({
      dir: tempTree({
        "app/kustomization.yaml":
          "resources:\n  - deployment.yaml\ncomponents:\n  # - ../components/ha\nimages:\npatches:\n",
        "app/deployment.yaml": DEPLOYMENT,
      }),
      renderer: "auto",
    });
    assert.deepEqual(where(result), []);
  });

  it("an alias used as a mapping key (*app:) reads as kustomize reads it", async () => {
    const result = await validate({
      dir: tempTree({
        "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &app web\ndata:\n  *app: enabled\n",
      }),
      renderer: "none",
    });
    assert.deepEqual(where(result), []);
  });

  it("--strict does not descend into a CRD's openAPIV3Schema", async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          description: A widget.
          type: object
          properties:
            spec:
              description: What the widget does.
              type: object
              x-kubernetes-preserve-unknown-fields: true
`;
    const result = await validate({ dir: tempTree({ "crd.yaml": crd }), renderer: "none", strict: true });
    assert.deepEqual(where(result), []);
  });

  it("a field holding a Flux post-build variable is not judged before substitution", async () => {
    const pvc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: \${APP}
spec:
  accessModes: ["\${VOLSYNC_ACCESSMODES:=ReadWriteOnce}"]
  resources:
    requests:
      storage: "\${VOLSYNC_CAPACITY:=5Gi}"
`;
    const result = await validate({ dir: tempTree({ "pvc.yaml": pvc }), renderer: "none" });
    assert.deepEqual(where(result), []);
    const typo = await validate({
      dir: tempTree({ "pvc.yaml": pvc.replace("accessModes", "accesModes") }),
      renderer: "none",
      strict: true,
    });
    assert.deepEqual(where(typo), ["error schema pvc.yaml:6:3"], "the rest of the object is still checked");
  });

  it("a value a shipped CRD's enum lacks is a warning: a newer controller may allow it", async () => {
    const alert = `apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Alert
metadata: {name: alertmanager}
spec:
  providerRef: {name: alertmanager}
  eventSources:
    - kind: FluxInstance
      name: "*"
`;
    const result = await validate({ dir: tempTree({ "alert.yaml": alert }), renderer: "none" });
    assert.deepEqual(where(result), ["warning schema alert.yaml:7:13"]);
  });

  it("a Flux Kustomization builds its path with its components, namespace and post-build variables", async () => {
    const ks = (app: string) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: ${app}}
spec:
  interval: 10m
  prune: true
  path: ./apps/${app}
  targetNamespace: media
  components: [../../components/db]
  sourceRef: {kind: GitRepository, name: flux-system}
  postBuild:
    substitute: {APP: ${app}}
    substituteFrom: [{kind: ConfigMap, name: cluster-settings}]
`;
    const files = (dbReplicas: string) => ({
      "flux/apps.yaml": `${ks("books")}---\n${ks("photos")}`,
      "flux/settings.yaml":
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cluster-settings}\ndata: {DB_REPLICAS: "2"}\n',
      "components/db/kustomization.yaml":
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [db.yaml]\n",
      "components/db/db.yaml": `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: \${APP}-db\nspec:\n  replicas: ${dbReplicas}\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: postgres}]}\n`,
      // the app's own patch targets what the component adds: Flux writes components into this file
      "apps/books/kustomization.yaml":
        "resources: [deployment.yaml]\npatches:\n  - target:\n      kind: StatefulSet\n      name: ${APP}-db\n    patch: |-\n      - {op: add, path: /metadata/labels, value: {tier: db}}\n",
      "apps/books/deployment.yaml": DEPLOYMENT,
      "apps/photos/kustomization.yaml": "resources: [deployment.yaml]\n",
      "apps/photos/deployment.yaml": DEPLOYMENT,
    });
    const clean = await validate({ dir: tempTree(files("${DB_REPLICAS}")), renderer: "auto" });
    assert.deepEqual(where(clean), []);
    assert.deepEqual(
      [clean.summary.rendered, clean.summary.resources],
      [3, 7],
      "two Flux builds (a Deployment and the component's StatefulSet each) and flux/ itself",
    );
    const broken = await validate({ dir: tempTree(files('"two"')), renderer: "auto" });
    assert.deepEqual(
      broken.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`),
      [
        'schema components/db/db.yaml:6:13 StatefulSet books-db: spec.replicas: must be integer, not string "two" (rendered by apps/books, apps/photos)',
      ],
    );
  });

  it("tool configs that look like objects (skaffold, kind, Talos) are not checked as Kubernetes objects", async () => {
    const result = await validate({
      dir: tempTree({
        "skaffold.yaml": "apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts: [{image: web}]\n",
        "kind.yaml": "apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [{role: control-plane}]\n",
        "talos/patch.yaml": "apiVersion: v1alpha1\nkind: EthernetConfig\nname: eth0\n",
        "Taskfile.yml": "version: '3'\ntasks:\n  lint: {cmds: [yamllint .]}\n",
        ".sops.yaml": "creation_rules:\n  - path_regex: .*\\.sops\\.yaml\n    age: age1xyz\n",
      }),
      renderer: "none",
    });
    assert.deepEqual(where(result), []);
  });

  it("an Argo CD Application's kustomize options are applied to its path before the checks", async () => {
    const app = (kustomize: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: web-prod, namespace: argocd}
spec:
  project: default
  source:
    repoURL: https://git.example.com/config.git
    path: apps/web
    kustomize:
${kustomize}
  destination: {server: https://kubernetes.default.svc, namespace: web}
`;
    const files = (kustomize: string) => ({
      "argocd/web.yaml": app(kustomize),
      "apps/web/kustomization.yaml": "resources: [deployment.yaml]\n",
      "apps/web/deployment.yaml": DEPLOYMENT,
    });
    const result = await validate({
      dir: tempTree(
        files(
          "      namePrefix: prod-\n      images: [nginx=registry.example.com/nginx:1.27.1]\n      commonLabels: {team: web}\n      patches:\n        - target: {kind: Deployment}\n          patch: |-\n            - {op: replace, path: /spec/replicas, value: 3}",
        ),
      ),
      renderer: "auto",
    });
    assert.deepEqual(where(result), []);
    assert.deepEqual(
      result.roots.find((r) => r.dir === "apps/web")?.how,
      "kustomize, as Argo CD Application web-prod (argocd/web.yaml) builds it",
    );
    // a patch the Application carries is checked like any other
    const broken = await validate({
      dir: tempTree(
        files(
          "      patches:\n        - target: {kind: Deployment}\n          patch: |-\n            - {op: replace, path: /spec/replicas, value: three}",
        ),
      ),
      renderer: "auto",
    });
    assert.deepEqual(
      broken.findings.map((f) => `${f.rule} ${f.message.split(":").slice(0, 2).join(":")}`),
      ["schema Deployment web: spec.replicas"],
    );
  });

  it("merge keys (<<) resolve as kustomize resolves them; unresolved variables are one info per root", async () => {
    const result = await validate({
      dir: tempTree({
        "app/kustomization.yaml": "resources: [cm.yaml, pvc.yaml]\n",
        "app/cm.yaml":
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  <<: &meta {name: settings, labels: {team: web}}\ndata:\n  a: b\n",
        "app/pvc.yaml":
          'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: ["${MODE}"]\n  resources: {requests: {storage: "${SIZE}"}}\n',
      }),
      renderer: "auto",
      strict: true,
    });
    assert.deepEqual(where(result), ["info schema app/kustomization.yaml:1:1"]);
    assert.match(result.findings[0]?.message ?? "", /app: 2 field\(s\) still hold a post-build variable/);
    // the raw file, read by the gate itself: metadata has its name through the merge key
    const raw = await validate({
      dir: tempTree({
        "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  <<: &meta {name: settings, labels: {team: web}}\n",
      }),
      renderer: "none",
      strict: true,
    });
    assert.deepEqual(where(raw), []);
  });

  it("a mistake in a base seen through several overlays is one finding, at the base line, naming the roots", async () => {
    const result = await validate({
      dir: tempTree({
        "base/kustomization.yaml": "resources: [deployment.yaml]\n",
        "base/deployment.yaml": DEPLOYMENT.replace("replicas: 1", 'replicas: "one"'),
        "overlays/dev/kustomization.yaml": "resources: [../../base]\n",
        "overlays/staging/kustomization.yaml": "namePrefix: staging-\nresources: [../../base]\n",
        "overlays/production/kustomization.yaml": "namePrefix: prod-\nresources: [../../base]\n",
      }),
      renderer: "auto",
    });
    assert.deepEqual(
      result.findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`),
      [
        'schema base/deployment.yaml:5 Deployment web: spec.replicas: must be integer, not string "one" (rendered by overlays/dev, overlays/production, overlays/staging)',
      ],
    );
    assert.equal(JSON.stringify(result.findings).includes("renderedBy"), false, "internal, not reported");
  });
});
