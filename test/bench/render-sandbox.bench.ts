// npm run bench:render-sandbox: what the render sandbox (clean environment, prlimit, unshare -rn)
// costs per root, against the same `kubectl kustomize` spawned bare, on the same small root,
// alternating sides, medians of ROUNDS renders each, in this one process.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createRenderer } from "../../src/gate/render/renderer.js";

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const dir = mkdtempSync(path.join(tmpdir(), "gitops-ci-sandbox-bench-"));
mkdirSync(path.join(dir, "app"));
writeFileSync(path.join(dir, "app/kustomization.yaml"), "resources: [cm.yaml]\nnamePrefix: prod-\n");
writeFileSync(path.join(dir, "app/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n");

const renderer = await createRenderer("kubectl");
if (!renderer) throw new Error("no renderer");
const bare: number[] = [];
const boxed: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  let start = performance.now();
  await run("kubectl", ["kustomize", path.join(dir, "app"), "--load-restrictor", "LoadRestrictionsNone"]);
  bare.push(performance.now() - start);
  start = performance.now();
  const result = await renderer.render(dir, "app");
  if (!result.ok) throw new Error(result.error);
  boxed.push(performance.now() - start);
}
const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
const [b, s] = [median(bare), median(boxed)];
console.log(
  `render sandbox (memory bound: ${renderer.sandbox.memoryBound}, own network namespace: ${renderer.sandbox.networkIsolated}), ${ROUNDS} renders each`,
);
console.log(`bare kubectl kustomize  ${b.toFixed(1)} ms`);
console.log(`sandboxed               ${s.toFixed(1)} ms   ratio ${(s / b).toFixed(2)}`);
rmSync(dir, { recursive: true, force: true });
