import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { diff, type DiffResult } from "../../src/commands/diff.js";
import { diffMarkdown } from "../../src/preview/format/markdown.js";
import { diffText } from "../../src/preview/format/text.js";
import { diffCaseRepo } from "../helpers/diff-case.js";
import { runCli } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

const preview = (name: string) => diff({ dir: diffCaseRepo(name), baseRef: "main" });

function root(result: DiffResult, name: string) {
  const found = result.roots.find((r) => r.root === name);
  assert.ok(found, `${name} in ${result.roots.map((r) => r.root).join(", ")}`);
  return found;
}

const changes = (result: DiffResult, name: string) =>
  root(result, name).objects.map((o) => `${o.change} ${o.kind}/${o.namespace ?? ""}/${o.name}`);

describe("diff: what a change deploys, root by root", () => {
  it("a tag bump in one overlay: that root only, the Deployment's image line, the image table", async () => {
    const result = await preview("tag-bump");
    assert.deepEqual(
      result.roots.map((r) => r.root),
      ["apps/api/overlays/prod"],
    );
    assert.deepEqual(root(result, "apps/api/overlays/prod").deployedBy, ["Argo CD Application api-prod"]);
    assert.deepEqual(changes(result, "apps/api/overlays/prod"), ["modified Deployment/prod/api"]);
    const deployment = root(result, "apps/api/overlays/prod").objects[0];
    assert.match(deployment?.diff ?? "", /^- +image: ghcr\.io\/acme\/api:1\.4\.0$/m);
    assert.match(deployment?.diff ?? "", /^\+ +image: ghcr\.io\/acme\/api:1\.5\.0$/m);
    assert.deepEqual(result.images, [
      {
        root: "apps/api/overlays/prod",
        image: "ghcr.io/acme/api",
        from: "1.4.0",
        to: "1.5.0",
        objects: ["Deployment/api"],
      },
    ]);
  });

  it("a change to a base fans out to every overlay that builds it, each with its deployer", async () => {
    const result = await preview("base-fanout");
    assert.deepEqual(
      result.roots.map((r) => [r.root, r.deployedBy, r.counts.modified]),
      [
        ["apps/api/overlays/dev", [], 1],
        ["apps/api/overlays/prod", ["Argo CD Application api-prod"], 1],
        ["apps/api/overlays/staging", ["Flux Kustomization api-staging"], 1],
      ],
    );
    for (const r of result.roots) assert.match(r.objects[0]?.diff ?? "", /^- {2}replicas: 1\n\+ {2}replicas: 2$/m);
    assert.deepEqual(result.images, []);
  });

  it("a namePrefix is a rename of every object, references included, not removals and additions", async () => {
    const result = await preview("name-prefix");
    assert.deepEqual(changes(result, "apps/api/overlays/dev"), [
      "renamed ConfigMap/dev/v2-api-config-<hash>",
      "renamed Deployment/dev/v2-api",
      "renamed Service/dev/v2-api",
    ]);
    const deployment = root(result, "apps/api/overlays/dev").objects.find((o) => o.kind === "Deployment");
    assert.equal(deployment?.previousName, "api");
    assert.match(diffText(result), /> renamed apps\/v1 Deployment dev\/api → dev\/v2-api/);
  });

  it("an added and a removed resource, in every overlay", async () => {
    const result = await preview("add-remove");
    assert.equal(result.roots.length, 3);
    for (const r of result.roots) {
      assert.deepEqual(
        r.objects.map((o) => `${o.change} ${o.kind}`),
        ["added PodDisruptionBudget", "removed Service"],
      );
      assert.match(r.objects[0]?.diff ?? "", /^\+ {2}minAvailable: 1$/m);
      assert.match(r.objects[1]?.diff ?? "", /^- {4}- port: 80$/m);
    }
  });

  it("a ConfigMap generator change: the data line, the hash change once, no Deployment churn", async () => {
    const result = await preview("configmap-generator");
    for (const r of result.roots) {
      assert.deepEqual(
        r.objects.map((o) => `${o.change} ${o.kind} ${o.name}`),
        ["modified ConfigMap api-config-<hash>"],
      );
      const configMap = r.objects[0];
      assert.match(configMap?.diff ?? "", /^- {2}LOG_LEVEL: info\n\+ {2}LOG_LEVEL: debug$/m);
      assert.doesNotMatch(configMap?.diff ?? "", /api-config-[2456789bcdfghkmt]{10}/);
      assert.match(configMap?.hash?.from ?? "", /^api-config-[2456789bcdfghkmt]{10}$/);
      assert.notEqual(configMap?.hash?.from, configMap?.hash?.to);
    }
    assert.equal(diffText(result).match(/generated name api-config-/g)?.length, 3);
  });

  it("a root whose kustomization is deleted: every object it deployed, removed", async () => {
    const result = await preview("removed-root");
    assert.deepEqual(changes(result, "apps/api/overlays/dev"), [
      "removed ConfigMap/dev/api-config-<hash>",
      "removed Deployment/dev/api",
      "removed Service/dev/api",
    ]);
  });

  it("a change to nothing a root reads says so, and renders nothing", async () => {
    const result = await preview("readme-only");
    assert.deepEqual(result.roots, []);
    assert.deepEqual(result.unchanged, []);
    assert.match(
      diffText(result),
      /^No root reads a file changed since main \([0-9a-f]{12}\): nothing renders differently\.$/m,
    );
  });

  it("a change to a file only a generator names (not YAML) still reaches every root that reads it", async () => {
    const result = await preview("generator-file");
    assert.deepEqual(
      result.roots.map((r) => [r.root, r.counts.modified]),
      [
        ["apps/api/overlays/dev", 1],
        ["apps/api/overlays/prod", 1],
        ["apps/api/overlays/staging", 1],
      ],
    );
    assert.match(
      root(result, "apps/api/overlays/dev")
        .objects.map((o) => o.diff)
        .join("\n"),
      /^\+.*log\.level=debug/m,
    );
  });

  it("a Helm chart root is not inflated on either side (as validate refuses it): not compared, with the reason", async () => {
    const result = await preview("helm-chart");
    const chart = root(result, "apps/redis");
    assert.deepEqual(chart.objects, []);
    assert.match(chart.problem ?? "", /^base: apps\/redis\/kustomization\.yaml:2: .*helm/i);
  });
});

