// npm run bench: set-image through the API vs the seeds' script (git clone, sed, git commit,
// git push) on the same repositories of the local forge, with injected latency. Prints tables;
// figures are ratios against the seeds' script measured in the same run.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startForge } from "../fake-forge/server.js";
import { gitIn, seedRepository } from "../fake-forge/seed.js";

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONCURRENT = 32;
const TOKEN = "bench-token-0123456789";
const CLI = path.resolve("dist/cli/index.js");
const FILE = "apps/web/overlays/staging/kustomization.yaml";

interface Run {
  ms: number;
  requests: number;
  ok: boolean;
}

function sh(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
    child.stdin.end(options.input);
  });
}

function kustomization(entries: number): string {
  const images = Array.from({ length: entries }, (_, i) => `- name: svc${i}\n  newTag: v1\n`).join("");
  return `resources:\n- ../../base\nimages:\n- name: web\n  newTag: "1.0"\n${images}`;
}

/** A repository of `files` files and `commits` commits, built with git fast-import. */
async function bigRepository(root: string, repo: string, files: number, commits: number): Promise<void> {
  const bare = path.join(root, `${repo}.git`);
  mkdirSync(bare, { recursive: true });
  await sh("git", ["init", "-q", "--bare", "-b", "main", bare]);
  const lines: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  const commit = (n: number, body: string[]) =>
    [
      `commit refs/heads/main`,
      `committer seed <seed@example.com> ${1700000000 + n} +0000`,
      data(`commit ${n}\n`),
      ...body,
    ].join("\n");
  const initial = [`M 100644 inline ${FILE}`, data(kustomization(CONCURRENT))];
  for (let i = 0; i < files - 1; i++)
    initial.push(
      `M 100644 inline apps/app${i % 400}/manifests/m${i}.yaml`,
      data(`kind: ConfigMap\nmetadata:\n  name: m${i}\ndata:\n  v: "0"\n`),
    );
  lines.push(commit(0, initial));
  for (let n = 1; n < commits; n++) {
    const i = n % (files - 1);
    lines.push(
      commit(n, [
        `M 100644 inline apps/app${i % 400}/manifests/m${i}.yaml`,
        data(`kind: ConfigMap\nmetadata:\n  name: m${i}\ndata:\n  v: "${n}"\n`),
      ]),
    );
  }
  const r = await sh("git", ["fast-import", "--quiet"], { cwd: bare, input: `${lines.join("\n")}\n` });
  if (r.code !== 0) throw new Error(r.out);
}

