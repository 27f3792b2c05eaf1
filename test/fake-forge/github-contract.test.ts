import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import {
  buildSchema,
  getVariableValues,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from "graphql";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { schema as githubSchema } from "@octokit/graphql-schema";
import { publishVerdict } from "../../src/commands/publish-verdict.js";
import { promote } from "../../src/commands/promote.js";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import type { ValidateResult } from "../../src/commands/validate.js";
import type { Exchange } from "../fake-forge/server.js";
import { CONFIG_FILES, OLDEST_GHES, PRODUCTION, REPO, STAGING, testForge } from "../helpers/forge.js";

// Every request the GitHub side of gitops-ci sends, checked against what GitHub publishes: GraphQL
// documents and their variables against @octokit/graphql-schema (github.com's schema), REST
// requests against the OpenAPI descriptions of api.github.com and the oldest GHES supported, and
// the forge's answers against the same descriptions, so the forge cannot drift from GitHub.
const require = createRequire(import.meta.url);
// GitHub's published SDL defines a few enterprise fields twice; the schema is otherwise valid.
const graphqlSchema: GraphQLSchema = buildSchema(githubSchema.idl, { assumeValidSDL: true });

interface Operation {
  parameters?: { name?: string; in?: string; $ref?: string }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }>; $ref?: string }>;
}
interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

/** One OpenAPI description: operations found by a request's path, schemas compiled with refs intact. */
class RestDescription {
  private readonly spec: Description;
  private readonly ajv = { request: this.newAjv(), response: this.newAjv() };
  private readonly compiled = new Map<string, Map<object, ValidateFunction>>([
    ["request", new Map()],
    ["response", new Map()],
  ]);
  private readonly matchers: { template: string; pattern: RegExp; literal: number }[];

  constructor(
    readonly name: string,
    file: string,
  ) {
    this.spec = JSON.parse(readFileSync(require.resolve(`@octokit/openapi/generated/${file}`), "utf8")) as Description;
    for (const [mode, ajv] of Object.entries(this.ajv))
      ajv.addSchema({ $id: "spec", components: jsonSchemaOf(this.spec.components, mode === "response") });
    this.matchers = Object.keys(this.spec.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
      literal: template.split("/").filter((s) => s && !s.startsWith("{")).length,
    }));
  }

  /** The documented operation a request is, preferring the most literal template (`/pulls/{n}/merge` over `/{path}`). */
  operation(method: string, path: string): { template: string; op: Operation } | undefined {
    const found = this.matchers
      .filter((m) => m.pattern.test(path) && this.spec.paths[m.template]?.[method.toLowerCase()])
      .sort((a, b) => b.literal - a.literal)[0];
    const op = found && this.spec.paths[found.template]?.[method.toLowerCase()];
    return found && op ? { template: found.template, op } : undefined;
  }

  /** Resolves a top-level `$ref` (`#/components/responses/not_found`). */
  resolve<T>(node: T & { $ref?: string }): T {
    if (!node.$ref) return node;
    const [, section, key] = /^#\/components\/([^/]+)\/(.+)$/.exec(node.$ref) ?? [];
    return this.spec.components[section as string]?.[key as string] as T;
  }

  private newAjv(): Ajv {
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats.default(ajv);
    ajv.addFormat("repo.nwo", /^[^/]+\/[^/]+$/);
    return ajv;
  }

  /**
   * A request must be complete and valid. An answer of the forge is checked for shape: every
   * field it sends has GitHub's type and values, no field GitHub lacks where GitHub allows no
   * others; it need not carry the many fields (URLs, counters) gitops-ci never reads.
   */
  check(mode: "request" | "response", schema: object, value: unknown): string | undefined {
    const cache = this.compiled.get(mode) as Map<object, ValidateFunction>;
    let validator = cache.get(schema);
    if (!validator) {
      const linked = JSON.parse(
        JSON.stringify(jsonSchemaOf(schema, mode === "response")).replaceAll('"#/components/', '"spec#/components/'),
      ) as object;
      validator = this.ajv[mode].compile(linked);
      cache.set(schema, validator);
    }
    return validator(value) ? undefined : this.ajv[mode].errorsText(validator.errors);
  }
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema says it (`null` allowed), since GitHub's
 * description also puts it beside `allOf`/`anyOf` without a `type`, which Ajv refuses; for
 * `shapeOnly`, without `required`.
 */
