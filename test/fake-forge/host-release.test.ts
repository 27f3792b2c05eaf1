import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { publishVerdict } from "../../src/commands/publish-verdict.js";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import type { ValidateResult } from "../../src/commands/validate.js";
import { HostTooOldError } from "../../src/forge/host-release.js";
import type { ForgeKind } from "../../src/forge/forge.js";
import type { HostModel } from "../fake-forge/server.js";
import { OLDEST_GHES, testForge } from "../helpers/forge.js";

const bump = (forge: Parameters<typeof setImageRemote>[0]["forge"], tag: string) =>
  setImageRemote({ forge, branch: "main", paths: ["apps/web/overlays/staging"], images: [`web:${tag}`] });

const passed = {
  findings: [],
  summary: { roots: 1, rendered: 1, skipped: 0, resources: 1, errors: 0, warnings: 0, info: 0, checkedNothing: false },
  failed: false,
} as unknown as ValidateResult;

const CASES: { kind: ForgeKind; host: HostModel; logged: RegExp }[] = [
  { kind: "github", host: {}, logged: /^host: github\.com at http:\/\/127\.0\.0\.1:\d+\/github\/api\/v3$/ },
  {
    kind: "github",
    host: { githubEnterpriseVersion: OLDEST_GHES },
    logged: /^host: GitHub Enterprise Server 3\.17\.0 at /,
  },
  {
    kind: "gitlab",
    host: { gitlabVersion: "15.4" },
    logged: /^host: GitLab 15\.4-ee at http:\/\/127\.0\.0\.1:\d+\/gitlab$/,
  },
  { kind: "gitlab", host: {}, logged: /^host: GitLab 18\.5\.0-ee at / },
];

describe("the host's release is read once a run and logged", () => {
  for (const { kind, host, logged } of CASES)
    it(`${kind} ${host.gitlabVersion ?? host.githubEnterpriseVersion ?? "current"}`, async () => {
      const f = await testForge(host);
      const log: string[] = [];
      const forge = f.client(kind, { log: (m) => log.push(m) });
      await bump(forge, "7.0");
      await bump(forge, "7.1");
      const lines = log.filter((l) => l.startsWith("host: "));
      assert.equal(lines.length, 1, log.join("\n"));
      assert.match(lines[0] ?? "", logged);
      const version = kind === "gitlab" ? "GET /gitlab/api/v4/version" : "GET /github/api/v3/meta";
      // GitHub says it in every answer's headers; GitLab is asked once, before the first write.
      assert.equal(f.running.stats().byEndpoint[version], kind === "gitlab" ? 1 : undefined);
    });

  it("a run whose first request writes asks GitHub first (GET /meta)", async () => {
    const f = await testForge({ githubEnterpriseVersion: OLDEST_GHES });
    const log: string[] = [];
    const forge = f.client("github", { log: (m) => log.push(m) });
    await publishVerdict(forge, passed, { sha: f.git("github", "rev-parse", "main") });
    assert.equal(f.running.stats().byEndpoint["GET /github/api/v3/meta"], 1);
    assert.ok(log.includes(log.find((l) => /^host: GitHub Enterprise Server 3\.17\.0/.test(l)) ?? "-"), log.join("\n"));
  });
});

describe("a release below the minimum is refused before anything is written", () => {
  const TOO_OLD: { kind: ForgeKind; host: HostModel; message: RegExp }[] = [
    {
      kind: "gitlab",
      host: { gitlabVersion: "14.10" },
      message:
        /GitLab 14\.10-ee at http:\/\/127\.0\.0\.1:\d+\/gitlab is older than gitops-ci supports: it needs GitLab 15\.0 or later .*Nothing was written\./,
    },
    {
      kind: "github",
      host: { githubEnterpriseVersion: "3.15.4" },
      message:
        /GitHub Enterprise Server 3\.15\.4 at .* is older than gitops-ci supports: it needs GitHub Enterprise Server 3\.17 or later/,
    },
  ];
  for (const { kind, host, message } of TOO_OLD)
    it(`${kind} ${host.gitlabVersion ?? host.githubEnterpriseVersion}`, async () => {
      const f = await testForge(host);
      const head = f.git(kind, "rev-parse", "main");
      await assert.rejects(bump(f.client(kind), "8.0"), (error: Error) => {
        assert.ok(error instanceof HostTooOldError, error.stack);
        assert.match(error.message, message);
        return true;
      });
      await assert.rejects(publishVerdict(f.client(kind), passed, { sha: head }), HostTooOldError);
      assert.equal(f.git(kind, "rev-parse", "main"), head);
      const writes = Object.keys(f.running.stats().byEndpoint).filter(
        (e) => !e.startsWith("GET ") && !e.endsWith("/graphql"),
      );
      assert.deepEqual(writes, [], "no write reached the host");
    });
});