async function main() {
  const root = mkdtempSync(path.join(tmpdir(), "gitops-ci-bench-"));
  const work = mkdtempSync(path.join(tmpdir(), "gitops-ci-bench-work-"));
  const small: Record<string, string> = { [FILE]: kustomization(CONCURRENT) };
  for (let i = 0; i < 99; i++) small[`apps/app${i}/manifests/m.yaml`] = `kind: ConfigMap\nmetadata:\n  name: m${i}\n`;
  seedRepository(root, "bench/small", small);
  process.stderr.write("building the 20,000-file, 5,000-commit repository...\n");
  await bigRepository(root, "bench/large", 20_000, 5_000);
  const forge = await startForge({ root, token: TOKEN, latencyMs: LATENCY_MS });
  const gitUrl = (repo: string) => `${forge.url.replace("http://", `http://x-access-token:${TOKEN}@`)}/git/${repo}.git`;
  let seq = 0;

  const gitopsCi = async (repo: string, image: string): Promise<Run> => {
    const start = performance.now();
    const r = await sh(
      process.execPath,
      [
        CLI,
        "set-image",
        "--repo",
        repo,
        "--forge",
        "github",
        "--api-url",
        `${forge.url}/github/api/v3`,
        "--path",
        path.dirname(FILE),
        "--image",
        image,
      ],
      {
        env: { GITOPS_TOKEN: TOKEN },
      },
    );
    if (r.code !== 0) process.stderr.write(`gitops-ci failed: ${r.out}\n`);
    return { ms: performance.now() - start, requests: 0, ok: r.code === 0 };
  };

  // The seeds' glue: clone with the token in the URL, sed the tag, commit, push; no retry.
  const seedsScript = async (repo: string, name: string, tag: string): Promise<Run> => {
    const dir = path.join(work, `clone-${++seq}`);
    const script = `set -e
git clone -q "$REMOTE" "$DIR"
cd "$DIR"
sed -i "/- name: ${name}$/{n;s/newTag: .*/newTag: \\"${tag}\\"/}" ${FILE}
git -c user.name=ci -c user.email=ci@example.com commit -qam "bump ${name} to ${tag}"
git push -q origin HEAD:main`;
    const start = performance.now();
    const r = await sh("bash", ["-c", script], { env: { REMOTE: gitUrl(repo), DIR: dir } });
    const ms = performance.now() - start;
    rmSync(dir, { recursive: true, force: true });
    if (r.code !== 0 && process.env.BENCH_VERBOSE) process.stderr.write(`seeds script failed: ${r.out}\n`);
    return { ms, requests: 0, ok: r.code === 0 };
  };

  const measured = async (run: () => Promise<Run>): Promise<Run> => {
    forge.resetStats();
    const result = await run();
    return { ...result, requests: forge.stats().total };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] as number;

  const rows: string[][] = [];
  for (const [label, repo] of [
    ["100 files", "bench/small"],
    ["20,000 files, 5,000 commits", "bench/large"],
  ] as const) {
    const ours: Run[] = [];
    const theirs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await measured(() => gitopsCi(repo, `web:1.${++seq}.0`)));
      theirs.push(await measured(() => seedsScript(repo, "web", `2.${++seq}.0`)));
    }
    if (![...ours, ...theirs].every((r) => r.ok)) throw new Error(`a run failed on ${label}`);
    const o = median(ours.map((r) => r.ms));
    const t = median(theirs.map((r) => r.ms));
    rows.push([
      label,
      `${median(ours.map((r) => r.requests))}`,
      `${Math.round(o)} ms`,
      `${median(theirs.map((r) => r.requests))}`,
      `${Math.round(t)} ms`,
      `${(o / t).toFixed(2)}`,
    ]);
  }

  const concurrency: string[][] = [];
  for (const [tool, prefix, run] of [
    ["gitops-ci set-image", "g", (i: number) => gitopsCi("bench/small", `svc${i}:g${i}`)],
    ["seeds' clone-sed-push", "s", (i: number) => seedsScript("bench/small", `svc${i}`, `s${i}`)],
  ] as const) {
    const runs = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => run(i)));
    const file = gitIn(path.join(root, "bench/small.git"), "show", `main:${FILE}`);
    const landed = Array.from({ length: CONCURRENT }, (_, i) =>
      new RegExp(`- name: svc${i}\\n  newTag: "?${prefix}${i}"?(\\n|$)`).test(file),
    ).filter(Boolean).length;
    const ms = runs.map((r) => r.ms);
    concurrency.push([
      tool,
      `${landed}/${CONCURRENT}`,
      `${runs.filter((r) => !r.ok).length}`,
      `${Math.round(pct(ms, 50))} ms`,
      `${Math.round(pct(ms, 95))} ms`,
    ]);
  }

  const table = (header: string[], body: string[][]) =>
    [
      `| ${header.join(" | ")} |`,
      `|${header.map(() => "---").join("|")}|`,
      ...body.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
  console.log(`\nset-image, one update (median of ${RUNS}; forge latency ${LATENCY_MS} ms per request)\n`);
  console.log(
    table(["config repo", "gitops-ci requests", "gitops-ci time", "seeds requests", "seeds time", "time ratio"], rows),
  );
  console.log(`\n${CONCURRENT} concurrent updates of one kustomization, each a different image\n`);
  console.log(table(["tool", "landed", "runs that failed", "p50", "p95"], concurrency));
  await forge.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}

await main();