function jsonSchemaOf(node: unknown, shapeOnly: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => jsonSchemaOf(n, shapeOnly));
  if (!node || typeof node !== "object") return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  if (shapeOnly && Array.isArray(rest.required)) delete rest.required;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, jsonSchemaOf(v, shapeOnly)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === "string") {
    const values = Array.isArray(converted.enum) ? { enum: [...(converted.enum as unknown[]), null] } : {};
    return { ...converted, type: [converted.type, "null"], ...values };
  }
  return { anyOf: [converted, { type: "null" }] };
}

const DESCRIPTIONS = [
  new RestDescription("api.github.com", "api.github.com.json"),
  new RestDescription(`GHES ${OLDEST_GHES.replace(/\.0$/, "")}`, `ghes-${OLDEST_GHES.replace(/\.0$/, "")}.json`),
];

/** What is wrong with one REST exchange under one description; empty when GitHub documents it all. */
function restProblems(d: RestDescription, x: Exchange): string[] {
  const path = x.path.replace(/^\/github\/api\/v3/, "");
  const found = d.operation(x.method, path);
  if (!found) return [`${x.method} ${path} is not in ${d.name}`];
  const { template, op } = found;
  const where = `${x.method} ${template} (${d.name})`;
  const problems: string[] = [];
  const declared = new Set(
    (op.parameters ?? []).map((p) => d.resolve(p)).flatMap((p) => (p.in === "query" && p.name ? [p.name] : [])),
  );
  for (const key of Object.keys(x.query))
    if (!declared.has(key)) problems.push(`${where}: query parameter ${key} is not documented`);
  const requestSchema = op.requestBody && d.resolve(op.requestBody).content["application/json"]?.schema;
  if (x.body !== undefined) {
    if (!requestSchema) problems.push(`${where} takes no JSON body`);
    else {
      const wrong = d.check("request", requestSchema, x.body);
      if (wrong) problems.push(`${where} request: ${wrong}`);
    }
  }
  const documented = op.responses[String(x.status)];
  if (!documented) {
    if (x.status < 400) problems.push(`${where} does not document status ${x.status}`);
    return problems;
  }
  const responseSchema = d.resolve(documented).content?.["application/json"]?.schema;
  if (responseSchema && x.response !== undefined) {
    const wrong = d.check("response", responseSchema, x.response);
    if (wrong) problems.push(`${where} ${x.status} response: ${wrong}`);
  }
  return problems;
}

/** What is wrong with one GraphQL request: the document under the schema, and its variables coerced. */
function graphqlProblems(body: { query: string; variables?: Record<string, unknown> }): string[] {
  const document = parse(body.query);
  const errors = validate(graphqlSchema, document).map((e) => e.message);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation) {
    const coerced = getVariableValues(graphqlSchema, operation.variableDefinitions ?? [], body.variables ?? {});
    errors.push(...(coerced.errors ?? []).map((e) => `variables: ${e.message}`));
  }
  return errors;
}

