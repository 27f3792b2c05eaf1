import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import { connectForge } from "../../src/forge/connect.js";
import { diffCaseRepo } from "../helpers/diff-case.js";
import { type ForgeProcess, forgeProcess, READ_TOKEN, TOKEN } from "../helpers/forge.js";
import { runActionBundle } from "../helpers/github-runner.js";
import { tempTree } from "../helpers/temp-dir.js";

// 120 leaks: more than two batches of GitHub's 50 annotations per request.
const leaks = Array.from(
  { length: 120 },
  (_, i) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s${i}\nstringData:\n  k: v\n`,
).join("---\n");

/** The action on a PR whose head is the forge's main, over 120 leaked Secrets. */
function runOnLeaks(f: ForgeProcess, token: string, env: NodeJS.ProcessEnv = {}) {
  const dir = tempTree({ "leaks.yaml": leaks });
  const event = path.join(dir, "event.json");
  writeFileSync(event, JSON.stringify({ pull_request: { head: { sha: f.git("github", "rev-parse", "main") } } }));
  return runActionBundle(
    "actions/validate/action.yml",
    { dir, renderer: "none" },
    {
      GITHUB_REPOSITORY: "acme/config",
      GITHUB_SHA: "0".repeat(40),
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: f.apiUrl("github"),
      GITHUB_TOKEN: token,
      ...env,
    },
  );
}

describe("actions/validate publishes the gitops-ci/validate check run", async () => {
  const f = await forgeProcess();
  const headSha = f.git("github", "rev-parse", "main");

  const run = (token: string) => runOnLeaks(f, token);
  const checkRuns = async () => {
    const r = await fetch(`${f.apiUrl("github")}/repos/acme/config/commits/${headSha}/check-runs`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    return ((await r.json()) as { check_runs: { id: number; name: string; conclusion: string }[] }).check_runs;
  };

  it("on the PR head, with every finding annotated in batches of 50, and no duplicate workflow annotations", async () => {
    const result = run(TOKEN);
    assert.equal(result.status, 1);
    const [check] = await checkRuns();
    assert.equal(check?.name, "gitops-ci/validate");
    assert.equal(check?.conclusion, "failure");
    const annotations = (await (
      await fetch(`${f.apiUrl("github")}/repos/acme/config/check-runs/${check?.id}/annotations`, {
        headers: { authorization: `token ${TOKEN}` },
      })
    ).json()) as {
      path: string;
      start_line: number;
      annotation_level: string;
    }[];
    assert.equal(annotations.length, 120);
    assert.deepEqual(annotations[1], {
      ...annotations[1],
      path: "leaks.yaml",
      start_line: 12,
      annotation_level: "failure",
    });
    assert.doesNotMatch(result.stdout, /^::error title=/m);
    assert.match(result.stdout, /check run gitops-ci\/validate:/);
  });

  it("falls back to workflow-command annotations when the token cannot write checks, saying how many GitHub would hide", async () => {
    const before = (await checkRuns()).length;
    const result = run(READ_TOKEN);
    assert.equal(result.status, 1);
    assert.match(
      result.stdout,
      /^::warning::could not publish the gitops-ci\/validate check run .*Resource not accessible by integration/m,
    );
    assertTenAnnotated(result.stdout);
    assert.equal((await checkRuns()).length, before);
  });
});

/** GitHub shows 10 error annotations per step: 10 are emitted, a notice counts the rest, the log lists them. */
function assertTenAnnotated(stdout: string) {
  assert.equal((stdout.match(/^::error title=gitops-ci%3A plaintext-secret,file=leaks\.yaml/gm) ?? []).length, 10);
  assert.match(
    stdout,
    /^::notice::gitops-ci: 110 more error\(s\) not annotated: GitHub shows 10 annotations of each kind per step/m,
  );
  assert.match(stdout, /^leaks\.yaml:\d+:\d+: error plaintext-secret: Secret s119 has stringData in plain text/m);
  // the notice comes before any annotation it speaks of, so it is never the one dropped
  assert.ok(stdout.indexOf("::notice::gitops-ci: 110 more") < stdout.indexOf("::error title="));
}

describe("actions/validate with a personal access token", async () => {
  const f = await forgeProcess({ githubTokenKind: "pat" });
  const headSha = f.git("github", "rev-parse", "main");

  it("sets the commit status gitops-ci/validate instead of a check run, says so once, and annotates ten", async () => {
    const result = runOnLeaks(f, TOKEN, { GITHUB_SERVER_URL: "https://github.example", GITHUB_RUN_ID: "77" });
    assert.equal(result.status, 1);
    const warnings = result.stdout.match(/^::warning::.*only GitHub App tokens create check runs.*$/gm) ?? [];
    assert.equal(warnings.length, 1, result.stdout);
    assert.match(warnings[0] ?? "", /403 You must authenticate via a GitHub App/);
    // the one place the token may appear is the runner's mask command, which hides it everywhere
    assert.ok(!result.stdout.replace(`::add-mask::${TOKEN}`, "").includes(TOKEN));
    assertTenAnnotated(result.stdout);
    const status = (await (
      await fetch(`${f.apiUrl("github")}/repos/acme/config/commits/${headSha}/status`, {
        headers: { authorization: `token ${TOKEN}` },
      })
    ).json()) as { statuses: { context: string; state: string; description: string; target_url: string }[] };
    assert.deepEqual(status.statuses, [
      {
        ...status.statuses[0],
        context: "gitops-ci/validate",
        state: "failure",
        description: "120 error(s), 0 warning(s)",
        target_url: "https://github.example/acme/config/actions/runs/77",
      },
    ]);
  });
});

describe("actions/validate with diff", async () => {
  const f = await forgeProcess();
  const client = connectForge({ repo: "acme/config", kind: "github", apiUrl: f.apiUrl("github"), token: TOKEN });
  const proposal = await setImageRemote({
    forge: client,
    branch: "main",
    paths: ["apps/web/overlays/staging"],
    images: ["web:9.7"],
    mode: "pull-request",
  });
  const number = proposal.prNumber as number;
  const run = (dir: string) => {
    const event = path.join(dir, ".git", "event.json");
    writeFileSync(
      event,
      JSON.stringify({ pull_request: { number, head: { sha: f.git("github", "rev-parse", "main") } } }),
    );
    return runActionBundle(
      "actions/validate/action.yml",
      { dir, "base-ref": "main", diff: "true" },
      {
        GITHUB_REPOSITORY: "acme/config",
        GITHUB_SHA: "0".repeat(40),
        GITHUB_EVENT_PATH: event,
        GITHUB_API_URL: f.apiUrl("github"),
        GITHUB_TOKEN: TOKEN,
      },
    );
  };
  const comments = async () => {
    const r = await fetch(`${f.apiUrl("github")}/repos/acme/config/issues/${number}/comments`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    return ((await r.json()) as { body: string }[]).filter((c) => c.body.includes("<!-- gitops-ci/validate -->"));
  };

  it("comments the findings and the rendered diff once on the PR, updated in place, and writes both to the job summary", async () => {
    const first = run(diffCaseRepo("tag-bump"));
    assert.equal(first.status, 0, first.stdout);
    assert.match(first.stdout, /created the comment with the rendered diff on #\d+/);
    assert.match(first.summary, /\| `ghcr\.io\/acme\/api` \| `1\.4\.0` \| `1\.5\.0` \| `apps\/api\/overlays\/prod` \|/);
    let mine = await comments();
    assert.equal(mine.length, 1);
    assert.match(mine[0]?.body ?? "", /gitops-ci\/validate: passed[\s\S]*#### Rendered diff[\s\S]*1\.5\.0/);

    const second = run(diffCaseRepo("base-fanout"));
    assert.equal(second.status, 0, second.stdout);
    assert.match(second.stdout, /updated the comment with the rendered diff/);
    mine = await comments();
    assert.equal(mine.length, 1, "one comment, edited in place");
    assert.match(mine[0]?.body ?? "", /^\+ {2}replicas: 2$/m);
    assert.doesNotMatch(mine[0]?.body ?? "", /1\.5\.0/);
  });
});
