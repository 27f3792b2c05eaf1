export const id = 9337;
export const ids = [9337];
export const modules = {

/***/ 99337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectForge: () => (/* binding */ connectForge),
  detectForgeKind: () => (/* binding */ detectForgeKind),
  readToken: () => (/* binding */ readToken)
});

// UNUSED EXPORTS: checkApiUrl

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/forge/forge.ts
var forge = __webpack_require__(76576);
;// CONCATENATED MODULE: ./src/forge/error-mapping.ts

/** A failed request that is not an Octokit error, with the status the mapping reads. */
class HttpStatusError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/**
 * One mapping from a failed request (an Octokit RequestError, gitbeaker's errors through our
 * requester) to a ForgeError a user can act on, for both hosts: the status decides the advice,
 * the host's own message is kept.
 */
function forgeErrorOf(error, what, host) {
    if (error instanceof forge/* ForgeError */.Q8)
        return error;
    const status = error.status;
    const message = error.response?.data?.message ?? error.message;
    const said = message ? ` ${message}` : "";
    switch (status) {
        case 401:
            return new forge/* ForgeError */.Q8(`${what}: ${host.product} rejected the token (401${said}); check that it is valid and not expired`, 401);
        case 403:
            return new forge/* ForgeError */.Q8(`${what}: the token may not do this in ${host.repo} (403${said}); it needs ${host.needs}`, 403);
        case 404:
            return new forge/* ForgeError */.Q8(`${what}: ${host.repo} not found, or the token cannot see it (404${said})`, 404);
        case 422:
            return new forge/* ForgeError */.Q8(`${what} in ${host.repo} was refused (422${said})`, 422);
        default:
            return new forge/* ForgeError */.Q8(`${what} in ${host.repo} failed${status ? ` (${status})` : ""}: ${message}`, status);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/forge/comment-id.ts

/**
 * Every comment the suite posts carries a fresh id in an HTML comment (invisible when rendered),
 * so that after a failed POST the comment can be looked for before it is sent again.
 */
function withCommentId(body) {
    const id = `<!-- gitops-ci/comment ${(0,external_node_crypto_.randomBytes)(8).toString("hex")} -->`;
    return { body: `${body}\n\n${id}`, id };
}

;// CONCATENATED MODULE: ./src/forge/batches.ts
/** `items` in runs of at most `size`, in order; none for none. */
function batchesOf(items, size) {
    const batches = [];
    for (let i = 0; i < items.length; i += size)
        batches.push(items.slice(i, i + size));
    return batches;
}

// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(49809);
// EXTERNAL MODULE: ./src/forge/retry-policy.ts
var retry_policy = __webpack_require__(51668);
;// CONCATENATED MODULE: ./src/forge/create-once.ts


/**
 * A POST that creates something is not retried blindly: a 5xx or a dropped connection may come
 * after the host made the object. Before each retry the object is looked up; if the failed attempt
 * made it, that is the answer, so at most one exists after any sequence of faults.
 */
async function createOnce(options) {
    let failed;
    return (0,retry/* retry */.L)({
        ...(0,retry_policy/* planOf */.XC)(options.policy),
        onWait: (n, delay, why) => options.log(`${options.what} failed (${why}); not made, retry ${n} in ${delay} ms`),
    }, async () => {
        try {
            return { done: true, value: await options.create() };
        }
        catch (error) {
            if (!mayHaveFailedLate(error))
                throw error;
            const found = await options.find();
            if (found !== undefined) {
                options.log(`${options.what}: the failed attempt had made it; not creating another`);
                return { done: true, value: found };
            }
            failed = error;
            return { done: false, why: String(statusOf(error) ?? "network") };
        }
    }, () => {
        throw failed;
    });
}
function statusOf(error) {
    const status = error.status;
    return typeof status === "number" ? status : undefined;
}
/** Server errors, rate limits and connection failures; a 4xx other than 429 is a real answer. */
function mayHaveFailedLate(error) {
    const status = statusOf(error);
    return status === undefined || status >= 500 || status === 429;
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/forge/host-release.ts


/** The oldest releases gitops-ci is verified against (docs/hosts.md says what each needs). */
const MINIMUM_RELEASE = {
    gitlab: "15.0.0",
    /** The oldest GHES whose OpenAPI description the contract tests check; it has GraphQL `updateRefs`. */
    ghes: "3.17.0",
};
/** The host runs a release older than gitops-ci supports: stop before writing anything. */
class HostTooOldError extends forge/* ForgeError */.Q8 {
    name = "HostTooOldError";
}
/**
 * Refuses a release below the minimum, naming both, and describes the host in one line for the
 * log. Versions as hosts write them: `16.11.2-ee`, `15.2-pre`, `3.17.0`.
 */
function checkRelease(release, host, needs) {
    const shown = `${release.product}${release.version ? ` ${release.version}` : ""} at ${host}`;
    const minimum = release.product === "GitLab" ? MINIMUM_RELEASE.gitlab : MINIMUM_RELEASE.ghes;
    const version = release.version ? semver_default().coerce(release.version) : null;
    if (release.product !== "github.com" && version && semver_default().lt(version, minimum))
        throw new HostTooOldError(`${shown} is older than gitops-ci supports: it needs ${release.product} ${minimum.replace(/\.0$/, "")} or later (${needs}). Nothing was written.`);
    return shown;
}
/** Runs `detect` once, however many callers ask at once, and keeps its answer for the run. */
function once(detect) {
    let answer;
    return () => (answer ??= detect());
}

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var dist_bundle = __webpack_require__(86856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 22 modules
var dist_src = __webpack_require__(60891);
// EXTERNAL MODULE: ./node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(62203);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
;// CONCATENATED MODULE: ./src/forge/content-pacer.ts

/**
 * GitHub's secondary limits for requests that create content (POST, PATCH, PUT, DELETE and
 * GraphQL mutations): about 80 a minute and 500 an hour. Going over gets 403s, and repeated
 * violations can get the integration blocked for longer, so a run paces itself below them.
 */
const GITHUB_CONTENT_LIMITS = [
    { requests: 80, windowMs: 60_000 },
    { requests: 500, windowMs: 3_600_000 },
];
/** Spaces content-creating requests so that no sliding window holds more than its limit, and says when it waits. */
class ContentPacer {
    limits;
    log;
    now;
    sent = [];
    constructor(limits, log, now = Date.now) {
        this.limits = limits;
        this.log = log;
        this.now = now;
    }
    /**
     * Resolves when one more write fits every limit, and counts it; call the returned function
     * when the host has answered, which moves the write's time to then: the host counts it when it
     * arrives, later than it left, and only the later time keeps this side's count at or above the host's.
     */
    async beforeWrite() {
        for (;;) {
            const { wait, limit } = this.nextSlot();
            if (wait <= 0)
                break;
            this.log(`pacing writes for GitHub's content-creation limit (${limit.requests} in ${limit.windowMs / 1000} s): waiting ${(wait / 1000).toFixed(1)} s`);
            await (0,retry_policy/* sleep */.yy)(wait);
        }
        const entry = { at: this.now() };
        this.sent.push(entry);
        return () => {
            entry.at = Math.max(entry.at, this.now());
            this.sent.sort((a, b) => a.at - b.at);
        };
    }
    /** How long until the oldest write of the fullest window leaves it. */
    nextSlot() {
        const now = this.now();
        const longest = Math.max(0, ...this.limits.map((l) => l.windowMs));
        while (this.sent.length && this.sent[0].at <= now - longest)
            this.sent.shift();
        let slot = { wait: 0, limit: this.limits[0] };
        for (const limit of this.limits) {
            const inWindow = this.sent.map((s) => s.at).filter((t) => t > now - limit.windowMs);
            if (inWindow.length < limit.requests)
                continue;
            const wait = inWindow[inWindow.length - limit.requests] + limit.windowMs - now;
            if (wait > slot.wait)
                slot = { wait, limit };
        }
        return slot;
    }
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
;// CONCATENATED MODULE: ./src/forge/http.ts

let agent;
/** Headers that carry a token: GitHub's and GitLab's. */
const CREDENTIAL_HEADERS = ["authorization", "private-token", "job-token"];
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/**
 * fetch that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (upper or lower case), as CI runners
 * behind a proxy need (node's own fetch ignores them), and gives up on an attempt after
 * `timeoutMs`, so the retry layer can try again instead of waiting on a hung host. Redirects are
 * followed here, not by undici: within the origin as fetch would; to another origin only without
 * a token (undici strips `Authorization` there, but not GitLab's `PRIVATE-TOKEN`). A request that
 * carries one gets the redirect back as an error naming both origins, never followed.
 */
async function proxyAwareFetch(input, init = {}, timeoutMs) {
    agent ??= new undici/* EnvHttpProxyAgent */.J2();
    const signals = [init.signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter((s) => !!s);
    const signal = signals.length ? AbortSignal.any(signals) : undefined;
    let url = new URL(input);
    let request = init;
    for (let hop = 0;; hop++) {
        const response = (await (0,undici/* fetch */.hd)(url, {
            ...request,
            redirect: "manual",
            signal,
            dispatcher: agent,
        }));
        const location = response.headers.get("location");
        if (!REDIRECTS.has(response.status) || !location || hop === MAX_REDIRECTS)
            return response;
        await response.body?.cancel();
        const next = new URL(location, url);
        const crossOrigin = next.origin !== url.origin;
        if (crossOrigin && carriesToken(request))
            return refusedRedirect(response.status, url, next);
        request = redirected(request, response.status, crossOrigin);
        url = next;
    }
}
function carriesToken(request) {
    const headers = new Headers(request.headers);
    return CREDENTIAL_HEADERS.some((name) => headers.has(name));
}
/** 421 Misdirected Request: an error every client reports, and one the retry layers leave alone. */
const REFUSED_REDIRECT_STATUS = 421;
/** The refused redirect as the caller sees it: a message (GitHub's and GitLab's shape) naming both origins. */
function refusedRedirect(status, from, to) {
    const message = `${from.origin} answered ${status}, redirecting to ${to.origin}: gitops-ci never sends its token to another origin; if that is the API, give it as --api-url`;
    return new Response(JSON.stringify({ message }), {
        status: REFUSED_REDIRECT_STATUS,
        headers: { "content-type": "application/json" },
    });
}
/** The request to send after a redirect, as fetch would, but without a token on another origin. */
function redirected(request, status, crossOrigin) {
    const headers = new Headers(request.headers);
    if (crossOrigin)
        for (const name of CREDENTIAL_HEADERS)
            headers.delete(name);
    const method = (request.method ?? "GET").toUpperCase();
    const toGet = status === 303 || ((status === 301 || status === 302) && method === "POST");
    return toGet
        ? { ...request, headers, method: method === "HEAD" ? "HEAD" : "GET", body: undefined }
        : { ...request, headers };
}

;// CONCATENATED MODULE: ./src/forge/retrying-fetch.ts



const TRANSIENT = new Set([500, 502, 503, 504]);
/** How long the server asked us to wait (Retry-After seconds or date, RateLimit-Reset epoch), in ms. */
function requestedWaitMs(headers, now = Date.now()) {
    const retryAfter = headers.get("retry-after");
    if (retryAfter) {
        const seconds = Number(retryAfter);
        if (Number.isFinite(seconds))
            return seconds * 1000;
        const date = Date.parse(retryAfter);
        if (Number.isFinite(date))
            return Math.max(0, date - now);
    }
    const reset = Number(headers.get("ratelimit-reset") ?? headers.get("x-ratelimit-reset"));
    return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
}
/**
 * fetch with the suite's retry policy: 5xx and connection errors get jittered backoff, 429s wait
 * what the server asks (within the policy's bound). Other responses are returned as they are;
 * when the policy allows no more attempts, so is the last one (or its error thrown).
 */
async function retryingFetch(url, init, policy, log = () => undefined, 
/** Wraps every attempt sent: a host's limit counts each one, retries included. */
eachAttempt = (send) => send()) {
    let last = {};
    return (0,retry/* retry */.L)({
        ...(0,retry_policy/* planOf */.XC)(policy),
        onWait: (n, delay, why) => log(`${init.method ?? "GET"} ${new URL(url).pathname}: ${why}; retry ${n} in ${delay} ms`),
    }, async () => {
        await last.response?.body?.cancel();
        let response;
        try {
            response = await eachAttempt(() => proxyAwareFetch(url, init, policy.requestTimeoutMs));
        }
        catch (failure) {
            last = { failure };
            return { done: false, why: failure.message };
        }
        last = { response };
        if (response.status !== 429 && !TRANSIENT.has(response.status))
            return { done: true, value: response };
        const waitMs = response.status === 429 ? requestedWaitMs(response.headers) : undefined;
        return { done: false, why: String(response.status), waitMs };
    }, () => {
        if (last.response)
            return last.response;
        throw last.failure;
    });
}

;// CONCATENATED MODULE: ./src/forge/github-client.ts






const Client = dist_src/* Octokit */.E.plugin(dist_bundle/* throttling */.A);
/** The POSTs that make a new object each time (a PR, a comment): createOnce retries them, looking first. */
const CREATES = /\/(pulls|issues\/\d+\/comments)$/;
/**
 * The Octokit a GitHubForge talks through: the suite's retrying fetch (creating POSTs excepted),
 * rate-limit waits within the policy, and content-creating requests paced to GitHub's secondary
 * limits. The Forge methods live in github.ts; this is only the transport they share.
 */
function createGitHubClient(options) {
    const { policy, log } = options;
    const waitFor = rateLimitWaits(policy, log);
    const pacer = new ContentPacer(options.contentLimits ?? GITHUB_CONTENT_LIMITS, log);
    const paced = async (send) => {
        const done = await pacer.beforeWrite();
        try {
            return await send();
        }
        finally {
            done();
        }
    };
    const octokit = new Client({
        auth: options.token,
        baseUrl: options.apiUrl,
        userAgent: "gitops-ci",
        // Failures are reported by the forge with context; octokit's own request log would repeat them.
        log: { debug: () => undefined, info: () => undefined, warn: log, error: () => undefined },
        // 5xx, 429 and connection failures are retried by the suite's one retrying fetch (jittered,
        // bounded); creating POSTs are not resent blindly (createOnce looks first).
        request: {
            fetch: (url, init = {}) => {
                const creates = init.method === "POST" && CREATES.test(new URL(url).pathname);
                // Paced per attempt sent, below octokit: a retried write is two writes to GitHub.
                return retryingFetch(url, init, creates ? { ...policy, maxRetries: 0 } : policy, log, (send) => isWrite(url, init) ? paced(send) : send());
            },
        },
        throttle: {
            // One set-image makes one mutation per attempt and spaces retries itself; the plugin's
            // default 1 s pacing of every GraphQL call would only add latency.
            write: new (lib_default()).Group({ id: "gitops-ci-write", maxConcurrent: 1, minTime: 0 }),
            onRateLimit: waitFor("primary"),
            onSecondaryRateLimit: waitFor("secondary"),
        },
    });
    octokit.hook.after("request", (response) => options.onResponse(response.headers));
    octokit.hook.wrap("request", async (request, endpoint) => {
        if (isWriteEndpoint(endpoint))
            await options.beforeWrite();
        return request(endpoint);
    });
    return octokit;
}
const MUTATION = /^\s*mutation\b/;
function isWriteEndpoint(request) {
    if (request.url === "/graphql")
        return typeof request.query === "string" && MUTATION.test(request.query);
    return request.method !== "GET" && request.method !== "HEAD";
}
/** A request GitHub counts against its content-creation limits: any REST write, a GraphQL mutation. */
function isWrite(url, init) {
    const method = init.method ?? "GET";
    if (method === "GET" || method === "HEAD")
        return false;
    if (!new URL(url).pathname.endsWith("/graphql"))
        return true;
    try {
        const { query } = JSON.parse(String(init.body));
        return typeof query === "string" && MUTATION.test(query);
    }
    catch {
        return true;
    }
}
/**
 * plugin-throttling's limit handlers: wait what GitHub asks, within the policy's time budget for
 * the request. A secondary-limit refusal adds a growing jittered delay on top, as GitHub asks of
 * clients refused again and again, so that jobs racing for one window do not all come back in
 * the same second.
 */
function rateLimitWaits(policy, log) {
    const waited = new WeakMap();
    return (kind) => async (retryAfterSeconds, options, _octokit, retryCount) => {
        const asked = retryAfterSeconds * 1000;
        const jitter = kind === "secondary" ? (0,retry_policy/* backoffDelay */.EY)(policy, retryCount) : 0;
        const key = options.request ?? options;
        const total = (waited.get(key) ?? 0) + asked + jitter;
        if (asked > policy.maxRateLimitWaitMs || total > policy.maxRateLimitTotalWaitMs) {
            log(`GitHub ${kind} rate limit: not waiting ${retryAfterSeconds}s`);
            return false;
        }
        log(`GitHub ${kind} rate limit: waiting ${((asked + jitter) / 1000).toFixed(1)}s`);
        waited.set(key, total);
        await (0,retry_policy/* sleep */.yy)(jitter);
        return true;
    };
}

;// CONCATENATED MODULE: ./src/forge/github.ts








/** `file` fields per query: well under what GitHub serves before its 10 s timeout (the forge's model). */
const READ_BATCH = 100;
/** Files a GitHub comparison lists at most. */
const COMPARE_FILE_LIMIT = 300;
const ZERO_OID = "0".repeat(40);
/** GitHub through GraphQL (reads, atomic commits with expectedHeadOid) and REST (refs, pull requests). */
class GitHubForge {
    kind = "github";
    repo;
    owner;
    name;
    octokit;
    graphqlUrl;
    apiUrl;
    policy;
    log;
    constructor(options) {
        const [owner, name, ...rest] = options.repo.split("/");
        if (!owner || !name || rest.length)
            throw new forge/* ForgeError */.Q8(`GitHub repository "${options.repo}" must be owner/name`);
        this.repo = options.repo;
        this.owner = owner;
        this.name = name;
        const policy = options.retry ?? retry_policy/* DEFAULT_RETRY_POLICY */.cO;
        const log = options.log ?? (() => undefined);
        this.policy = policy;
        this.log = log;
        const apiUrl = options.apiUrl.replace(/\/+$/, "");
        this.apiUrl = apiUrl;
        this.graphqlUrl = options.graphqlUrl ?? `${apiUrl.replace(/\/v3$/, "")}/graphql`;
        this.octokit = createGitHubClient({
            token: options.token,
            apiUrl,
            policy,
            log,
            contentLimits: options.contentLimits,
            onResponse: (headers) => this.noteRelease(headers),
            beforeWrite: () => this.releaseBeforeWriting(),
        });
    }
    /**
     * One query names the branch and reads the first READ_BATCH paths; the rest are read in
     * parallel batches from that same commit (`object(oid:)`), so the snapshot stays consistent
     * and no query grows to hundreds of `file` fields, which GitHub answers with a timeout.
     */
    async readFiles(branch, paths) {
        const [first = [], ...rest] = batchesOf(paths, READ_BATCH);
        const data = await this.graphql(this.filesQuery("ref", first), { ...this.fileVariables(first), at: `refs/heads/${branch}` }, `read ${branch}`);
        const target = data.repository?.ref?.target;
        if (!target)
            throw new forge/* BranchNotFoundError */.EJ(`branch "${branch}" does not exist in ${this.repo}`);
        const files = new Map();
        this.collect(first, target, files);
        const more = await Promise.all(rest.map((batch) => this.graphql(this.filesQuery("object", batch), { ...this.fileVariables(batch), at: target.oid }, `read ${branch} at ${target.oid.slice(0, 12)}`)));
        more.forEach((batch, i) => this.collect(rest[i], batch.repository.object, files));
        return { branch, head: target.oid, files };
    }
    /** The files of one commit: the branch's head (`$at` a ref name), or a commit by oid. */
    filesQuery(at, paths) {
        const declarations = paths.map((_, i) => `, $p${i}: String!`).join("");
        const fields = paths.map((_, i) => `f${i}: file(path: $p${i}) { object { ... on Blob { text isBinary isTruncated } } }`);
        const commit = `oid${fields.length ? ` ... on Commit { ${fields.join(" ")} }` : ""}`;
        const selection = at === "ref" ? `ref(qualifiedName: $at) { target { ${commit} } }` : `object(oid: $at) { ${commit} }`;
        return `query($owner: String!, $name: String!, $at: ${at === "ref" ? "String" : "GitObjectID"}!${declarations}) {
  repository(owner: $owner, name: $name) { ${selection} }
}`;
    }
    fileVariables(paths) {
        return { owner: this.owner, name: this.name, ...Object.fromEntries(paths.map((p, i) => [`p${i}`, p])) };
    }
    collect(paths, commit, into) {
        paths.forEach((path, i) => {
            const entry = commit[`f${i}`];
            const blob = typeof entry === "object" ? entry?.object : undefined;
            if (!blob)
                return;
            if (blob.isBinary || blob.text === null)
                throw new forge/* ForgeError */.Q8(`${path} in ${this.repo} is not a text file`);
            if (blob.isTruncated)
                throw new forge/* ForgeError */.Q8(`${path} in ${this.repo} is too large to read through the API`);
            into.set(path, blob.text);
        });
    }
    async commitFiles(request) {
        const [headline = "", ...rest] = request.message.split("\n");
        const input = {
            branch: { repositoryNameWithOwner: this.repo, branchName: request.branch },
            message: { headline, body: rest.join("\n").trim() },
            fileChanges: {
                additions: request.changes.map((c) => ({
                    path: c.path,
                    contents: Buffer.from(c.content, "utf8").toString("base64"),
                })),
            },
            expectedHeadOid: request.expectedHead,
        };
        const mutation = `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;
        try {
            const data = await this.graphql(mutation, { input }, `commit to ${request.branch}`, true);
            return { kind: "committed", sha: data.createCommitOnBranch.commit.oid };
        }
        catch (error) {
            if (error instanceof StaleHead)
                return { kind: "conflict", detail: error.message };
            throw error;
        }
    }
    /**
     * The new commit is made with the Git Data API (tree on the parent's tree, commit with that one
     * parent), where nothing is visible yet; then one `updateRefs` moves the branch, only if it is
     * still at `replaces` (the zero oid: only if it does not exist). A fault anywhere before that
     * leaves the branch as it was; a push in between makes the update fail, not vanish.
     */
    async replaceBranch(request) {
        const repo = { owner: this.owner, repo: this.name };
        const parent = await this.rest(`read commit ${request.parent.slice(0, 12)}`, () => this.octokit.rest.git.getCommit({ ...repo, commit_sha: request.parent }));
        const tree = await this.rest(`write the tree for ${request.branch}`, () => this.octokit.rest.git.createTree({
            ...repo,
            base_tree: parent.data.tree.sha,
            tree: request.changes.map((c) => ({
                path: c.path,
                mode: "100644",
                type: "blob",
                content: c.content,
            })),
        }));
        const commit = await this.rest(`write the commit for ${request.branch}`, () => this.octokit.rest.git.createCommit({
            ...repo,
            message: request.message,
            tree: tree.data.sha,
            parents: [request.parent],
        }));
        const mutation = `mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }`;
        const update = {
            name: `refs/heads/${request.branch}`,
            afterOid: commit.data.sha,
            beforeOid: request.replaces ?? ZERO_OID,
            force: true,
        };
        try {
            await this.graphql(mutation, { input: { repositoryId: await this.repositoryId(), refUpdates: [update] } }, `move ${request.branch}`, true);
        }
        catch (error) {
            const now = await this.branchHeadOrNull(request.branch);
            if (now !== request.replaces)
                return {
                    kind: "conflict",
                    detail: `${request.branch} is at ${now?.slice(0, 12) ?? "nothing"}, not at ${request.replaces?.slice(0, 12) ?? "nothing"}`,
                };
            throw error;
        }
        return { kind: "committed", sha: commit.data.sha };
    }
    async compare(base, head) {
        const { data } = await this.rest(`compare ${base}...${head}`, () => this.octokit.rest.repos.compareCommitsWithBasehead({
            owner: this.owner,
            repo: this.name,
            basehead: `${base}...${head}`,
            per_page: 100,
        }));
        // GitHub lists one page of commits and at most 300 files for a whole comparison.
        const files = data.files ?? [];
        const truncated = data.total_commits > data.commits.length
            ? `GitHub listed ${data.commits.length} of its ${data.total_commits} commits`
            : files.length >= COMPARE_FILE_LIMIT
                ? `GitHub lists at most ${COMPARE_FILE_LIMIT} of its changed files`
                : undefined;
        return {
            ...(truncated ? { truncated } : {}),
            commits: data.commits.map((c) => ({
                sha: c.sha,
                author: `${c.commit.author?.name ?? "unknown"} <${c.commit.author?.email ?? ""}>`,
                message: c.commit.message,
            })),
            files: files.flatMap((f) => (f.previous_filename ? [f.previous_filename, f.filename] : [f.filename])),
        };
    }
    async changeRequestsFrom(head, base) {
        const { data } = await this.rest(`find pull requests from ${head}`, () => this.octokit.rest.pulls.list({
            owner: this.owner,
            repo: this.name,
            head: `${this.owner}:${head}`,
            base,
            state: "all",
            per_page: 30,
        }));
        // The head filter names the owner; the head repository must also be this one, not a fork.
        return data
            .filter((pr) => pr.head.repo?.full_name?.toLowerCase() === this.repo.toLowerCase())
            .map((pr) => summaryOf({ ...pr, merged: Boolean(pr.merged_at) }));
    }
    async createChangeRequest(input) {
        const { labels, reviewers, ...pull } = input;
        const data = await this.rest(`open a pull request from ${input.head}`, () => createOnce({
            what: `open a pull request from ${input.head}`,
            policy: this.policy,
            log: this.log,
            create: async () => (await this.octokit.rest.pulls.create({ owner: this.owner, repo: this.name, ...pull })).data,
            find: async () => {
                const open = (await this.changeRequestsFrom(input.head, input.base)).find((pr) => pr.state === "open");
                return (open &&
                    (await this.octokit.rest.pulls.get({ owner: this.owner, repo: this.name, pull_number: open.number })).data);
            },
        }));
        const issue = { owner: this.owner, repo: this.name, issue_number: data.number };
        if (labels?.length)
            await this.rest(`label pull request #${data.number}`, () => this.octokit.rest.issues.addLabels({ ...issue, labels }));
        if (reviewers?.length)
            await this.rest(`request reviewers on pull request #${data.number}`, () => this.octokit.rest.pulls.requestReviewers({
                owner: this.owner,
                repo: this.name,
                pull_number: data.number,
                reviewers,
            }));
        return { number: data.number, url: data.html_url, title: data.title, body: data.body ?? "" };
    }
    async updateChangeRequest(number, input) {
        const { data } = await this.rest(`update pull request #${number}`, () => this.octokit.rest.pulls.update({
            owner: this.owner,
            repo: this.name,
            pull_number: number,
            title: input.title,
            body: input.body,
        }));
        if (input.labels?.length) {
            const labels = input.labels;
            await this.rest(`label pull request #${number}`, () => this.octokit.rest.issues.addLabels({ owner: this.owner, repo: this.name, issue_number: number, labels }));
        }
        return { number: data.number, url: data.html_url, title: data.title, body: data.body ?? "" };
    }
    async closeChangeRequest(number) {
        await this.rest(`close pull request #${number}`, () => this.octokit.rest.pulls.update({ owner: this.owner, repo: this.name, pull_number: number, state: "closed" }));
    }
    async lastCommitTouching(branch, path) {
        const { data } = await this.rest(`find the last commit on ${branch} that changed ${path}`, () => this.octokit.rest.repos.listCommits({ owner: this.owner, repo: this.name, sha: branch, path, per_page: 1 }));
        const commit = data[0];
        return commit && { sha: commit.sha, date: commit.commit.committer?.date ?? commit.commit.author?.date ?? "" };
    }
    async getChangeRequest(number) {
        const { data } = await this.rest(`read pull request #${number}`, () => this.octokit.rest.pulls.get({ owner: this.owner, repo: this.name, pull_number: number }));
        return { ...summaryOf(data), mergeable: data.mergeable ?? undefined };
    }
    async comment(number, body) {
        const marked = withCommentId(body);
        const issue = { owner: this.owner, repo: this.name, issue_number: number };
        await this.rest(`comment on pull request #${number}`, () => createOnce({
            what: `comment on pull request #${number}`,
            policy: this.policy,
            log: this.log,
            create: async () => (await this.octokit.rest.issues.createComment({ ...issue, body: marked.body })).data,
            find: async () => (await this.octokit.paginate(this.octokit.rest.issues.listComments, { ...issue, per_page: 100 })).find((c) => c.body?.includes(marked.id)),
        }));
    }
    async upsertComment(number, marker, body) {
        const comments = await this.rest(`read comments of pull request #${number}`, () => this.octokit.paginate(this.octokit.rest.issues.listComments, {
            owner: this.owner,
            repo: this.name,
            issue_number: number,
            per_page: 100,
        }));
        const mine = comments.find((c) => c.body?.includes(marker));
        if (!mine) {
            await this.comment(number, body);
            return "created";
        }
        await this.rest(`update comment ${mine.id} on pull request #${number}`, () => this.octokit.rest.issues.updateComment({ owner: this.owner, repo: this.name, comment_id: mine.id, body }));
        return "updated";
    }
    async setCommitStatus(sha, check) {
        const state = check.state === "failure" ? "failure" : check.state;
        await this.rest(`set status ${check.name} on ${sha.slice(0, 12)}`, () => this.octokit.rest.repos.createCommitStatus({
            owner: this.owner,
            repo: this.name,
            sha,
            state,
            context: check.name,
            description: check.description?.slice(0, 140),
            target_url: check.url,
        }));
    }
    /** Every page of both: a commit with more than 100 statuses or check runs hides the rest otherwise. */
    async listCommitChecks(sha) {
        const repo = { owner: this.owner, repo: this.name, ref: sha, per_page: 100 };
        const [statuses, runs] = await Promise.all([
            this.rest(`read statuses of ${sha.slice(0, 12)}`, () => this.combinedStatuses(sha)),
            this.rest(`read check runs of ${sha.slice(0, 12)}`, () => this.octokit.paginate(this.octokit.rest.checks.listForRef, repo)),
        ]);
        return [
            ...statuses.map((s) => ({
                name: s.context,
                state: (s.state === "success" ? "success" : s.state === "pending" ? "pending" : "failure"),
                description: s.description ?? undefined,
                url: s.target_url ?? undefined,
            })),
            ...runs.map((r) => ({
                name: r.name,
                state: checkRunState(r.status, r.conclusion),
                description: r.output?.title ?? undefined,
                url: r.html_url ?? undefined,
            })),
        ];
    }
    /** The combined status is not a plain list (octokit.paginate cannot walk it): its pages, by number. */
    async combinedStatuses(sha) {
        const all = [];
        for (let page = 1;; page++) {
            const { data } = await this.octokit.rest.repos.getCombinedStatusForRef({
                owner: this.owner,
                repo: this.name,
                ref: sha,
                per_page: 100,
                page,
            });
            all.push(...data.statuses);
            if (data.statuses.length < 100 || all.length >= data.total_count)
                return all;
        }
    }
    /**
     * A check run with every finding as an annotation. Only GitHub Apps may write check runs (a
     * PAT or OAuth token is refused, whatever its scopes): then the verdict becomes a commit status
     * of the same name, which branch protection can require just the same, without annotations.
     */
    async publishCheck(sha, check) {
        try {
            return { as: "check-run", url: await this.createCheckRun(sha, check) };
        }
        catch (error) {
            if (!(error instanceof ChecksNeedAppError))
                throw error;
            await this.setCommitStatus(sha, {
                name: check.name,
                state: check.passed ? "success" : "failure",
                description: check.title,
                url: check.detailsUrl,
            });
            return {
                as: "commit-status",
                url: check.detailsUrl,
                fallback: `GitHub lets only GitHub App tokens create check runs (${error.message}): published the commit status ${check.name} instead, which branch protection can require the same way; its findings are not annotated on the diff. Use Actions' GITHUB_TOKEN or a GitHub App installation token for the check run.`,
            };
        }
    }
    /** GitHub accepts at most 50 annotations per request: the first batch creates the run, the rest update it. */
    async createCheckRun(sha, check) {
        const batches = batchesOf(check.annotations, 50);
        const output = (annotations) => ({
            title: check.title,
            summary: check.summary.slice(0, 65_000),
            annotations: annotations.map((a) => ({
                path: a.path,
                start_line: a.line,
                end_line: a.line,
                start_column: a.column,
                end_column: a.column,
                annotation_level: a.level,
                title: a.title,
                message: a.message,
            })),
        });
        const { data } = await this.checksCall(`create check run ${check.name}`, () => this.octokit.rest.checks.create({
            owner: this.owner,
            repo: this.name,
            name: check.name,
            head_sha: sha,
            status: "completed",
            conclusion: check.passed ? "success" : "failure",
            details_url: check.detailsUrl,
            output: output(batches[0] ?? []),
        }));
        for (const batch of batches.slice(1)) {
            await this.checksCall(`add annotations to check run ${check.name}`, () => this.octokit.rest.checks.update({
                owner: this.owner,
                repo: this.name,
                check_run_id: data.id,
                output: output(batch),
            }));
        }
        return data.html_url ?? undefined;
    }
    /** The checks API's 403 for a token that is not an App's is its own error, so the caller can fall back. */
    async checksCall(what, call) {
        try {
            return await call();
        }
        catch (error) {
            const message = error.response?.data?.message ?? "";
            if (error.status === 403 && /GitHub App|personal access token/i.test(message))
                throw new ChecksNeedAppError(`403 ${message}`);
            throw this.describe(error, what);
        }
    }
    async merge(number, method, expectedHeadSha) {
        const { data } = await this.rest(`merge pull request #${number}`, () => this.octokit.rest.pulls.merge({
            owner: this.owner,
            repo: this.name,
            pull_number: number,
            merge_method: method,
            sha: expectedHeadSha,
        }));
        return { sha: data.sha };
    }
    async enableAutoMerge(number, method, expectedHeadSha) {
        const { data } = await this.rest(`read pull request #${number}`, () => this.octokit.rest.pulls.get({ owner: this.owner, repo: this.name, pull_number: number }));
        const mutation = `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!, $head: GitObjectID!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod, expectedHeadOid: $head }) { clientMutationId }
}`;
        try {
            await this.graphql(mutation, { id: data.node_id, mergeMethod: method.toUpperCase(), head: expectedHeadSha }, `enable auto-merge on #${number}`);
        }
        catch (error) {
            const message = error.message;
            if (/auto ?merge is not allowed|not allowed for this repository/i.test(message)) {
                throw new forge/* ForgeError */.Q8(`${this.repo} does not allow auto-merge: enable "Allow auto-merge" in the repository settings (${message})`);
            }
            if (/(clean|unstable) status/i.test(message))
                throw new forge/* AlreadyMergeableError */.$H(`#${number} can merge now: GitHub has no required check to wait for (${message})`);
            if (/protected branch rules/i.test(message)) {
                throw new forge/* ForgeError */.Q8(`auto-merge needs branch protection with required checks on the base branch of #${number}; without it GitHub merges only by hand (${message})`);
            }
            throw error;
        }
    }
    release;
    /**
     * GHES names its release on every response (`x-github-enterprise-version`); github.com sends
     * none. Noted from the first answer, logged, and refused below the minimum.
     */
    noteRelease(headers) {
        if (this.release)
            return;
        const version = headers["x-github-enterprise-version"];
        this.release = checkRelease(typeof version === "string" ? { product: "GitHub Enterprise Server", version } : { product: "github.com" }, this.apiUrl, "GraphQL updateRefs moves promotion branches");
        this.log(`host: ${this.release}`);
    }
    /** A run whose first request writes asks `GET /meta` first, so an unsupported release writes nothing. */
    releaseBeforeWriting = once(async () => {
        if (!this.release)
            await this.rest("read the host's release", () => this.octokit.rest.meta.get());
    });
    repositoryNodeId;
    /** The repository's GraphQL node id, which updateRefs takes; read once. */
    repositoryId() {
        this.repositoryNodeId ??= this.graphql(`query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id } }`, { owner: this.owner, name: this.name }, "read the repository id").then((data) => {
            if (!data.repository)
                throw new forge/* ForgeError */.Q8(`repository ${this.repo} not found, or the token cannot see it`, 404);
            return data.repository.id;
        });
        return this.repositoryNodeId;
    }
    async branchHeadOrNull(branch) {
        try {
            return (await this.readFiles(branch, [])).head;
        }
        catch (error) {
            if (error instanceof forge/* BranchNotFoundError */.EJ)
                return null;
            throw error;
        }
    }
    async rest(what, call) {
        try {
            return await call();
        }
        catch (error) {
            throw this.describe(error, what);
        }
    }
    async graphql(query, variables, what, mutation = false) {
        try {
            // @octokit/graphql posts to `${baseUrl}/graphql`.
            return await this.octokit.graphql(query, { ...variables, baseUrl: this.graphqlUrl.replace(/\/graphql$/, "") });
        }
        catch (error) {
            const errors = error.errors;
            if (mutation && errors?.some((e) => e.type === "STALE_DATA"))
                throw new StaleHead(errors[0]?.message ?? "stale head");
            if (errors?.some((e) => e.type === "NOT_FOUND")) {
                throw new forge/* ForgeError */.Q8(`${what}: repository ${this.repo} not found, or the token cannot see it (${errors[0]?.message})`, 404);
            }
            if (errors?.length)
                throw new forge/* ForgeError */.Q8(`${what} in ${this.repo} failed: ${errors.map((e) => e.message).join("; ")}`);
            throw this.describe(error, what);
        }
    }
    describe(error, what) {
        return forgeErrorOf(error, what, {
            product: "GitHub",
            repo: this.repo,
            needs: "contents and pull-requests write access",
        });
    }
}
function summaryOf(pr) {
    return {
        number: pr.number,
        url: pr.html_url,
        title: pr.title,
        body: pr.body ?? "",
        state: pr.merged ? "merged" : pr.state === "open" ? "open" : "closed",
        headSha: pr.head.sha,
    };
}
/** A check run is pending until completed; neutral and skipped block nothing and pass nothing. */
function checkRunState(status, conclusion) {
    if (status !== "completed")
        return "pending";
    if (conclusion === "success")
        return "success";
    return conclusion === "neutral" || conclusion === "skipped" ? "neutral" : "failure";
}
/** Whether a request changes something: any REST method but GET/HEAD, and GraphQL mutations. */
/** The checks API refused the token because it is not a GitHub App's. */
class ChecksNeedAppError extends Error {
}
/** createCommitOnBranch's STALE_DATA: the branch head is no longer the expected one. */
class StaleHead extends Error {
}

;// CONCATENATED MODULE: ./src/forge/gitlab-client.ts


/** The POSTs that make a new object each time: never resent blindly (createOnce looks first). */
const gitlab_client_CREATES = /\/(merge_requests|notes)$/;
/**
 * gitbeaker over the suite's transport (its retrying fetch and policy, errors with their status),
 * loaded on first use: it is large, and GitHub and local runs never pay for it. The Forge methods
 * live in gitlab.ts.
 */
function gitlabClient(settingsOf) {
    let client;
    return () => {
        const settings = settingsOf();
        client ??= Promise.all([Promise.all(/* import() */[__webpack_require__.e(3888), __webpack_require__.e(5833), __webpack_require__.e(5407)]).then(__webpack_require__.bind(__webpack_require__, 65833)), Promise.all(/* import() */[__webpack_require__.e(3888), __webpack_require__.e(7788)]).then(__webpack_require__.bind(__webpack_require__, 33888))]).then(([core, utils]) => new core.Gitlab({
            host: settings.host,
            token: settings.token,
            requesterFn: utils.createRequesterFn((_, requestOptions) => Promise.resolve(requestOptions), transport(settings)),
        }));
        return client;
    };
}
function transport(settings) {
    return async (endpoint, options = {}) => {
        const { prefixUrl, searchParams, method, headers, body, asStream } = options;
        const url = new URL(endpoint, prefixUrl?.endsWith("/") ? prefixUrl : `${prefixUrl}/`);
        url.search = searchParams ?? "";
        if (method !== undefined && method !== "GET")
            await settings.beforeWrite();
        // Creating POSTs are retried by createOnce, which looks for the object first.
        const creates = method === "POST" && gitlab_client_CREATES.test(url.pathname);
        const policy = creates ? { ...settings.policy, maxRetries: 0 } : settings.policy;
        const response = await retryingFetch(url, { method, headers, body }, policy, settings.log);
        const text = asStream ? "" : await response.text();
        const parsed = text && (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text;
        if (!response.ok) {
            const message = typeof parsed === "object" ? (parsed.message ?? parsed.error) : parsed;
            throw new HttpStatusError(typeof message === "string" ? message : JSON.stringify(message), response.status);
        }
        return { body: parsed, headers: Object.fromEntries(response.headers.entries()), status: response.status };
    };
}

;// CONCATENATED MODULE: ./src/forge/gitlab.ts










/** Paths per `blobs` query: 50 cost about 130 of GitLab's 250 complexity points. */
const gitlab_READ_BATCH = 50;
/** GitLab's words when a per-file last_commit_id check fails, or a concurrent ref update won. */
const CONFLICT = /has changed since you started editing it|refresh and try again/i;
/**
 * GitLab through REST v4 (gitbeaker, with the suite's own requester: proxy, bounded retries) and
 * GraphQL for reading several files in one request.
 */
class GitLabForge {
    kind = "gitlab";
    repo;
    host;
    graphqlUrl;
    token;
    policy;
    log;
    constructor(options) {
        if (!/^[^/]+(\/[^/]+)+$/.test(options.repo))
            throw new forge/* ForgeError */.Q8(`GitLab project "${options.repo}" must be group/project`);
        this.repo = options.repo;
        this.token = options.token;
        this.policy = options.retry ?? retry_policy/* DEFAULT_RETRY_POLICY */.cO;
        this.log = options.log ?? (() => undefined);
        const apiUrl = options.apiUrl.replace(/\/+$/, "");
        const host = apiUrl.replace(/\/api\/v4$/, "");
        this.graphqlUrl = options.graphqlUrl ?? `${host}/api/graphql`;
        this.host = host;
    }
    /** gitbeaker, loaded on first use, over the suite's transport (gitlab-client.ts). */
    api = gitlabClient(() => ({
        host: this.host,
        token: this.token,
        policy: this.policy,
        log: this.log,
        beforeWrite: () => this.release(),
    }));
    /**
     * Reads at the head commit (not the branch name), so contents and head stay consistent across
     * batches. GitLab caps a query's complexity (250; `blobs` costs about two a path) and a page at
     * 100 nodes (the rest silently dropped): paths go in batches of READ_BATCH, in parallel.
     */
    async readFiles(branch, paths) {
        const head = await this.branchHead(branch);
        const read = await Promise.all(batchesOf(paths, gitlab_READ_BATCH).map((batch) => this.readBlobs(head, batch)));
        return { branch, head, files: new Map(read.flat()) };
    }
    /** One batch: fewer paths than a page holds (100 nodes), so one request reads them all. */
    async readBlobs(ref, paths) {
        const query = `query($project: ID!, $ref: String!, $paths: [String!]!) {
  project(fullPath: $project) { repository { blobs(ref: $ref, paths: $paths) { nodes { path rawBlob } } } }
}`;
        const data = await this.graphql(query, { project: this.repo, ref, paths });
        if (!data.project)
            throw new forge/* ForgeError */.Q8(`GitLab project ${this.repo} not found, or the token cannot see it`, 404);
        return data.project.repository.blobs.nodes.map((n) => [n.path, n.rawBlob]);
    }
    /**
     * `last_commit_id` guards each file: GitLab refuses the commit if the file's last commit on the
     * branch is not the one it was read at. Current GitLab takes any commit and compares the file's
     * last commit as of it, so the snapshot's head does; older releases compare the value with the
     * file's last commit itself, so the head fails whenever the head commit did not touch the file.
     * The head is sent first (one request on current GitLab); a refusal is tried once more with each
     * file's own last commit as of the snapshot, which is right under both rules, so only a file
     * that really changed is a conflict.
     */
    async commitFiles(request) {
        const actions = (lastCommitIds) => request.changes.map((c, i) => ({
            action: "update",
            filePath: c.path,
            content: c.content,
            lastCommitId: lastCommitIds[i],
        }));
        const first = await this.createCommit(request.branch, request.message, actions(request.changes.map(() => request.expectedHead)), {});
        if (first.kind === "committed")
            return first;
        const own = await Promise.all(request.changes.map(async (c) => (await this.lastCommitTouching(request.expectedHead, c.path))?.sha));
        return this.createCommit(request.branch, request.message, actions(own), {});
    }
    /**
     * One request: the commit on `parent` (start_sha) with force, which GitLab makes and points the
     * branch at together; a failure leaves the branch as it was. GitLab has no compare-and-swap on
     * a branch, so the head is checked just before: a push in the gap of one request is the window.
     */
    async replaceBranch(request) {
        const now = await this.branchHead(request.branch).catch((error) => {
            if (error instanceof forge/* BranchNotFoundError */.EJ)
                return null;
            throw error;
        });
        if (now !== request.replaces)
            return {
                kind: "conflict",
                detail: `${request.branch} is at ${now?.slice(0, 12) ?? "nothing"}, not at ${request.replaces?.slice(0, 12) ?? "nothing"}`,
            };
        const actions = request.changes.map((c) => ({ action: "update", filePath: c.path, content: c.content }));
        return this.createCommit(request.branch, request.message, actions, { startSha: request.parent, force: true });
    }
    async createCommit(branch, message, actions, options) {
        try {
            const commit = await (await this.api()).Commits.create(this.repo, branch, message, actions, options);
            return { kind: "committed", sha: String(commit.id) };
        }
        catch (error) {
            const status = error.status;
            if ((status === 400 || status === 409) && CONFLICT.test(error.message)) {
                return { kind: "conflict", detail: error.message };
            }
            throw this.describe(error, `commit to ${branch}`);
        }
    }
    async compare(base, head) {
        const result = (await this.call(`compare ${base}...${head}`, async () => (await this.api()).Repositories.compare(this.repo, base, head, { straight: false })));
        // GitLab lists the compare's commits newest first.
        const commits = [...(result.commits ?? [])].reverse();
        return {
            commits: commits.map((c) => ({
                sha: c.id,
                author: `${c.author_name ?? "unknown"} <${c.author_email ?? ""}>`,
                message: c.message ?? "",
            })),
            files: [...new Set((result.diffs ?? []).flatMap((d) => [d.old_path, d.new_path]))],
        };
    }
    async changeRequestsFrom(head, base) {
        const list = (await this.call(`find merge requests from ${head}`, async () => (await this.api()).MergeRequests.all({
            projectId: this.repo,
            sourceBranch: head,
            targetBranch: base,
            orderBy: "created_at",
            sort: "desc",
            perPage: 30,
            maxPages: 1,
        })));
        // GitLab matches source_branch by name in every project: an MR from a fork is not ours.
        return list
            .filter((mr) => mr.source_project_id === mr.target_project_id)
            .map((mr) => ({
            ...toChangeRequest(mr),
            state: mr.state === "merged" ? "merged" : mr.state === "opened" ? "open" : "closed",
            headSha: String(mr.sha ?? ""),
        }));
    }
    async createChangeRequest(input) {
        const reviewerIds = input.reviewers?.length ? await this.userIds(input.reviewers) : undefined;
        const title = input.draft && !/^draft:/i.test(input.title) ? `Draft: ${input.title}` : input.title;
        const mr = await this.call(`open a merge request from ${input.head}`, async () => createOnce({
            what: `open a merge request from ${input.head}`,
            policy: this.policy,
            log: this.log,
            create: async () => (await this.api()).MergeRequests.create(this.repo, input.head, input.base, title, {
                description: input.body,
                labels: input.labels?.length ? input.labels.join(",") : undefined,
                reviewerIds,
            }),
            find: async () => {
                const open = (await this.changeRequestsFrom(input.head, input.base)).find((mr) => mr.state === "open");
                return open && this.mergeRequest(open.number);
            },
        }));
        return toChangeRequest(mr);
    }
    async closeChangeRequest(number) {
        await this.call(`close merge request !${number}`, async () => (await this.api()).MergeRequests.edit(this.repo, number, { stateEvent: "close" }));
    }
    async lastCommitTouching(branch, path) {
        const commits = (await this.call(`find the last commit on ${branch} that changed ${path}`, async () => (await this.api()).Commits.all(this.repo, { refName: branch, path, perPage: 1, maxPages: 1 })));
        const commit = commits[0];
        return commit && { sha: commit.id, date: commit.committed_date ?? "" };
    }
    /** GitLab takes reviewers as user ids: each name is looked up once. */
    async userIds(usernames) {
        return Promise.all(usernames.map(async (username) => {
            const users = (await this.call(`look up user ${username}`, async () => (await this.api()).Users.all({ username })));
            const user = users[0];
            if (!user)
                throw new forge/* ForgeError */.Q8(`no GitLab user named "${username}" to ask for review`);
            return user.id;
        }));
    }
    async updateChangeRequest(number, input) {
        const mr = await this.call(`update merge request !${number}`, async () => (await this.api()).MergeRequests.edit(this.repo, number, {
            title: input.title,
            description: input.body,
            addLabels: input.labels?.length ? input.labels.join(",") : undefined,
        }));
        return toChangeRequest(mr);
    }
    async getChangeRequest(number) {
        const mr = await this.mergeRequest(number);
        return {
            ...toChangeRequest(mr),
            state: mr.state === "merged" ? "merged" : mr.state === "opened" ? "open" : "closed",
            headSha: String(mr.sha ?? ""),
            ...mergeability(mr),
        };
    }
    async comment(number, body) {
        const marked = withCommentId(body);
        await this.call(`comment on merge request !${number}`, async () => createOnce({
            what: `comment on merge request !${number}`,
            policy: this.policy,
            log: this.log,
            create: async () => (await this.api()).MergeRequestNotes.create(this.repo, number, marked.body),
            find: async () => (await (await this.api()).MergeRequestNotes.all(this.repo, number, { perPage: 100 })).find((n) => n.body.includes(marked.id)),
        }));
    }
    async upsertComment(number, marker, body) {
        const notes = (await this.call(`read notes of merge request !${number}`, async () => (await this.api()).MergeRequestNotes.all(this.repo, number, { perPage: 100 })));
        const mine = notes.find((n) => !n.system && n.body.includes(marker));
        if (!mine) {
            await this.comment(number, body);
            return "created";
        }
        await this.call(`update note ${mine.id} on merge request !${number}`, async () => (await this.api()).MergeRequestNotes.edit(this.repo, number, mine.id, { body }));
        return "updated";
    }
    /**
     * GitLab answers 409 "Another update to this commit status is in progress" while a pipeline
     * writes the same status: that is retried with backoff, within the retry policy.
     */
    async setCommitStatus(sha, check) {
        const state = check.state === "failure" ? "failed" : check.state;
        const what = `set status ${check.name} on ${sha.slice(0, 12)}`;
        let busy;
        // 409: GitLab is updating this status for another request; it answers the retry.
        await (0,retry/* retry */.L)({
            ...(0,retry_policy/* planOf */.XC)(this.policy),
            onWait: (n, delay) => this.log(`status ${check.name} on ${sha.slice(0, 12)} is being updated elsewhere (409); retry ${n} in ${delay} ms`),
        }, async () => {
            try {
                await (await this.api()).Commits.editStatus(this.repo, sha, state, {
                    name: check.name,
                    description: check.description?.slice(0, 255),
                    targetUrl: check.url,
                });
                return { done: true, value: true };
            }
            catch (error) {
                if (error.status !== 409)
                    throw this.describe(error, what);
                busy = error;
                return { done: false, why: "409" };
            }
        }, () => {
            throw this.describe(busy, what);
        });
    }
    async listCommitChecks(sha) {
        const statuses = (await this.call(`read statuses of ${sha.slice(0, 12)}`, async () => (await this.api()).Commits.allStatuses(this.repo, sha)));
        // Every status ever set, oldest first (ascending id); a name set twice (a push pipeline and
        // an MR pipeline) counts as its newest.
        const newest = new Map();
        for (const s of statuses) {
            const seen = newest.get(s.name);
            if (!seen || (s.id ?? 0) >= (seen.id ?? 0))
                newest.set(s.name, s);
        }
        return [...newest.values()].map((s) => ({
            name: s.name,
            state: statusState(s),
            description: s.description ?? undefined,
            url: s.target_url ?? undefined,
        }));
    }
    /** GitLab has no annotated checks: a commit status carries the verdict (findings go to Code Quality). */
    async publishCheck(sha, check) {
        await this.setCommitStatus(sha, {
            name: check.name,
            state: check.passed ? "success" : "failure",
            description: check.title,
            url: check.detailsUrl,
        });
        return { as: "commit-status", url: check.detailsUrl };
    }
    async merge(number, method, expectedHeadSha) {
        // GitLab's merge method (merge commit, semi-linear, fast-forward) is a project setting;
        // squash is the only per-merge choice the API takes.
        const mr = (await this.call(`merge merge request !${number}`, async () => (await this.api()).MergeRequests.accept(this.repo, number, { squash: method === "squash", sha: expectedHeadSha })));
        return { sha: String(mr.squash_commit_sha ?? mr.merge_commit_sha ?? mr.sha ?? "") };
    }
    async enableAutoMerge(number, method, expectedHeadSha) {
        // Sent before the MR has a pipeline, auto_merge merges at once: refuse rather than merge untested.
        const mr = await this.mergeRequest(number);
        if (!mr.head_pipeline) {
            throw new forge/* NoPipelineYetError */.yu(`merge request !${number} has no pipeline yet; setting auto-merge now would merge it at once, untested`);
        }
        await this.call(`enable auto-merge on !${number}`, async () => (await this.api()).MergeRequests.accept(this.repo, number, {
            // auto_merge from GitLab 17.11; older releases read only merge_when_pipeline_succeeds
            // and take an unknown auto_merge as "merge now". Newer ones still read the old name.
            autoMerge: true,
            mergeWhenPipelineSucceeds: true,
            squash: method === "squash",
            sha: expectedHeadSha,
        }));
    }
    async mergeRequest(number) {
        return (await this.call(`read merge request !${number}`, async () => (await this.api()).MergeRequests.show(this.repo, number)));
    }
    async branchHead(branch) {
        try {
            const found = await (await this.api()).Branches.show(this.repo, branch);
            return String(found.commit.id);
        }
        catch (error) {
            if (error.status === 404 && /branch/i.test(error.message)) {
                throw new forge/* BranchNotFoundError */.EJ(`branch "${branch}" does not exist in ${this.repo}`, 404);
            }
            throw this.describe(error, `read ${branch}`);
        }
    }
    async graphql(query, variables) {
        const response = await retryingFetch(this.graphqlUrl, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
            body: JSON.stringify({ query, variables }),
        }, this.policy, this.log);
        const body = (await response.json().catch(() => ({})));
        if (!response.ok)
            throw this.describe(new HttpStatusError(body.message ?? response.statusText, response.status), "GraphQL read");
        if (body.errors?.length || !body.data) {
            throw new forge/* ForgeError */.Q8(`reading ${this.repo} failed: ${(body.errors ?? []).map((e) => e.message).join("; ")}`);
        }
        return body.data;
    }
    async call(what, request) {
        try {
            return await request();
        }
        catch (error) {
            throw this.describe(error, what);
        }
    }
    /**
     * The instance's release (`GET /version`, on every release; a mirror of `/metadata` from 15.5),
     * read once, before the first write: logged, and refused below the minimum. A token that may
     * not read it is no reason to stop; that is logged too.
     */
    release = once(async () => {
        let version;
        try {
            const response = await retryingFetch(`${this.host}/api/v4/version`, { headers: { "private-token": this.token } }, this.policy, this.log);
            if (response.ok)
                version = (await response.json()).version;
            else
                this.log(`GitLab did not say its release (${response.status} on /version); going on`);
        }
        catch (error) {
            this.log(`GitLab did not say its release (${error.message}); going on`);
        }
        if (version)
            this.log(`host: ${checkRelease({ product: "GitLab", version }, this.host, "see docs/hosts.md")}`);
    });
    describe(error, what) {
        return forgeErrorOf(error, what, {
            product: "GitLab",
            repo: this.repo,
            needs: "the api scope and Developer role or more",
        });
    }
}
/**
 * What `detailed_merge_status` says about merging now. Only these mean it cannot merge without
 * someone changing the MR; every other state (checking, unchecked, ci_still_running,
 * ci_must_pass, preparing, approvals_syncing, not_approved, policy states…) is a wait.
 */
const CANNOT_MERGE = new Set(["conflict", "need_rebase", "broken_status", "not_open", "draft_status"]);
function mergeability(mr) {
    const status = mr.detailed_merge_status;
    // Before GitLab 15.6 there is only merge_status: can_be_merged, cannot_be_merged, unchecked, checking.
    if (status === undefined) {
        const legacy = mr.merge_status;
        if (legacy === "can_be_merged")
            return { mergeable: true, mergeState: legacy };
        return { mergeable: legacy === "cannot_be_merged" ? false : undefined, mergeState: legacy };
    }
    if (status === "mergeable")
        return { mergeable: true, mergeState: status };
    return { mergeable: CANNOT_MERGE.has(status) ? false : undefined, mergeState: status };
}
/** Jobs waiting for a person or a schedule, skipped, or allowed to fail block no merge on GitLab. */
function statusState(s) {
    if (s.status === "success")
        return "success";
    if (s.status === "failed")
        return s.allow_failure ? "neutral" : "failure";
    if (s.status === "canceled")
        return "failure";
    return ["manual", "skipped", "scheduled", "created"].includes(s.status) ? "neutral" : "pending";
}
function toChangeRequest(mr) {
    return { number: mr.iid, url: mr.web_url ?? mr.webUrl ?? "", title: mr.title, body: mr.description ?? "" };
}

;// CONCATENATED MODULE: ./src/forge/connect.ts




/** The forge the runner implies: GitHub Actions, GitLab CI, or a GitLab-looking API URL. */
function detectForgeKind(env, apiUrl) {
    if (apiUrl?.includes("/api/v4"))
        return "gitlab";
    if (env.GITHUB_ACTIONS === "true")
        return "github";
    if (env.GITLAB_CI === "true")
        return "gitlab";
    if (apiUrl)
        return "github";
    throw new errors/* UsageError */.eb("cannot tell whether the config repo is on GitHub or GitLab: give --forge github|gitlab");
}
/**
 * The token from the environment: the variable named by --token-variable, else GITOPS_TOKEN, else the
 * forge's usual one (GITHUB_TOKEN, GITLAB_TOKEN). Registered for redaction the moment it is read.
 */
function readToken(kind, env, tokenEnv) {
    const names = tokenEnv ? [tokenEnv] : ["GITOPS_TOKEN", kind === "github" ? "GITHUB_TOKEN" : "GITLAB_TOKEN"];
    for (const name of names) {
        const value = env[name]?.trim();
        if (value) {
            (0,secrets/* registerSecret */.cl)(value);
            return value;
        }
    }
    throw new errors/* UsageError */.eb(`no token for the config repo: set ${names.join(" or ")} (the token itself never goes on the command line)`);
}
/**
 * An API URL with `user:password@` would send that password to the host on every request and
 * print it in every error: it is registered for redaction at once and refused.
 */
function checkApiUrl(url, shown) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* UsageError */.eb(`${shown} is not a URL`);
    }
    if (parsed.username || parsed.password) {
        for (const part of [parsed.password, parsed.username, decodeURIComponent(parsed.password)])
            (0,secrets/* registerSecret */.cl)(part);
        throw new errors/* UsageError */.eb(`${shown} carries credentials (${(0,secrets/* redact */.E$)(url)}): remove them; the token goes in GITOPS_TOKEN (or --token-variable), never in a URL`);
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
        throw new errors/* UsageError */.eb(`${shown} must be an http(s) URL, not ${parsed.protocol}`);
    return url;
}
function connectForge(options) {
    const env = options.env ?? process.env;
    const kind = options.kind ?? detectForgeKind(env, options.apiUrl);
    (0,secrets/* registerSecret */.cl)(options.token);
    if (options.apiUrl)
        checkApiUrl(options.apiUrl, "--api-url");
    if (kind === "github") {
        const fromEnv = !options.apiUrl && env.GITHUB_API_URL;
        const apiUrl = options.apiUrl ?? env.GITHUB_API_URL ?? "https://api.github.com";
        return new GitHubForge({
            repo: options.repo,
            token: options.token,
            apiUrl: checkApiUrl(apiUrl, options.apiUrl ? "--api-url" : "GITHUB_API_URL"),
            graphqlUrl: fromEnv ? env.GITHUB_GRAPHQL_URL : undefined,
            retry: options.retry,
            log: options.log,
            contentLimits: options.contentLimits,
        });
    }
    const serverApi = env.CI_API_V4_URL ?? (env.CI_SERVER_URL ? `${env.CI_SERVER_URL}/api/v4` : undefined);
    return new GitLabForge({
        repo: options.repo,
        token: options.token,
        apiUrl: checkApiUrl(options.apiUrl ?? serverApi ?? "https://gitlab.com/api/v4", options.apiUrl ? "--api-url" : "CI_API_V4_URL"),
        graphqlUrl: options.apiUrl ? undefined : env.CI_API_GRAPHQL_URL,
        retry: options.retry,
        log: options.log,
    });
}


/***/ }),

/***/ 76576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $H: () => (/* binding */ AlreadyMergeableError),
/* harmony export */   EJ: () => (/* binding */ BranchNotFoundError),
/* harmony export */   Q8: () => (/* binding */ ForgeError),
/* harmony export */   yu: () => (/* binding */ NoPipelineYetError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/** The host answered with an error the user must act on (auth, permission, missing repo or branch). */
class ForgeError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitopsCiError */ .p {
    status;
    name = "ForgeError";
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** The branch to read or commit to does not exist. */
class BranchNotFoundError extends ForgeError {
    name = "BranchNotFoundError";
}
/**
 * Auto-merge cannot be set because the PR can merge already (GitHub's "clean status" or
 * "unstable status": nothing required is pending), so the host would never wait for anything.
 */
class AlreadyMergeableError extends ForgeError {
    name = "AlreadyMergeableError";
}
/** Auto-merge cannot be set yet: the change request has no pipeline, so it would merge at once. */
class NoPipelineYetError extends ForgeError {
    name = "NoPipelineYetError";
}


/***/ }),

/***/ 51668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   XC: () => (/* binding */ planOf),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
const DEFAULT_RETRY_POLICY = {
    maxRetries: 5,
    maxElapsedMs: 60_000,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
    maxRateLimitWaitMs: 60_000,
    maxRateLimitTotalWaitMs: 180_000,
    requestTimeoutMs: 30_000,
};
/** Full jitter: a random delay in [0, min(cap, base * 2^retry)), never below 1 ms. */
function backoffDelay(policy, retry, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
    return Math.max(1, Math.floor(random() * ceiling));
}
/** The policy as a retry plan (src/retry.ts): its attempts, time bound, backoff and longest rate-limit wait. */
function planOf(policy) {
    return {
        maxRetries: policy.maxRetries,
        deadlineMs: policy.maxElapsedMs,
        backoff: policy,
        maxAskedWaitMs: policy.maxRateLimitWaitMs,
    };
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}


/***/ }),

/***/ 49809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
/* harmony import */ var _forge_retry_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51668);

/**
 * The one retry loop of the suite: HTTP retries, compare-and-swap rounds, polling. `attempt` says
 * whether it is done; errors it throws are final. When the plan allows no more attempts,
 * `exhausted` decides: throw a typed error, or return a last answer.
 */
async function retry(plan, attempt, exhausted) {
    const startedAt = Date.now();
    for (let n = 1;; n++) {
        const outcome = await attempt(n);
        if (outcome.done)
            return outcome.value;
        const asked = outcome.waitMs;
        const delay = asked ?? (0,_forge_retry_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .backoffDelay */ .EY)(plan.backoff, Math.min(n - 1, 30));
        const elapsedMs = Date.now() - startedAt;
        const tooLong = asked !== undefined && plan.maxAskedWaitMs !== undefined && asked > plan.maxAskedWaitMs;
        if (tooLong || n > plan.maxRetries || elapsedMs + delay > plan.deadlineMs)
            return exhausted({ attempts: n, elapsedMs, why: outcome.why });
        plan.onWait?.(n, delay, outcome.why);
        await (0,_forge_retry_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(delay);
    }
}


/***/ })

};
