import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import { connectForge } from "../../src/forge/connect.js";
import type { ForgeKind } from "../../src/forge/forge.js";
import { attackFiles, CANARY, OTHER_CANARY, outsideFiles, plantSymlink } from "../helpers/attack-repo.js";
import { type ForgeProcess, forgeProcess, REPO, TOKEN } from "../helpers/forge.js";
import { runActionBundle } from "../helpers/github-runner.js";
import { gitlabCiLocal, gitlabProject } from "../helpers/gitlab-ci-local.js";
import { tripwire } from "../helpers/listener.js";
import { CLI, runNode } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

// The hostile PR of issue 11 through every surface, publishing to the forge: the job's token and
// every other canary stay out of stdout, stderr, the report files and every body the forge got.
const SECRETS = [TOKEN, CANARY, OTHER_CANARY];
const FINDINGS = [
  /path-outside-repo/,
  /remote-resource/,
  /abs\/kustomization\.yaml/,
  /link\/kustomization\.yaml/,
  /gitconfig\/kustomization\.yaml/,
];

function assertClean(where: string, text: string) {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} carries ${secret.slice(0, 10)}…`);
  assert.doesNotMatch(text, /canary-/, where);
}

describe("a hostile PR through the CLI, the action and the component, publishing", async () => {
  const forge: ForgeProcess = await forgeProcess();
  const wire = await tripwire();
  const port = wire.port;
  const outside = outsideFiles();

  async function openChangeRequest(kind: ForgeKind) {
    const client = connectForge({ repo: REPO[kind], kind, apiUrl: forge.apiUrl(kind), token: TOKEN, env: {} });
    const proposal = await setImageRemote({
      forge: client,
      branch: "main",
      paths: ["apps/web/overlays/staging"],
      images: [`web:${kind}-1`],
      mode: "pull-request",
    });
    return { number: proposal.prNumber as number, sha: forge.git(kind, "rev-parse", "main") };
  }

  async function assertForgeClean() {
    const bodies = await forge.bodies();
    assert.ok(bodies.length > 0);
    for (const { endpoint, body } of bodies) assertClean(`request ${endpoint}`, body);
    assert.ok(
      bodies.some((b) => FINDINGS.every((f) => f.test(b.body))),
      "the findings were published",
    );
    assert.equal(wire.connections(), 0, "nothing connected to the listener the PR named");
  }

  it("the CLI: check run, annotations and PR comment on GitHub, and the report files", async () => {
    const pr = await openChangeRequest("github");
    const dir = tempTree(attackFiles(outside, port));
    plantSymlink(dir, outside);
    const reports = tempTree({});
    const r = runNode(
      CLI,
      [
        "validate",
        "--dir",
        dir,
        "--publish",
        "--forge",
        "github",
        "--api-url",
        forge.apiUrl("github"),
        "--repo",
        REPO.github,
        "--sha",
        pr.sha,
        "--change-request",
        String(pr.number),
        "--report",
        `sarif=${reports}/v.sarif`,
        "--report",
        `junit=${reports}/v.xml`,
        "--report",
        `codequality=${reports}/cq.json`,
        "--report",
        `markdown=${reports}/note.md`,
      ],
      { env: { PATH: process.env.PATH, GITOPS_TOKEN: TOKEN, SOME_SERVICE_PASSWORD: OTHER_CANARY } },
    );
    assert.equal(r.status, 1, r.stderr);
    for (const f of FINDINGS) assert.match(r.stdout, f);
    assertClean("stdout", r.stdout);
    assertClean("stderr", r.stderr);
    for (const file of readdirSync(reports)) assertClean(file, readFileSync(path.join(reports, file), "utf8"));
    await assertForgeClean();
  });

  it("the action: the check run and its annotations, the job summary and the outputs", async () => {
    const pr = await openChangeRequest("github");
    const dir = tempTree(attackFiles(outside, port));
    plantSymlink(dir, outside);
    const event = path.join(tempTree({}), "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: pr.number, head: { sha: pr.sha } } }));
    const sarif = path.join(tempTree({}), "v.sarif");
    const run = runActionBundle(
      "actions/validate/action.yml",
      { dir, sarif },
      {
        GITHUB_REPOSITORY: REPO.github,
        GITHUB_SHA: "0".repeat(40),
        GITHUB_EVENT_PATH: event,
        GITHUB_API_URL: forge.apiUrl("github"),
        GITHUB_TOKEN: TOKEN,
        GITOPS_TOKEN: TOKEN,
        SOME_SERVICE_PASSWORD: OTHER_CANARY,
      },
    );
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stdout, /check run gitops-ci\/validate:/);
    // ::add-mask:: is how the action tells the runner what to mask; the runner never shows that line
    const shown = run.stdout
      .split("\n")
      .filter((l) => !l.startsWith("::add-mask::"))
      .join("\n");
    for (const [where, text] of [
      ["stdout", shown],
      ["stderr", run.stderr],
      ["summary", run.summary],
      ["outputs", JSON.stringify(run.outputs)],
      ["sarif", readFileSync(sarif, "utf8")],
    ] as const)
      assertClean(where, text);
    await assertForgeClean();
  });

  it("the component: the commit status and the MR note on GitLab, and its report artifacts", async () => {
    const mr = await openChangeRequest("gitlab");
    const ci = JSON.stringify({
      stages: ["test"],
      include: [{ local: "templates/validate.yml", inputs: { cli: `node ${CLI}`, "api-url": forge.apiUrl("gitlab") } }],
    });
    const project = gitlabProject({ ".gitlab-ci.yml": ci, ...attackFiles(outside, port) });
    const variables = [
      ["GITLAB_CI", "true"],
      ["GITOPS_TOKEN", TOKEN],
      ["SOME_SERVICE_PASSWORD", OTHER_CANARY],
      ["CI_PROJECT_PATH", REPO.gitlab],
      ["CI_COMMIT_SHA", mr.sha],
      ["CI_MERGE_REQUEST_IID", String(mr.number)],
    ].flatMap(([k, v]) => ["--variable", `${k}=${v}`]);
    const r = gitlabCiLocal(project, ["--force-shell-executor", ...variables, "gitops-ci-validate"]);
    assert.notEqual(r.status, 0, r.output);
    for (const f of FINDINGS.filter((f) => !/link/.test(String(f)))) assert.match(r.output, f);
    assertClean("job log", r.output);
    for (const file of ["gl-code-quality-report.json", "gitops-ci-validate-junit.xml"])
      assertClean(file, readFileSync(path.join(project, file), "utf8"));
    const notes = (await (
      await fetch(
        `${forge.apiUrl("gitlab")}/projects/${encodeURIComponent(REPO.gitlab)}/merge_requests/${mr.number}/notes`,
        {
          headers: { "private-token": TOKEN },
        },
      )
    ).json()) as { body: string }[];
    const note = notes.find((n) => n.body.includes("<!-- gitops-ci/validate -->"));
    assert.match(note?.body ?? "", /path-outside-repo/);
    assertClean("MR note", note?.body ?? "");
    await assertForgeClean();
  });
});
