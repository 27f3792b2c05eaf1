import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { promote, promotionBranch } from "../../src/commands/promote.js";
import { publishVerdict } from "../../src/commands/publish-verdict.js";
import type { ValidateResult } from "../../src/commands/validate.js";
import type { ForgeKind } from "../../src/forge/forge.js";
import type { FaultRule } from "../fake-forge/faults.js";
import { openFrom, QUICK_RETRY, testForge } from "../helpers/forge.js";

// promote and the validate verdict under the faults real hosts produce: each run ends in success
// or a clean failure, never half-written, with retries inside the policy's bound (set-image's
// matrix is in test/commands/set-image-remote.test.ts).
const APPS = ["a", "b", "c", "d", "e", "f", "g"];
const FILES: Record<string, string> = Object.fromEntries(
  APPS.flatMap((app) => [
    [`apps/${app}/overlays/staging/kustomization.yaml`, 'images:\n- name: web\n  newTag: "1.4.0"\n'],
    [`apps/${app}/overlays/production/kustomization.yaml`, 'images:\n- name: web\n  newTag: "1.3.0"\n'],
  ]),
);

const TRANSIENT: [string, (kind: ForgeKind) => FaultRule[]][] = [
  ["two 502s", () => [{ endpoint: "*", status: 502, times: 2 }]],
  ["a 503 with retry-after", () => [{ endpoint: "*", status: 503, headers: { "retry-after": "1" }, times: 1 }]],
  ["a connection reset", () => [{ endpoint: "*", reset: true, everyNth: 2, times: 1 }]],
  ["a response slower than the request timeout", () => [{ endpoint: "*", delayMs: 4_000, times: 1 }]],
  [
    "a secondary rate limit",
    (kind) => [
      { endpoint: "*", preset: kind === "github" ? "github-secondary-rate-limit" : "gitlab-rate-limit", times: 1 },
    ],
  ],
];

const verdict: ValidateResult = {
  findings: [],
  summary: { roots: 1, rendered: 1, skipped: 0, resources: 3, errors: 0, warnings: 0, info: 0, checkedNothing: false },
  failed: false,
  failOn: "error",
  timings: { renderMs: 0, totalMs: 0, cpuMs: 0 },
  read: { threads: 1, bytes: 0 },
  repoPath: "",
  settings: {
    policyFrom: "none",
    strict: false,
    allowRemote: false,
    exclude: [],
    severity: {},
    overrides: [],
    placeholders: [],
  },
  roots: [],
};

for (const kind of ["github", "gitlab"] as ForgeKind[]) {
  describe(`${kind}: faults`, async () => {
    const f = await testForge({ files: FILES });
    const forge = f.client(kind, { retry: QUICK_RETRY });
    const run = (app: string) =>
      promote({ forge, branch: "main", from: `apps/${app}/overlays/staging`, to: [`apps/${app}/overlays/production`] });

    TRANSIENT.forEach(([name, rules], i) => {
      it(`promote survives ${name}: one PR/MR, the right file, retries bounded`, async () => {
        const app = APPS[i] as string;
        f.running.faults.set(rules(kind));
        f.running.resetStats();
        try {
          const result = await run(app);
          assert.ok(result.targets[0]?.prNumber);
        } finally {
          f.running.faults.clear();
        }
        assert.match(
          f.git(
            kind,
            "show",
            `${promotionBranch(`apps/${app}/overlays/production`)}:apps/${app}/overlays/production/kustomization.yaml`,
          ),
          /newTag: "1\.4\.0"/,
        );
        const open = await openFrom(forge, promotionBranch(`apps/${app}/overlays/production`));
        assert.ok(open, "exactly the one PR/MR");
        assert.ok(
          f.running.stats().total <= 20 + (QUICK_RETRY.maxRetries ?? 4),
          `requests: ${f.running.stats().total}`,
        );
      });
    });

    it("promote fails cleanly on a permanent 500: no branch, no PR/MR, main untouched", async () => {
      const head = f.git(kind, "rev-parse", "main");
      f.running.faults.set([{ endpoint: "*", status: 500, body: { message: "boom" } }]);
      try {
        await assert.rejects(run("g"), /failed \(500\)/);
      } finally {
        f.running.faults.clear();
      }
      assert.equal(f.git(kind, "rev-parse", "main"), head);
      assert.equal(f.git(kind, "branch", "--list", promotionBranch("apps/g/overlays/production")), "");
    });

    it("a host that never answers in time is a clean failure, bounded by the policy, nothing written", async () => {
      const head = f.git(kind, "rev-parse", "main");
      f.running.faults.set([{ endpoint: "*", delayMs: 4_000 }]);
      const started = Date.now();
      try {
        await assert.rejects(run("f"), /timeout|aborted/i);
      } finally {
        f.running.faults.clear();
      }
      // Each attempt gives up after requestTimeoutMs and retries stop after maxElapsedMs, so the
      // run ends in a few budgets (a loaded CI machine took 18 s here), never the 300 s per attempt
      // an HTTP client waits by default.
      const elapsed = Date.now() - started;
      const budget = QUICK_RETRY.maxElapsedMs + QUICK_RETRY.requestTimeoutMs;
      assert.ok(elapsed < 3 * budget, `took ${elapsed} ms, budget ${budget} ms`);
      assert.equal(f.git(kind, "rev-parse", "main"), head);
    });

    it("the validate verdict is published despite a 502 and a reset, once", async () => {
      const sha = f.git(kind, "rev-parse", "main");
      f.running.faults.set([
        { endpoint: "*", status: 502, times: 1 },
        { endpoint: "*", reset: true, everyNth: 2, times: 1 },
      ]);
      try {
        await publishVerdict(forge, verdict, { sha });
      } finally {
        f.running.faults.clear();
      }
      const checks = (await forge.listCommitChecks(sha)).filter((c) => c.name === "gitops-ci/validate");
      assert.deepEqual(
        checks.map((c) => c.state),
        ["success"],
      );
    });
  });
}
