import { symlinkSync } from "node:fs";
import path from "node:path";
import { tempTree } from "./temp-dir.js";

/** Values planted in the environment and outside the repository: none may appear in any output. */
export const CANARY = "canary-Gh0stT0ken-4f9d2c7a1b";
export const OTHER_CANARY = "canary-OtherVar-88e1d0";

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
`;

/** The exfiltration kustomization: the environment copied into a field whose type error prints it. */
export const ENVIRON_ATTACK = {
  "app/deployment.yaml": DEPLOYMENT,
  "app/kustomization.yaml": `resources: [deployment.yaml]
configMapGenerator:
  - name: env
    files: [environ=/proc/self/environ]
replacements:
  - source: {kind: ConfigMap, name: env, fieldPath: data.environ, options: {delimiter: "GITOPS_TOKEN=", index: 1}}
    targets:
      - select: {kind: Deployment}
        fieldPaths: [spec.replicas]
`,
};

/**
 * A hostile PR's files, every attack of issue 11 at once: the environment through a generator,
 * a file outside the repository by absolute path and through a symlink, a remote resource, and
 * .git/config. `listener` is a loopback port that must never be reached.
 */
export function attackFiles(outsideDir: string, listener: number): Record<string, string> {
  return {
    ...ENVIRON_ATTACK,
    "abs/kustomization.yaml": `resources: [${outsideDir}/loot.yaml]\n`,
    "link/kustomization.yaml": "resources: [loot.yaml]\n",
    "remote/kustomization.yaml": `resources: [http://127.0.0.1:${listener}/deployment.yaml]\n`,
    "gitconfig/kustomization.yaml": "configMapGenerator:\n  - name: c\n    files: [../.git/config]\n",
  };
}

/** A directory outside every repository, holding a file with the canary. */
export function outsideFiles(): string {
  return tempTree({
    "loot.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loot}\ndata: {a: ${CANARY}}\n`,
  });
}

/** The symlink a PR commits: link/loot.yaml -> the outside file. */
export function plantSymlink(repo: string, outsideDir: string): void {
  symlinkSync(path.join(outsideDir, "loot.yaml"), path.join(repo, "link/loot.yaml"));
}