describe("diff: secret values never leave the process", () => {
  const values = [
    "czNjcjN0LWJhc2U=",
    "czNjcjN0LWhlYWQ=",
    "s3cr3t-base",
    "s3cr3t-head",
    "YWRtaW4=",
    "0000base0000",
    "0000head0000",
    "0000same0000",
    "b2xkdmFsdWU=",
    "bmV3dmFsdWU=",
    "bWFj",
  ];

  it("Secret data, SealedSecret encryptedData and SOPS values show only whether they changed", async () => {
    const result = await preview("secrets");
    const prod = root(result, "apps/api/overlays/prod");
    const byKind = (kind: string) => prod.objects.find((o) => o.kind === kind)?.diff ?? "";
    assert.match(byKind("Secret"), /^- {2}password: <redacted>\n\+ {2}password: "<redacted: changed>"$/m);
    assert.match(byKind("Secret"), /^ {3}username: "<redacted: unchanged>"$/m);
    assert.match(byKind("SealedSecret"), /^\+ {4}token: "<redacted: changed>"$/m);
    assert.match(byKind("ConfigMap"), /^\+ {2}apiKey: "<redacted: changed>"$/m);
    for (const text of [JSON.stringify(result), diffText(result), diffMarkdown(result)])
      for (const value of values) assert.ok(!text.includes(value), `${value} printed`);
  });

  it("nor does any file the CLI writes, and the base tree is gone after the run", () => {
    const dir = diffCaseRepo("secrets");
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith("gitops-ci-base-"));
    const out = path.join(tempTree({}), "preview.md");
    const run = runCli(["diff", "--dir", dir, "--base-ref", "main", "--format", "markdown", "--output", out]);
    assert.equal(run.status, 0, run.stderr);
    const written = readFileSync(out, "utf8");
    assert.match(written, /<redacted: changed>/);
    for (const text of [written, run.stdout, run.stderr])
      for (const value of values) assert.ok(!text.includes(value), `${value} written`);
    const after = readdirSync(tmpdir()).filter((f) => f.startsWith("gitops-ci-base-"));
    assert.deepEqual(after, before);
    assert.equal(
      execFileSync("git", ["-C", dir, "status", "--porcelain"], { encoding: "utf8" }).includes("preview"),
      false,
    );
  });
});