/** The root fields a GraphQL request selects (`repository`, `updateRefs`, …). */
function rootFields(query: string): string[] {
  const operation = parse(query).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

const FLEET = 110;
const FILES: Record<string, string> = { ...CONFIG_FILES };
for (let i = 0; i < FLEET; i++) FILES[`fleet/app-${i}/kustomization.yaml`] = `images:\n- name: web\n  newTag: "1"\n`;

const findings = Array.from({ length: 60 }, (_, i) => ({
  rule: "plaintext-secret" as const,
  severity: "error" as const,
  file: "leaks.yaml",
  line: i + 1,
  column: 1,
  message: `Secret s${i} has stringData in plain text`,
  hint: "seal it",
}));
const blocked = {
  findings,
  summary: {
    roots: 1,
    rendered: 1,
    skipped: 0,
    resources: 60,
    errors: 60,
    warnings: 0,
    info: 0,
    checkedNothing: false,
  },
  failed: true,
  repoPath: "",
} as unknown as ValidateResult;

/** Drives every Forge method and the commands through the GitHub forge; returns what the host saw. */
async function everyGitHubRequest(): Promise<Exchange[]> {
  const f = await testForge({ files: FILES, record: true });
  const forge = f.client("github");
  const staging = ["apps/web/overlays/staging"];
  await setImageRemote({
    forge,
    branch: "main",
    paths: Array.from({ length: FLEET }, (_, i) => `fleet/app-${i}`),
    images: ["web:2"],
  });
  const number = (
    await setImageRemote({ forge, branch: "main", paths: staging, images: ["web:3"], mode: "pull-request" })
  ).prNumber as number;
  await setImageRemote({ forge, branch: "main", paths: staging, images: ["web:4"], mode: "pull-request" });
  await forge.updateChangeRequest(number, { title: "t2", body: "b2", labels: ["promotion"] });
  await forge.comment(number, "hello");
  await forge.upsertComment(number, "<!-- m -->", "<!-- m -->\none");
  await forge.upsertComment(number, "<!-- m -->", "<!-- m -->\ntwo");
  const head = (await forge.getChangeRequest(number)).headSha;
  await forge.setCommitStatus(head, { name: "ci", state: "success", description: "ok", url: "https://ci.example/1" });
  await publishVerdict(forge, blocked, { sha: head, changeRequest: number, runUrl: "https://ci.example/1" });
  await forge.listCommitChecks(head);
  await forge.lastCommitTouching("main", STAGING);
  await fetch(`${f.running.url}/_forge/github/protection`, {
    method: "POST",
    body: JSON.stringify({ repo: REPO.github, branch: "main", requiredChecks: ["required"] }),
  });
  await forge.enableAutoMerge(number, "squash", head);
  await forge.merge(number, "merge", head);
  await promote({
    forge,
    branch: "main",
    from: staging[0] as string,
    to: ["apps/web/overlays/production"],
    labels: ["env"],
  });
  const main = f.git("github", "rev-parse", "main");
  await forge.replaceBranch({
    branch: "contract",
    message: "m",
    changes: [{ path: PRODUCTION, content: "x: 1\n" }],
    parent: main,
    replaces: null,
  });
  const opened = await forge.createChangeRequest({
    head: "contract",
    base: "main",
    title: "t",
    body: "b",
    labels: ["a"],
    reviewers: ["octocat"],
    draft: true,
  });
  await forge.closeChangeRequest(opened.number);
  const pat = await testForge({ record: true, githubTokenKind: "pat", githubEnterpriseVersion: OLDEST_GHES });
  await publishVerdict(pat.client("github"), blocked, { sha: pat.git("github", "rev-parse", "main") });
  return [...f.running.exchanges(), ...pat.running.exchanges()].filter((x) => x.path.startsWith("/github/"));
}

describe("every request gitops-ci sends to GitHub is one GitHub documents", async () => {
  const exchanges = await everyGitHubRequest();
  const graphql = exchanges.filter((x) => x.path === "/github/api/graphql");
  const rest = exchanges.filter((x) => x.path !== "/github/api/graphql");

  it("GraphQL: every document and its variables are valid under github.com's schema", () => {
    const problems = graphql.flatMap((x) =>
      graphqlProblems(x.body as { query: string; variables?: Record<string, unknown> }).map(
        (p) => `${rootFields((x.body as { query: string }).query).join(",")}: ${p}`,
      ),
    );
    assert.deepEqual(problems, []);
    const fields = new Set(graphql.flatMap((x) => rootFields((x.body as { query: string }).query)));
    assert.deepEqual([...fields].sort(), [
      "createCommitOnBranch",
      "enablePullRequestAutoMerge",
      "repository",
      "updateRefs",
    ]);
  });

  for (const d of DESCRIPTIONS)
    it(`REST: every request, and the forge's every answer, as ${d.name} documents them`, () => {
      const problems = [...new Set(rest.flatMap((x) => restProblems(d, x)))];
      assert.deepEqual(problems, []);
      const operations = new Set(
        rest.map((x) => `${x.method} ${d.operation(x.method, x.path.replace(/^\/github\/api\/v3/, ""))?.template}`),
      );
      assert.ok(operations.size >= 20, [...operations].join("\n"));
    });

  it("the check itself refuses what GitHub would not take", () => {
    assert.match(graphqlProblems({ query: "query { repository(owner: 1) { id } }" }).join(), /argument "name"/);
    assert.match(
      graphqlProblems({
        query: "mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }",
        variables: { input: { repositoryId: "R_1", refUpdates: [{ name: "refs/heads/x", beforeOid: "abc" }] } },
      }).join(),
      /afterOid/,
    );
    const [api] = DESCRIPTIONS;
    const bad: Exchange = {
      method: "POST",
      path: "/github/api/v3/repos/acme/config/pulls",
      query: { per_page: "100" },
      headers: {},
      body: { head: "x", base: "main", title: 7 },
      status: 201,
      response: { number: "1" },
    };
    const problems = restProblems(api as RestDescription, bad).join("\n");
    assert.match(problems, /query parameter per_page is not documented/);
    assert.match(problems, /request: data\/title must be string/);
    assert.match(problems, /201 response: data\/number must be integer/);
  });
});
