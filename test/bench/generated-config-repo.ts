// The config repo the validate benchmarks generate: APPS apps, each a base of 12 objects and
// dev/staging/production overlays (namespace, two SealedSecrets with real 4096-bit ciphertext,
// quota, limits, a replicas patch, an images entry).
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sealValue } from "../helpers/sealed-secrets.js";

export const APPS = Number(process.env.BENCH_APPS ?? 200);
export const OVERLAYS = ["dev", "staging", "production"];
const key = generateKeyPairSync("rsa", { modulusLength: 4096 }).publicKey;

export function base(app: string): Record<string, string> {
  const labels = `{app: ${app}}`;
  const objects = [
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: ${labels}\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      serviceAccountName: ${app}\n      containers:\n        - name: ${app}\n          image: registry.example.com/team/${app}:1.0.0\n          ports:\n            - containerPort: 8080\n          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n          envFrom:\n            - configMapRef: {name: ${app}-settings}\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\nspec:\n  selector: ${labels}\n  ports:\n    - port: 80\n      targetPort: 8080\n`,
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${app}\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${app}-settings\ndata:\n  LOG_LEVEL: info\n`,
    `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${app}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${app}}\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n`,
    `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${app}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: ${labels}\n`,
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${app}\nspec:\n  podSelector:\n    matchLabels: ${labels}\n  policyTypes: [Ingress]\n  ingress:\n    - ports: [{port: 8080}]\n`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ${app}\nrules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list]\n`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ${app}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ${app}}\nsubjects:\n  - kind: ServiceAccount\n    name: ${app}\n`,
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${app}\nspec:\n  rules:\n    - host: ${app}.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend: {service: {name: ${app}, port: {number: 80}}}\n`,
    `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${app}-cleanup\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: cleanup\n              image: registry.example.com/team/${app}:1.0.0\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${app}-dashboards\ndata:\n  dashboard.json: "{}"\n`,
  ];
  return {
    "kustomization.yaml": `resources:\n${objects.map((_, i) => `  - r${i}.yaml\n`).join("")}`,
    ...Object.fromEntries(objects.map((o, i) => [`r${i}.yaml`, o])),
  };
}

function overlay(app: string, env: string): Record<string, string> {
  const ns = `${app}-${env}`;
  const sealed = (name: string) =>
    `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  encryptedData:\n    password: ${sealValue("hunter2", key, `${ns}/${name}`)}\n  template:\n    metadata:\n      name: ${name}\n      namespace: ${ns}\n`;
  return {
    "kustomization.yaml": `namespace: ${ns}\nresources:\n  - ../../base\n  - namespace.yaml\n  - db.yaml\n  - api-key.yaml\n  - quota.yaml\n  - limits.yaml\npatches:\n  - path: replicas.yaml\nimages:\n  - name: registry.example.com/team/${app}\n    newTag: "1.${env.length}.0"\n`,
    "namespace.yaml": `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`,
    "db.yaml": sealed("db"),
    "api-key.yaml": sealed("api-key"),
    "quota.yaml": `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: quota\nspec:\n  hard: {pods: "50"}\n`,
    "limits.yaml": `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: limits\nspec:\n  limits:\n    - type: Container\n      default: {cpu: 500m}\n`,
    "replicas.yaml": `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  replicas: ${env === "production" ? 4 : 1}\n`,
  };
}

export function generate(dir: string): void {
  const write = (rel: string, files: Record<string, string>) => {
    mkdirSync(path.join(dir, rel), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, rel, name), text);
  };
  for (let i = 0; i < APPS; i++) {
    const app = `app${String(i).padStart(3, "0")}`;
    write(`apps/${app}/base`, base(app));
    for (const env of OVERLAYS) write(`apps/${app}/overlays/${env}`, overlay(app, env));
  }
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.email=b@example.com", "-c", "user.name=b", "commit", "-qm", "generated");
}

/** Every overlay of the generated repo, relative to it. */
export function overlayRoots(): string[] {
  return Array.from({ length: APPS }, (_, i) =>
    OVERLAYS.map((env) => `apps/app${String(i).padStart(3, "0")}/overlays/${env}`),
  ).flat();
}