describe("diff: the markdown fits one comment", () => {
  it("sections that do not fit are left out, with a line saying how many and how to see them", async () => {
    const result = await preview("base-fanout");
    const whole = diffMarkdown(result);
    assert.equal((whole.match(/<details>/g) ?? []).length, 3);
    const cut = diffMarkdown(result, { maxChars: whole.length - 1 });
    assert.ok(cut.length < whole.length);
    assert.equal((cut.match(/<details>/g) ?? []).length, 2);
    assert.match(
      cut,
      /_1 root\(s\) not shown: the preview is cut to fit the \d+-character comment limit\. To see it all, run `gitops-ci diff --base-ref main --format text`\._/,
    );
    assert.match(cut, /\| `apps\/api\/overlays\/staging` \|/, "the summary table still names every root");
  });

  it("a value that holds a code fence cannot close the diff block", async () => {
    const result = await preview("tag-bump");
    const planted = {
      ...result,
      roots: result.roots.map((r) => ({
        ...r,
        objects: r.objects.map((o) => ({ ...o, diff: `${o.diff}\n+  note: \`\`\`\n+  <img src=x>` })),
      })),
    };
    const fences = diffMarkdown(planted).match(/^`{3,}.*$/gm) ?? [];
    assert.equal(fences.length, 2);
    assert.ok(
      fences.every((f) => f.startsWith("````")),
      fences.join(" | "),
    );
  });
});

describe("gitops-ci diff on the CLI", () => {
  it("--format json gives the roots, their objects and the images, as documented; --output writes it to a file", () => {
    const dir = diffCaseRepo("tag-bump");
    const run = runCli(["diff", "--dir", dir, "--base-ref", "main", "--format", "json"]);
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout) as DiffResult;
    assert.deepEqual(
      json.roots.map((r) => ({
        root: r.root,
        deployedBy: r.deployedBy,
        objects: r.objects.map((o) => [o.kind, o.namespace, o.name, o.change, typeof o.diff]),
      })),
      [
        {
          root: "apps/api/overlays/prod",
          deployedBy: ["Argo CD Application api-prod"],
          objects: [["Deployment", "prod", "api", "modified", "string"]],
        },
      ],
    );
    assert.deepEqual(
      json.images.map((i) => [i.image, i.from, i.to]),
      [["ghcr.io/acme/api", "1.4.0", "1.5.0"]],
    );
    const out = path.join(tempTree({}), "preview.md");
    const written = runCli(["diff", "--dir", dir, "--base-ref", "main", "--format", "markdown", "--output", out]);
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stdout, "");
    assert.match(readFileSync(out, "utf8"), /^#### Rendered diff/m);
  });
});

describe("validate --diff", () => {
  it("prints the preview after the findings, and without a base ref runs the gate alone, saying why", () => {
    const dir = diffCaseRepo("tag-bump");
    const run = runCli(["validate", "--dir", dir, "--base-ref", "main", "--diff"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /0 error\(s\)[\s\S]*Compared with main \([0-9a-f]{12}\): 1 root\(s\) render differently/);
    const alone = runCli(["validate", "--dir", dir, "--diff"]);
    assert.equal(alone.status, 0, alone.stderr);
    assert.doesNotMatch(alone.stdout, /Compared with/);
    assert.match(alone.stderr, /diff: no --base-ref, so no rendered diff/);
  });
});

describe("diff: large and hostile objects", () => {
  it("an object changed past the edit limit says so instead of computing its diff", async () => {
    const { unifiedDiff } = await import("../../src/preview/object-diff.js");
    const before = Array.from({ length: 6000 }, (_, i) => `a${i}: 1`).join("\n");
    const after = Array.from({ length: 6000 }, (_, i) => `b${i}: 2`).join("\n");
    const result = unifiedDiff(`${before}\n`, `${after}\n`, 3);
    assert.equal(result.text, "@@ more than 5000 lines changed (6000 before, 6000 after): not shown @@");
    assert.match(unifiedDiff("a: 1\n", "a: 2\n", 3).text, /^-a: 1\n\+a: 2$/m);
  });
});

describe("diff: repository text in the Markdown stays text", () => {
  it("a value with a fence, HTML and a mention is shown inside the diff block, never as markup", async () => {
    const dir = diffCaseRepo("tag-bump");
    const service = path.join(dir, "apps/api/base/service.yaml");
    const hostile = "``` </details> <img src=x onerror=alert(1)> @acme/admins #1";
    writeFileSync(
      service,
      readFileSync(service, "utf8").replace(
        "  name: api\n",
        `  name: api\n  annotations:\n    note: ${JSON.stringify(hostile)}\n`,
      ),
    );
    const markdown = diffMarkdown(await diff({ dir, baseRef: "main" }));
    let fence: string | undefined;
    for (const line of markdown.split("\n")) {
      const opens = /^(`{3,})/.exec(line)?.[1];
      if (fence === undefined && opens) fence = opens;
      else if (fence !== undefined && line === fence) fence = undefined;
      else if (/<img|@acme|<\/details> </.test(line)) assert.ok(fence && fence.length > 3, `outside a fence: ${line}`);
    }
    assert.match(markdown, /<img src=x/, "shown, as text in the block");
  });
});

describe("diff: images pinned where no render shows them", () => {
  it("a Helm values change is a line of the image table, named by its file", async () => {
    const dir = diffCaseRepo("readme-only");
    const values = "charts/api/values.yaml";
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.join(dir, "charts/api"), { recursive: true });
    writeFileSync(path.join(dir, "charts/api/Chart.yaml"), "apiVersion: v2\nname: api\nversion: 0.1.0\n");
    writeFileSync(path.join(dir, values), "image:\n  repository: ghcr.io/acme/api\n  tag: 1.4.0\n");
    execFileSync("git", ["-C", dir, "add", "-A"]);
    execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "chart"]);
    writeFileSync(path.join(dir, values), "image:\n  repository: ghcr.io/acme/api\n  tag: 1.5.0\n");
    const result = await diff({ dir, baseRef: "main" });
    assert.deepEqual(result.images, [
      { root: values, image: "ghcr.io/acme/api", from: "1.4.0", to: "1.5.0", objects: [] },
    ]);
    assert.match(
      diffMarkdown(result),
      /\| `ghcr\.io\/acme\/api` \| `1\.4\.0` \| `1\.5\.0` \| `charts\/api\/values\.yaml` \|/,
    );
  });
});

describe("diff: an untrusted change renders in validate's clean room", () => {
  it("a root that reaches outside the repository is not rendered; the reason is shown, nothing it names", async () => {
    const dir = diffCaseRepo("tag-bump");
    const overlay = path.join(dir, "apps/api/overlays/dev/kustomization.yaml");
    writeFileSync(
      overlay,
      `${readFileSync(overlay, "utf8")}configMapGenerator:\n  - name: leak\n    files: [/etc/passwd]\n`,
    );
    const result = await diff({ dir, baseRef: "main" });
    const dev = root(result, "apps/api/overlays/dev");
    assert.match(dev.problem ?? "", /^head: apps\/api\/overlays\/dev\/kustomization\.yaml:\d+: .*outside/);
    assert.ok(!JSON.stringify(result).includes("root:x:0:0"), "no line of /etc/passwd");
  });
});
