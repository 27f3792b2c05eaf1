import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { promote } from "../../src/commands/promote.js";
import { ContentPacer } from "../../src/forge/content-pacer.js";
import { QUICK_RETRY, testForge } from "../helpers/forge.js";

// Issue 14, item 14: GitHub's secondary limit on content creation (80 writes a minute, 500 an
// hour), scaled down so a test sees it: 6 writes in any 1.5 s.
const LIMIT = { requests: 6, windowMs: 1_500 };
const APPS = ["a", "b", "c", "d", "e"];
const FILES: Record<string, string> = Object.fromEntries([
  ["apps/a/staging/kustomization.yaml", 'images:\n- name: web\n  newTag: "2.0.0"\n'],
  ...APPS.map((app) => [`apps/${app}/production/kustomization.yaml`, 'images:\n- name: web\n  newTag: "1.0.0"\n']),
]);

describe("content-creating requests are paced below GitHub's secondary limit", () => {
  it("the pacer never lets a window hold more than its limit, and says when it waits", async () => {
    const log: string[] = [];
    const pacer = new ContentPacer([{ requests: 3, windowMs: 300 }], (m) => log.push(m));
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const done = await pacer.beforeWrite();
      times.push(Date.now());
      done();
    }
    for (let i = 3; i < times.length; i++)
      assert.ok((times[i] as number) - (times[i - 3] as number) >= 295, `write ${i} came too soon`);
    assert.ok(log.length >= 2);
    assert.match(log[0] ?? "", /^pacing writes for GitHub's content-creation limit \(3 in 0\.3 s\): waiting 0\.\d s$/);
  });

  // plugin-throttling already spaces PR and comment creation 3 s apart; commit statuses,
  // trees, commits and ref moves it does not, so a run that sets many of them is the test.
  const statuses = async (forge: ReturnType<Awaited<ReturnType<typeof testForge>>["client"]>, sha: string) => {
    for (let i = 0; i < 15; i++) await forge.setCommitStatus(sha, { name: `env-${i}`, state: "success" });
  };

  it("fifteen commit statuses stay under the limit the forge enforces, and the waits are reported", async () => {
    const f = await testForge({ githubContentLimit: LIMIT });
    const log: string[] = [];
    const forge = f.client("github", { contentLimits: [LIMIT], log: (m) => log.push(m) });
    await statuses(forge, f.git("github", "rev-parse", "main"));
    assert.equal(f.running.stats().githubContentLimited, 0, "GitHub never had to refuse a write");
    assert.ok(log.filter((l) => l.startsWith("pacing writes")).length >= 2, log.join("\n"));
    assert.equal((await forge.listCommitChecks(f.git("github", "rev-parse", "main"))).length, 15);
  });

  it("without pacing the same run trips the limit (the forge enforces it)", async () => {
    const f = await testForge({ githubContentLimit: LIMIT });
    const forge = f.client("github", { contentLimits: [], retry: QUICK_RETRY });
    await statuses(forge, f.git("github", "rev-parse", "main")).catch(() => undefined);
    assert.ok((f.running.stats().githubContentLimited ?? 0) > 0, JSON.stringify(f.running.stats()));
  });

  it("promote over several targets, paced, opens every PR without a refusal", async () => {
    const f = await testForge({ files: FILES, githubContentLimit: LIMIT });
    const forge = f.client("github", { contentLimits: [LIMIT] });
    await promote({
      forge,
      branch: "main",
      from: "apps/a/staging",
      to: APPS.map((app) => `apps/${app}/production`),
    });
    assert.equal(f.running.stats().githubContentLimited, 0);
  });

  it("jobs racing for one window, each unaware of the others, all land: refusals are waited out by time, not by count", async () => {
    // 28 writers and 4 writes a second: the last ones are refused 6 times, each time for a second.
    const f = await testForge({ githubContentLimit: { requests: 4, windowMs: 1_000 } });
    const sha = f.git("github", "rev-parse", "main");
    const log: string[] = [];
    await Promise.all(
      Array.from({ length: 28 }, (_, i) =>
        f
          .client("github", { contentLimits: [], retry: QUICK_RETRY, log: (m) => log.push(m) })
          .setCommitStatus(sha, { name: `job-${i}`, state: "success" }),
      ),
    );
    assert.ok((f.running.stats().githubContentLimited ?? 0) >= 28, "the forge refused writes");
    assert.ok(
      log.every((l) => !l.includes("not waiting")),
      log.join("\n"),
    );
    assert.equal((await f.client("github").listCommitChecks(sha)).length, 28);
  });

  it("a write retried after the host acted counts twice: each attempt sent is paced", async () => {
    // Every second status request fails with a 502 after GitHub counted it, so eight statuses
    // are about twelve writes to GitHub; pacing them as eight would overrun the window.
    const f = await testForge({ githubContentLimit: LIMIT });
    const sha = f.git("github", "rev-parse", "main");
    f.running.faults.set([
      {
        endpoint: "POST /github/api/v3/repos/:owner/:repo/statuses/:sha",
        status: 502,
        afterHandling: true,
        everyNth: 2,
      },
    ]);
    const forge = f.client("github", { contentLimits: [LIMIT], retry: QUICK_RETRY });
    for (let i = 0; i < 8; i++) await forge.setCommitStatus(sha, { name: `env-${i}`, state: "success" });
    assert.equal(f.running.stats().githubContentLimited, 0, "GitHub never had to refuse a write");
    assert.equal((await forge.listCommitChecks(sha)).length, 8);
  });
});
