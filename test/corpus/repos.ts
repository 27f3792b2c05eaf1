// Config repositories in the shapes public ones use (Argo CD app-of-apps with local charts, Flux
// fleets with components, substitution, HelmReleases and SOPS, kustomize components, CRD-heavy
// installs, monorepos with tool configs beside the manifests), written for this project. Each must
// pass clean; each planted mistake must be found at its line.
import { generateKeyPairSync } from "node:crypto";
import { sealValue } from "../helpers/sealed-secrets.js";

export interface CorpusRepo {
  name: string;
  files: Record<string, string>;
  strict?: boolean;
  /** One mistake a PR could make: the file it edits, the new text, and the finding it must give. */
  planted: { file: string; text: string; rule: string; line: number };
}

const deployment = (name: string, image: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      containers:
        - name: ${name}
          image: ${image}
          ports:
            - containerPort: 8080
${extra}`;

const service = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - port: 80
      targetPort: 8080
`;

const application = (name: string, path: string, extra = "") => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://git.example.com/platform/config.git
    targetRevision: HEAD
    path: ${path}
${extra}  destination:
    server: https://kubernetes.default.svc
    namespace: ${name}
  syncPolicy:
    automated: { prune: true, selfHeal: true }
`;

const fluxKustomization = (name: string, path: string, extra = "") => `---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 10m
  path: ${path}
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
${extra}`;

const key = generateKeyPairSync("rsa", { modulusLength: 4096 }).publicKey;
const sealed = (name: string, namespace: string) => `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  encryptedData:
    password: ${sealValue("s3cret", key, `${namespace}/${name}`)}
  template:
    metadata:
      name: ${name}
      namespace: ${namespace}
`;

const crd = (kind: string, plural: string, group: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.${group}
spec:
  group: ${group}
  names: { kind: ${kind}, listKind: ${kind}List, plural: ${plural}, singular: ${kind.toLowerCase()} }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          description: ${kind} is the Schema for the ${plural} API. It is described at length, as controller-gen writes it.
          type: object
          properties:
            apiVersion: { description: APIVersion defines the versioned schema of this representation., type: string }
            kind: { description: Kind is a string value representing the REST resource., type: string }
            metadata: { type: object }
            spec:
              description: ${kind}Spec defines the desired state.
              type: object
              required: [replicas]
              properties:
                replicas: { description: How many., type: integer, minimum: 0 }
                template:
                  description: Free-form pod template overrides.
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
            status: { type: object, x-kubernetes-preserve-unknown-fields: true }
`;

export const CORPUS: CorpusRepo[] = [
  {
    name: "argocd-app-of-apps",
    files: {
      "apps/kustomization.yaml": "resources:\n  - guestbook.yaml\n  - helm-guestbook.yaml\n",
      "apps/guestbook.yaml": application("guestbook", "guestbook/overlays/production"),
      "apps/helm-guestbook.yaml": application(
        "helm-guestbook",
        "helm-guestbook",
        "    helm:\n      valueFiles: [values-production.yaml]\n",
      ),
      "guestbook/base/kustomization.yaml": "resources:\n  - deployment.yaml\n  - service.yaml\n",
      "guestbook/base/deployment.yaml": deployment("guestbook", "registry.example.com/guestbook:1.4.0"),
      "guestbook/base/service.yaml": service("guestbook"),
      "guestbook/overlays/production/kustomization.yaml":
        'resources:\n  - ../../base\nnamespace: guestbook\nimages:\n  - name: registry.example.com/guestbook\n    newTag: "1.4.2"\n',
      "helm-guestbook/Chart.yaml": "apiVersion: v2\nname: helm-guestbook\nversion: 0.1.0\n",
      "helm-guestbook/values.yaml": "replicaCount: 1\nimage:\n  repository: registry.example.com/guestbook\n",
      "helm-guestbook/values-production.yaml": "replicaCount: 3\n",
      "helm-guestbook/templates/deployment.yaml":
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "helm-guestbook.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n',
      "helm-guestbook/templates/_helpers.tpl":
        '{{- define "helm-guestbook.fullname" -}}{{ .Release.Name }}{{- end }}\n',
    },
    planted: {
      file: "guestbook/overlays/production/kustomization.yaml",
      text: "resources:\n  - ../../base\nnamespace: guestbook\nimages:\n  - name: registry.example.com/guestbook\n    newTag: 1.10\n",
      rule: "schema",
      line: 6,
    },
  },
  {
    name: "flux-fleet",
    files: {
      "clusters/production/flux-system/gotk-sync.yaml": `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 1m
  ref: { branch: main }
  url: ssh://git@git.example.com/platform/fleet
${fluxKustomization("flux-system", "./clusters/production")}`,
      "clusters/production/flux-system/kustomization.yaml": "resources:\n  - gotk-sync.yaml\n",
      "clusters/production/infrastructure.yaml": fluxKustomization("infra-controllers", "./infrastructure/controllers"),
      "clusters/production/apps.yaml": fluxKustomization(
        "apps",
        "./apps/production",
        "  dependsOn: [{ name: infra-controllers }]\n  decryption: { provider: sops, secretRef: { name: sops-age } }\n  postBuild:\n    substitute: { CLUSTER: production }\n    substituteFrom: [{ kind: ConfigMap, name: cluster-vars }]\n",
      ),
      "clusters/production/cluster-vars.yaml":
        'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cluster-vars, namespace: flux-system }\ndata:\n  DOMAIN: example.com\n  PODINFO_REPLICAS: "2"\n',
      "infrastructure/controllers/kustomization.yaml": "resources:\n  - ingress-nginx.yaml\n",
      "infrastructure/controllers/ingress-nginx.yaml": `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata: { name: ingress-nginx, namespace: flux-system }
spec: { interval: 24h, url: https://kubernetes.github.io/ingress-nginx }
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: { name: ingress-nginx, namespace: ingress-nginx }
spec:
  interval: 30m
  chart:
    spec:
      chart: ingress-nginx
      version: "4.x"
      sourceRef: { kind: HelmRepository, name: ingress-nginx, namespace: flux-system }
  values:
    controller: { replicaCount: 2 }
`,
      "apps/base/podinfo/kustomization.yaml": "resources:\n  - deployment.yaml\n  - service.yaml\n",
      "apps/base/podinfo/deployment.yaml": deployment("podinfo", "ghcr.io/stefanprodan/podinfo:6.7.0").replace(
        "replicas: 1",
        "replicas: ${PODINFO_REPLICAS:=1}",
      ),
      "apps/base/podinfo/service.yaml": service("podinfo"),
      "apps/production/kustomization.yaml":
        "namespace: podinfo\nresources:\n  - ../base/podinfo\n  - secret.sops.yaml\n",
      "apps/production/secret.sops.yaml": `apiVersion: v1
kind: Secret
metadata: { name: podinfo-token, namespace: podinfo }
stringData:
  token: ENC[AES256_GCM,data:Tr7o,iv:AA==,tag:AA==,type:str]
sops:
  mac: ENC[AES256_GCM,data:oYyi,iv:AA==,tag:AA==,type:str]
  version: 3.9.0
`,
      ".sops.yaml":
        "creation_rules:\n  - path_regex: .*\\.sops\\.yaml\n    encrypted_regex: ^(data|stringData)$\n    age: age1qqqqqqqqqqqqqqqq\n",
    },
    planted: {
      file: "apps/production/secret.sops.yaml",
      text: "apiVersion: v1\nkind: Secret\nmetadata: { name: podinfo-token, namespace: podinfo }\nstringData:\n  token: hunter2\nsops:\n  mac: ENC[AES256_GCM,data:oYyi,iv:AA==,tag:AA==,type:str]\n  version: 3.9.0\n",
      rule: "sops-unencrypted-value",
      line: 5,
    },
  },
  {
    name: "flux-home-ops-components",
    files: {
      "kubernetes/flux/apps.yaml": ["media", "books"]
        .map((app) =>
          fluxKustomization(
            app,
            `./kubernetes/apps/${app}/app`,
            `  targetNamespace: default\n  components: [../../../components/volsync]\n  postBuild:\n    substitute: { APP: ${app}, VOLSYNC_CAPACITY: 5Gi }\n`,
          ),
        )
        .join(""),
      "kubernetes/components/volsync/kustomization.yaml":
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - pvc.yaml\n",
      "kubernetes/components/volsync/pvc.yaml": `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: \${APP}
spec:
  accessModes: ["\${VOLSYNC_ACCESSMODES:=ReadWriteOnce}"]
  resources:
    requests:
      storage: "\${VOLSYNC_CAPACITY:=5Gi}"
  storageClassName: "\${VOLSYNC_STORAGECLASS:=ceph-block}"
`,
      "kubernetes/apps/media/app/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "kubernetes/apps/media/app/deployment.yaml": deployment("media", "ghcr.io/home-operations/jellyfin:10.10.3"),
      "kubernetes/apps/books/app/kustomization.yaml":
        "resources:\n  - deployment.yaml\npatches:\n  - target:\n      kind: PersistentVolumeClaim\n      name: ${APP}\n    patch: |-\n      - { op: add, path: /metadata/labels, value: { backup: daily } }\n",
      "kubernetes/apps/books/app/deployment.yaml": deployment("books", "ghcr.io/home-operations/calibre-web:0.6.24"),
      "Taskfile.yaml": "version: '3'\ntasks:\n  reconcile:\n    cmds: [flux reconcile ks flux-system --with-source]\n",
      "talos/patches/network.yaml": "apiVersion: v1alpha1\nkind: EthernetConfig\nname: enp1s0\n",
    },
    planted: {
      file: "kubernetes/components/volsync/pvc.yaml",
      text: "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${APP}\nspec:\n  accessModes: [ReadWriteSometimes]\n  resources:\n    requests:\n      storage: 5Gi\n",
      rule: "schema",
      line: 6,
    },
  },
  {
    name: "kustomize-components",
    files: {
      "base/kustomization.yaml": "resources:\n  - deployment.yaml\n  - service.yaml\n",
      "base/deployment.yaml": deployment("shop", "registry.example.com/shop:2.1.0"),
      "base/service.yaml": service("shop"),
      "components/ha/kustomization.yaml":
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - target: { kind: Deployment, name: shop }\n    patch: |-\n      - { op: replace, path: /spec/replicas, value: 3 }\n",
      "components/pdb/kustomization.yaml":
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - pdb.yaml\n",
      "components/pdb/pdb.yaml":
        "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: shop }\nspec:\n  minAvailable: 1\n  selector: { matchLabels: { app.kubernetes.io/name: shop } }\n",
      "overlays/staging/kustomization.yaml": "resources:\n  - ../../base\ncomponents:\n  # - ../../components/ha\n",
      "overlays/production/kustomization.yaml":
        "namePrefix: prod-\nresources:\n  - ../../base\ncomponents:\n  - ../../components/ha\n  - ../../components/pdb\n",
    },
    planted: {
      file: "components/pdb/pdb.yaml",
      text: "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: shop }\nspec:\n  minAvailable: 1\n  selector: { matchLabels: [shop] }\n",
      rule: "schema",
      line: 6,
    },
  },
  {
    name: "crd-heavy-install",
    strict: true,
    files: {
      "install/kustomization.yaml": "resources:\n  - crds\n  - operator.yaml\n  - widgets.yaml\n",
      "install/crds/kustomization.yaml": "resources:\n  - widgets.yaml\n  - gadgets.yaml\n",
      "install/crds/widgets.yaml": crd("Widget", "widgets", "acme.example.com"),
      "install/crds/gadgets.yaml": crd("Gadget", "gadgets", "acme.example.com"),
      "install/operator.yaml": deployment("acme-operator", "registry.example.com/acme/operator:0.9.1"),
      "install/widgets.yaml":
        "apiVersion: acme.example.com/v1\nkind: Widget\nmetadata: { name: default }\nspec:\n  replicas: 2\n  template: { anything: [goes, here] }\n",
    },
    planted: {
      file: "install/widgets.yaml",
      text: "apiVersion: acme.example.com/v1\nkind: Widget\nmetadata: { name: default }\nspec:\n  replica: 2\n",
      rule: "schema",
      line: 5,
    },
  },
  {
    name: "monorepo-with-tools",
    files: {
      "skaffold.yaml":
        "apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts: [{ image: web }]\nmanifests:\n  kustomize: { paths: [deploy/overlays/dev] }\n",
      ".gitlab-ci.yml": "stages: [test]\nlint:\n  stage: test\n  script: [make lint]\n",
      "renovate.json":
        '{\n  "extends": ["config:recommended"],\n  "kubernetes": { "fileMatch": ["deploy/.+\\\\.yaml$"] }\n}\n',
      ".vscode/settings.json": '{\n  // editor settings\n  "yaml.schemas": {},\n}\n',
      "Taskfile.yml": "version: '3'\ntasks:\n  dev: { cmds: [skaffold dev] }\n",
      "src/app/config.yaml": "server:\n  port: 8080\nfeatures: [a, b]\n",
      "deploy/base/kustomization.yaml":
        "resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: web-config\n    files: [config.yaml=../../src/app/config.yaml]\n",
      "deploy/base/deployment.yaml": deployment("web", "web"),
      "deploy/overlays/dev/kustomization.yaml":
        "resources:\n  - ../../base\nimages:\n  - name: web\n    newName: registry.example.com/web\n    newTag: dev\n",
    },
    planted: {
      file: "deploy/overlays/dev/kustomization.yaml",
      text: "resources:\n  - ../../base\n  - https://raw.example.com/org/shared/main/monitoring.yaml\n",
      rule: "remote-resource",
      line: 3,
    },
  },
  {
    name: "sealed-secrets-promotion",
    files: {
      "envs/staging/kustomization.yaml": "namespace: staging\nresources:\n  - ../../base\n  - db-sealed.yaml\n",
      "envs/staging/db-sealed.yaml": sealed("db", "staging"),
      "envs/production/kustomization.yaml": "namespace: production\nresources:\n  - ../../base\n  - db-sealed.yaml\n",
      "envs/production/db-sealed.yaml": sealed("db", "production"),
      "base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "base/deployment.yaml": deployment("api", "registry.example.com/api:3.2.1"),
    },
    planted: {
      // a copy-paste from staging: sealed for another namespace, it will never decrypt
      file: "envs/production/db-sealed.yaml",
      text: sealed("db", "staging"),
      rule: "sealed-secret-scope",
      line: 5,
    },
  },
  {
    name: "argocd-vault-plugin",
    files: {
      "apps/payments/kustomization.yaml": "resources:\n  - deployment.yaml\n  - secret.yaml\n",
      "apps/payments/deployment.yaml": deployment("payments", "registry.example.com/payments:5.0.0"),
      "apps/payments/secret.yaml": `apiVersion: v1
kind: Secret
metadata:
  name: payments
  annotations:
    avp.kubernetes.io/path: secret/data/payments
stringData:
  STRIPE_KEY: <path:secret/data/payments#stripe_key>
  DB_URL: postgres://payments:<path:secret/data/payments#db_password>@db:5432/payments
  OP_TOKEN: op://prod/payments/token
  EMPTY_UNTIL_SYNC: ""
`,
      "argocd/payments.yaml": application(
        "payments",
        "apps/payments",
        "    plugin: { name: argocd-vault-plugin-kustomize }\n",
      ),
    },
    planted: {
      file: "apps/payments/secret.yaml",
      text: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: payments\nstringData:\n  STRIPE_KEY: <path:secret/data/payments#stripe_key>\n  WEBHOOK_SECRET: whsec_live_51H8\n",
      rule: "plaintext-secret",
      line: 5,
    },
  },
  {
    name: "argocd-directory-apps-json",
    files: {
      "argocd/cluster-addons.yaml": application("addons", "addons"),
      "addons/namespace.json": JSON.stringify(
        { apiVersion: "v1", kind: "Namespace", metadata: { name: "addons" } },
        null,
        2,
      ),
      "addons/configmap.json": JSON.stringify(
        {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "addons", namespace: "addons" },
          data: { level: "info" },
        },
        null,
        2,
      ),
      "addons/dashboards/grafana.json": JSON.stringify(
        { title: "Addons", panels: [{ id: 1, type: "graph" }] },
        null,
        2,
      ),
    },
    planted: {
      file: "addons/token.json",
      text: JSON.stringify(
        { apiVersion: "v1", kind: "Secret", metadata: { name: "deploy-token" }, stringData: { token: "ghp_live" } },
        null,
        2,
      ),
      rule: "plaintext-secret",
      line: 7,
    },
  },
  {
    name: "microservices-overlays",
    files: {
      "kustomize/base/kustomization.yaml": "resources:\n  - frontend.yaml\n  - cart.yaml\n",
      "kustomize/base/frontend.yaml": `${deployment("frontend", "registry.example.com/frontend:v0.10.2")}---\n${service("frontend")}`,
      "kustomize/base/cart.yaml": `${deployment("cart", "registry.example.com/cart:v0.10.2")}---\n${service("cart")}`,
      "kustomize/components/network-policies/kustomization.yaml":
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - deny-all.yaml\n",
      "kustomize/components/network-policies/deny-all.yaml":
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny-all }\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n",
      "kustomize/overlays/prod/kustomization.yaml":
        'resources:\n  - ../../base\ncomponents:\n  - ../../components/network-policies\nimages:\n  - name: registry.example.com/frontend\n    newTag: "v0.10.3"\n',
      "kustomize/overlays/prod/cart-patch.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: cart }\nspec:\n  replicas: 3\n",
    },
    planted: {
      file: "kustomize/overlays/prod/kustomization.yaml",
      text: "resources:\n  - ../../base\npatches:\n  - path: cart-patch.yaml\n  - target: { kind: Deployment, name: frontend }\n    patch: |-\n      - { op: replace, path: /spec/replicas, value: many }\n",
      rule: "schema",
      line: 7,
    },
  },
];
