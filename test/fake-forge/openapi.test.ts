import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { testForge, TOKEN } from "../helpers/forge.js";

// GitHub's own OpenAPI description (dereferenced), from @octokit/openapi.
const require = createRequire(import.meta.url);
const spec = JSON.parse(
  readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.deref.json"), "utf8"),
) as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
};
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);

/**
 * Checks one answer of the forge against the description of `method path`: the status must be one
 * GitHub documents for that operation, and the body must match the documented schema.
 */
function assertDocumented(method: string, path: string, status: number, body: unknown): void {
  const operation = spec.paths[path]?.[method.toLowerCase()];
  assert.ok(operation, `${method} ${path} is in GitHub's description`);
  const response = operation.responses[String(status)];
  assert.ok(
    response,
    `${method} ${path} documents status ${status} (it documents ${Object.keys(operation.responses).join(", ")})`,
  );
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return;
  const validate = ajv.compile(schema);
  assert.ok(validate(body), `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`);
}

describe("the forge's GitHub REST answers match GitHub's OpenAPI description", async () => {
  const f = await testForge();
  const call = async (method: string, path: string, body?: unknown, token: string | null = TOKEN) => {
    const r = await fetch(`${f.apiUrl("github")}${path}`, {
      method,
      headers: token ? { authorization: `token ${token}` } : {},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as unknown };
  };

  it("git refs: create (201), duplicate (422), force update (200)", async () => {
    const sha = f.git("github", "rev-parse", "main");
    const created = await call("POST", "/repos/acme/config/git/refs", { ref: "refs/heads/contract", sha });
    assert.equal(created.status, 201);
    assertDocumented("POST", "/repos/{owner}/{repo}/git/refs", created.status, created.body);
    const duplicate = await call("POST", "/repos/acme/config/git/refs", { ref: "refs/heads/contract", sha });
    assertDocumented("POST", "/repos/{owner}/{repo}/git/refs", duplicate.status, duplicate.body);
    const updated = await call("PATCH", "/repos/acme/config/git/refs/heads%2Fcontract", { sha, force: true });
    assert.equal(updated.status, 200);
    assertDocumented("PATCH", "/repos/{owner}/{repo}/git/refs/{ref}", updated.status, updated.body);
  });

  it("pull requests: a duplicate is a documented 422 validation error", async () => {
    const open = () => call("POST", "/repos/acme/config/pulls", { head: "contract", base: "main", title: "t" });
    assert.equal((await open()).status, 201);
    const duplicate = await open();
    assertDocumented("POST", "/repos/{owner}/{repo}/pulls", duplicate.status, duplicate.body);
  });

  it("merging: success (200), head moved (409), not mergeable (405)", async () => {
    const sha = f.git("github", "rev-parse", "main");
    await call("POST", "/repos/acme/config/git/refs", { ref: "refs/heads/to-merge", sha });
    const pr = (await call("POST", "/repos/acme/config/pulls", { head: "to-merge", base: "main", title: "m" }))
      .body as { number: number };
    const path = "/repos/{owner}/{repo}/pulls/{pull_number}/merge";
    const moved = await call("PUT", `/repos/acme/config/pulls/${pr.number}/merge`, { sha: "0".repeat(40) });
    assert.equal(moved.status, 409);
    assertDocumented("PUT", path, moved.status, moved.body);
    const merged = await call("PUT", `/repos/acme/config/pulls/${pr.number}/merge`, { merge_method: "merge" });
    assert.equal(merged.status, 200);
    assertDocumented("PUT", path, merged.status, merged.body);
    const again = await call("PUT", `/repos/acme/config/pulls/${pr.number}/merge`, {});
    assert.equal(again.status, 405);
    assertDocumented("PUT", path, again.status, again.body);
  });

  it("errors: 401 and 404 are documented basic errors", async () => {
    const unauthorised = await call("GET", "/repos/acme/config/pulls", undefined, "bad");
    assert.equal(unauthorised.status, 401);
    // GitHub documents 401 for few operations; its body is the common basic-error everywhere.
    assertDocumented("GET", "/user", unauthorised.status, unauthorised.body);
    const missing = await call("GET", "/repos/acme/config/pulls/999");
    assert.equal(missing.status, 404);
    assertDocumented("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", missing.status, missing.body);
  });

  it("the check itself rejects an answer GitHub would not give", () => {
    assert.throws(
      () => assertDocumented("POST", "/repos/{owner}/{repo}/git/refs", 201, { ref: "refs/heads/x" }),
      /must have required property/,
    );
    assert.throws(() => assertDocumented("POST", "/repos/{owner}/{repo}/git/refs", 418, {}), /documents status 418/);
  });
});
