// npm run bench:build-push: gitops-ci build-push against `buildah build` + `buildah push` run by
// hand with the same flags and labels, on the same context, to the same local registry. Each side
// builds new content (so neither hits a cache), in alternating order; the figure is the ratio of
// medians, measured in this one process.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launchRegistry } from "../helpers/registry.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SIZE_MB = Number(process.env.BENCH_MB ?? 128);
const CLI = path.resolve("dist/cli/index.js");
const SHA = "5f2b1c9d0e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c";

const registry = await launchRegistry();
const context = mkdtempSync(path.join(tmpdir(), "gitops-ci-build-bench-"));
const env = {
  ...process.env,
  GITHUB_ACTIONS: "true",
  GITHUB_SHA: SHA,
  GITHUB_REF: "refs/heads/main",
  GITHUB_REF_NAME: "main",
};
writeFileSync(path.join(context, "Dockerfile"), "FROM scratch\nCOPY payload.bin /payload.bin\n");

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function byHand(ref: string, labels: string[]): void {
  const digestFile = path.join(context, "digest");
  const args = [
    "build",
    "--storage-driver",
    "vfs",
    "--isolation",
    "chroot",
    "--layers",
    "-f",
    path.join(context, "Dockerfile"),
    "-t",
    ref,
  ];
  for (const label of labels) args.push("--label", label);
  execFileSync("buildah", [...args, context], { stdio: "ignore" });
  execFileSync(
    "buildah",
    ["push", "--storage-driver", "vfs", "--tls-verify=false", "--digestfile", digestFile, ref, `docker://${ref}`],
    {
      stdio: "ignore",
    },
  );
  readFileSync(digestFile, "utf8");
}

function suite(round: number): void {
  const r = spawnSync(
    process.execPath,
    [
      CLI,
      "build-push",
      "--build-tool",
      "buildah",
      "--image",
      `${registry.host}/bench/tool`,
      "--context",
      context,
      "--tag",
      `type=raw,value=r${round}`,
      "--insecure-registry",
    ],
    { env, stdio: "ignore" },
  );
  if (r.status !== 0) throw new Error(`build-push failed (exit ${r.status})`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const hand: number[] = [];
const tool: number[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    // The same labels the suite sets, so both sides build the same image config.
    const labels = [
      `org.opencontainers.image.created=${new Date().toISOString()}`,
      `org.opencontainers.image.revision=${SHA}`,
      "org.opencontainers.image.version=main-5f2b1c9",
      "org.opencontainers.image.title=tool",
    ];
    const order = round % 2 === 0;
    // New bytes before each side: no layer cache and no blob already in the registry for either.
    const fresh = () => writeFileSync(path.join(context, "payload.bin"), randomBytes(SIZE_MB * 1024 * 1024));
    const runHand = () => {
      fresh();
      hand.push(timed(() => byHand(`${registry.host}/bench/hand:r${round}`, labels)));
    };
    const runTool = () => {
      fresh();
      tool.push(timed(() => suite(round)));
    };
    if (order) {
      runHand();
      runTool();
    } else {
      runTool();
      runHand();
    }
  }
  const h = median(hand);
  const t = median(tool);
  console.log(`build-push of a ${SIZE_MB} MB FROM scratch image, ${ROUNDS} rounds, medians:`);
  console.log(`  buildah build + push by hand   ${(h / 1000).toFixed(2)} s`);
  console.log(`  gitops-ci build-push           ${(t / 1000).toFixed(2)} s`);
  console.log(
    `  overhead                       ${(((t - h) / h) * 100).toFixed(1)}%, ${((t - h) / 1000).toFixed(2)} s (target: under 5%)`,
  );
} finally {
  registry.stop();
  rmSync(context, { recursive: true, force: true });
}
