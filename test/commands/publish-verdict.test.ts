import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diff, type DiffResult } from "../../src/commands/diff.js";
import { publishVerdict } from "../../src/commands/publish-verdict.js";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import { validate } from "../../src/commands/validate.js";
import { HOSTS, REPO, testForge, TOKEN } from "../helpers/forge.js";
import { diffCaseRepo } from "../helpers/diff-case.js";
import { tempTree } from "../helpers/temp-dir.js";

const RUN_URL = "https://ci.example/runs/42";
const LEAK = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n";

// `validate --publish` on every host the suite models: what lands on the commit and the PR/MR.
for (const { kind, host, label } of HOSTS) {
  describe(`${label}: the validate verdict`, async () => {
    const f = await testForge(host);
    const forge = f.client(kind);
    const logged: string[] = [];
    const { prNumber } = await setImageRemote({
      forge,
      branch: "main",
      paths: ["apps/web/overlays/staging"],
      images: ["web:2.0"],
      mode: "pull-request",
      log: (m) => logged.push(m),
    });
    const changeRequest = prNumber as number;
    const sha = (await forge.getChangeRequest(changeRequest)).headSha;
    const blocked = await validate({ dir: tempTree({ "secret.yaml": LEAK }), renderer: "none" });
    const passed = await validate({
      dir: tempTree({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n" }),
      renderer: "none",
    });
    const api = async (path: string) => {
      const auth: Record<string, string> =
        kind === "github" ? { authorization: `token ${TOKEN}` } : { "private-token": TOKEN };
      const base =
        kind === "github"
          ? `${f.apiUrl(kind)}/repos/${REPO.github}`
          : `${f.apiUrl(kind)}/projects/${encodeURIComponent(REPO.gitlab)}`;
      return (await (await fetch(`${base}${path}`, { headers: auth })).json()) as unknown;
    };
    const notes = async () =>
      (
        (await api(
          kind === "github" ? `/issues/${changeRequest}/comments` : `/merge_requests/${changeRequest}/notes`,
        )) as { body: string }[]
      ).filter((n) => n.body.includes("<!-- gitops-ci/validate -->"));
    const expected = kind === "github" && host.githubTokenKind === "app" ? "check-run" : "commit-status";

    it(`blocks the commit as a ${expected} and keeps one note with the findings`, async () => {
      const published = await publishVerdict(forge, blocked, { sha, changeRequest, runUrl: RUN_URL });
      assert.equal(published.check.as, expected);
      assert.equal(published.note, "created");
      const checks = (await forge.listCommitChecks(sha)).filter((c) => c.name === "gitops-ci/validate");
      assert.deepEqual(
        checks.map((c) => [c.state, c.description]),
        [["failure", "1 error(s), 0 warning(s)"]],
      );
      if (expected === "commit-status") assert.equal(checks[0]?.url, RUN_URL, "the status links to the run");
      const [note] = await notes();
      assert.match(note?.body ?? "", /plaintext-secret/);
      assert.match(note?.body ?? "", /secret\.yaml/);
    });

    if (kind === "github")
      it(
        host.githubTokenKind === "pat"
          ? "with a PAT: says once why it is a commit status, not a check run"
          : "with an App token: a check run with every finding annotated",
        async () => {
          const published = await publishVerdict(forge, blocked, { sha, runUrl: RUN_URL });
          if (host.githubTokenKind === "pat") {
            assert.match(
              published.check.fallback ?? "",
              /only GitHub App tokens create check runs \(403 You must authenticate via a GitHub App\.\)/,
            );
            const runs = (await api(`/commits/${sha}/check-runs`)) as { total_count: number };
            assert.equal(runs.total_count, 0);
          } else {
            assert.equal(published.check.fallback, undefined);
            const runs = (await api(`/commits/${sha}/check-runs`)) as {
              check_runs: { id: number; details_url: string | null }[];
            };
            const annotations = (await api(`/check-runs/${runs.check_runs.at(-1)?.id}/annotations`)) as {
              path: string;
            }[];
            assert.deepEqual(
              annotations.map((a) => a.path),
              ["secret.yaml"],
            );
          }
        },
      );

    it("a rerun after the fix turns it green and edits the same note", async () => {
      const published = await publishVerdict(forge, passed, { sha, changeRequest, runUrl: RUN_URL });
      assert.equal(published.note, "updated");
      const checks = (await forge.listCommitChecks(sha)).filter((c) => c.name === "gitops-ci/validate");
      // GitHub keeps every check run, the newest last; a status name has one current state.
      assert.equal(checks.at(expected === "check-run" ? -1 : 0)?.state, "success");
      const all = await notes();
      assert.equal(all.length, 1);
      assert.match(all[0]?.body ?? "", /gitops-ci\/validate: passed/);
    });

    it("validate --diff: the rendered diff below the findings in the same note, replaced on the next push", async () => {
      const first = await diff({ dir: diffCaseRepo("tag-bump"), baseRef: "main" });
      assert.equal((await publishVerdict(forge, blocked, { sha, changeRequest, preview: first })).note, "updated");
      const [note] = await notes();
      const body = note?.body ?? "";
      assert.ok(body.indexOf("plaintext-secret") < body.indexOf("#### Rendered diff"), "the findings first");
      assert.match(body, /\| `ghcr\.io\/acme\/api` \| `1\.4\.0` \| `1\.5\.0` \| `apps\/api\/overlays\/prod` \|/);
      const second = await diff({ dir: diffCaseRepo("base-fanout"), baseRef: "main" });
      assert.equal((await publishVerdict(forge, passed, { sha, changeRequest, preview: second })).note, "updated");
      const all = await notes();
      assert.equal(all.length, 1, "one note, edited in place");
      assert.match(all[0]?.body ?? "", /^\+ {2}replicas: 2$/m);
      assert.doesNotMatch(all[0]?.body ?? "", /1\.5\.0/);
    });

    it("a preview larger than the host's comment limit is cut to fit, saying how to see it all", async () => {
      const one = await diff({ dir: diffCaseRepo("base-fanout"), baseRef: "main" });
      const limit = kind === "github" ? 65_536 : 1_000_000;
      const copies = Math.ceil((limit * 1.5) / JSON.stringify(one.roots).length);
      const huge: DiffResult = {
        ...one,
        roots: Array.from({ length: copies }, (_, i) =>
          one.roots.map((r) => ({ ...r, root: `${r.root}-${i}` })),
        ).flat(),
      };
      await publishVerdict(forge, passed, { sha, changeRequest, runUrl: RUN_URL, preview: huge });
      const [note] = await notes();
      const body = note?.body ?? "";
      assert.ok(body.length <= limit, `${body.length} characters`);
      assert.match(body, /gitops-ci\/validate: passed/);
      assert.match(
        body,
        /root\(s\) not shown: the preview is cut to fit .* see the job log \(https:\/\/ci\.example\/runs\/42\)/,
      );
    });
  });
}
