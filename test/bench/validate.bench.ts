// npm run bench:validate: the merge gate on a generated config repo of APPS apps x 3 overlays
// (>= 10,000 rendered resources). Baseline, in the same process: rendering every overlay with the
// same kustomize and nothing else, which is what the seeds' CI scripts do. Prints the figures and
// the gate's cost as ratios against that baseline.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validate } from "../../src/commands/validate.js";
import { createRenderer, mapConcurrent } from "../../src/gate/render/renderer.js";
import { loadBuiltinSchemas } from "../../src/gate/schema/builtin-schemas.js";
import { sealValue } from "../helpers/sealed-secrets.js";

const APPS = Number(process.env.BENCH_APPS ?? 200);
const OVERLAYS = ["dev", "staging", "production"];
const key = generateKeyPairSync("rsa", { modulusLength: 4096 }).publicKey;

function base(app: string): Record<string, string> {
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

function generate(dir: string): void {
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

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// BENCH_DIR keeps the generated repo there, to profile or rerun against it.
const keep = process.env.BENCH_DIR;
const dir = keep
  ? (mkdirSync(keep, { recursive: true }), keep)
  : mkdtempSync(path.join(tmpdir(), "gitops-ci-validate-bench-"));
try {
  generate(dir);
  const roots = Array.from({ length: APPS }, (_, i) =>
    OVERLAYS.map((env) => `apps/app${String(i).padStart(3, "0")}/overlays/${env}`),
  ).flat();

  // Loading the shipped schemas happens once per run; measured apart so the rows below compare work.
  const loadStart = performance.now();
  await loadBuiltinSchemas();
  const loadMs = performance.now() - loadStart;

  const renderer = await createRenderer("auto");
  if (!renderer) throw new Error("no renderer");
  const t0 = performance.now();
  await mapConcurrent(roots, (root) => renderer.render(dir, root));
  const baselineMs = performance.now() - t0;

  const full = await validate({ dir });
  const strict = await validate({ dir, strict: true });
  const checkMs = full.timings.totalMs - full.timings.renderMs;

  // A PR touching one app: its base changes, so its three overlays render; the rest are skipped.
  const touched = `app${String(Math.min(7, APPS - 1)).padStart(3, "0")}`;
  writeFileSync(
    path.join(dir, `apps/${touched}/base/r3.yaml`),
    (base(touched)["r3.yaml"] ?? "").replace("info", "debug"),
  );
  const changed = await validate({ dir, baseRef: "HEAD" });

  const rows: [string, string][] = [
    ["apps x overlays", `${APPS} x ${OVERLAYS.length} = ${roots.length} roots`],
    ["rendered resources", String(full.summary.resources)],
    ["findings (clean repo)", String(full.findings.length)],
    ["schema load, once per run (tsx, unbundled)", seconds(loadMs)],
    ["baseline: render every overlay only", seconds(baselineMs)],
    ["gate total", `${seconds(full.timings.totalMs)} (${(full.timings.totalMs / baselineMs).toFixed(2)}x baseline)`],
    ["  render", seconds(full.timings.renderMs)],
    ["  checks (parse, schema, secrets, images)", seconds(checkMs)],
    ["  checks, resources per second", String(Math.round(full.summary.resources / (checkMs / 1000)))],
    [
      "gate total, --strict",
      `${seconds(strict.timings.totalMs)} (${(strict.timings.totalMs / baselineMs).toFixed(2)}x baseline)`,
    ],
    [
      "changed-only, a PR touching one app",
      `${seconds(changed.timings.totalMs)} (${(changed.timings.totalMs / baselineMs).toFixed(3)}x baseline), ${changed.summary.rendered} rendered, ${changed.summary.skipped} skipped`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  if (full.findings.length) console.log(full.findings.slice(0, 5));
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
