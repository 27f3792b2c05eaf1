export const id = 6167;
export const ids = [6167];
export const modules = {

/***/ 36167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  setImageRemote: () => (/* binding */ setImageRemote)
});

// UNUSED EXPORTS: ConflictTimeoutError, proposalBranch

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(49809);
// EXTERNAL MODULE: ./src/kustomize/image-ref.ts
var image_ref = __webpack_require__(72198);
// EXTERNAL MODULE: ./src/kustomize/kustomization-file.ts
var kustomization_file = __webpack_require__(53625);
// EXTERNAL MODULE: ./src/kustomize/snapshot-kustomization.ts
var snapshot_kustomization = __webpack_require__(26011);
// EXTERNAL MODULE: ./src/kustomize/set-images.ts
var set_images = __webpack_require__(77226);
// EXTERNAL MODULE: ./src/pins/set-pins.ts + 2 modules
var set_pins = __webpack_require__(80383);
// EXTERNAL MODULE: ./src/messages/template.ts
var messages_template = __webpack_require__(50632);
;// CONCATENATED MODULE: ./src/messages/commit-message.ts

/**
 * Fills a commit message template: {images}, {paths}, {source_repo}, {source_sha}, {run_url}.
 * The default links back to the app-repo commit and the CI run when they are known.
 */
function renderCommitMessage(template, values) {
    const fields = {
        images: values.images.join(", "),
        paths: values.paths.join(", "),
        source_repo: values.source.repo ?? "",
        source_sha: values.source.sha ?? "",
        run_url: values.source.runUrl ?? "",
    };
    if (template === undefined)
        return defaultMessage(fields.images, fields.paths, values.source);
    return (0,messages_template/* fillTemplate */.o)("--message", template, fields);
}
function defaultMessage(images, paths, source) {
    const lines = [`set-image: ${images}`, "", `Kustomizations: ${paths}`];
    if (source.commitUrl)
        lines.push(`Source: ${source.commitUrl}`);
    else if (source.repo)
        lines.push(`Source: ${source.repo}${source.sha ? `@${source.sha}` : ""}`);
    if (source.runUrl)
        lines.push(`Run: ${source.runUrl}`);
    return lines.join("\n");
}

// EXTERNAL MODULE: ./src/messages/markdown.ts
var markdown = __webpack_require__(89751);
// EXTERNAL MODULE: ./src/proposal/branch-name.ts
var branch_name = __webpack_require__(37058);
// EXTERNAL MODULE: ./src/proposal/ownership.ts
var ownership = __webpack_require__(15735);
// EXTERNAL MODULE: ./src/commands/set-image.ts + 1 modules
var set_image = __webpack_require__(17626);
;// CONCATENATED MODULE: ./src/commands/set-image-remote.ts












/** The compare-and-swap kept failing until the time ran out. */
class ConflictTimeoutError extends errors/* GitopsCiError */.p {
    name = "ConflictTimeoutError";
}
const CONFLICT_BACKOFF = { baseDelayMs: 100, maxDelayMs: 3_000 };
/**
 * Reads every kustomization in one request, edits them in memory, and commits all changes in one
 * atomic request that only lands if nobody changed the files meanwhile; on a conflict it starts
 * over from the new content, with jittered backoff, until `timeoutMs`.
 */
async function setImageRemote(options) {
    if (options.paths.length === 0)
        throw new errors/* UsageError */.eb("give at least one --path (a kustomization directory, or a file that pins images)");
    if (options.images.length === 0)
        throw new errors/* UsageError */.eb("give at least one --image (NAME:TAG, NAME@DIGEST, ...)");
    const specs = (0,image_ref/* parseImageSpecs */.P8)(options.images);
    const pinOptions = (0,set_pins/* pinOptionsOf */.pd)(options.pins ?? {});
    const dirs = [...new Set(options.paths.map(kustomization_file/* normalizeKustomizationPath */.Kn))];
    const candidates = (0,snapshot_kustomization/* editCandidates */.d$)(dirs);
    const message = renderCommitMessage(options.message, {
        images: specs.map((s) => s.raw),
        paths: dirs,
        source: options.source ?? {},
    });
    const timeoutMs = options.timeoutMs ?? 120_000;
    const log = options.log ?? (() => undefined);
    const mode = options.mode ?? "commit";
    const target = mode === "commit" ? options.branch : proposalBranch(options.branch, specs, dirs);
    /** The head the last refused commit was made on: it may have landed all the same. */
    let refusedOn;
    return (0,retry/* retry */.L)({
        maxRetries: Infinity,
        deadlineMs: timeoutMs,
        backoff: CONFLICT_BACKOFF,
        onWait: (n, delay, why) => log(`${target} moved (${why}); attempt ${n + 1} in ${delay} ms`),
    }, async (attempt) => {
        const base = await options.forge.readFiles(options.branch, candidates);
        const plan = planEdits(base, dirs, specs, pinOptions);
        const diff = (0,set_image/* unifiedDiff */.W)(plan.changes.map((c) => ({ path: c.path, before: base.files.get(c.path) ?? "", after: c.content })));
        const result = {
            changed: false,
            files: plan.changes.map((c) => c.path),
            images: plan.images,
            attempts: attempt,
            branch: target,
            diff,
        };
        const done = (value) => ({ done: true, value });
        if (plan.changes.length === 0) {
            const landed = refusedOn && (await landedAnyway(options.forge, refusedOn, base.head, message));
            if (landed)
                return done({ ...result, changed: true, commit: landed.sha, files: landed.files });
            return done({ ...result, files: [] });
        }
        if (options.dryRun)
            return done({ ...result, changed: true });
        const outcome = mode === "pull-request"
            ? await proposeOnBranch(options.forge, target, options.branch, base.head, plan.changes, message)
            : await options.forge.commitFiles({
                branch: target,
                message,
                changes: plan.changes,
                expectedHead: base.head,
            });
        if (outcome.kind === "proposed")
            return done({ ...result, changed: outcome.commit !== undefined, ...outcome.proposal, commit: outcome.commit });
        if (outcome.kind === "committed")
            return done({ ...result, changed: true, commit: outcome.sha });
        refusedOn = mode === "commit" ? base.head : undefined;
        return { done: false, why: outcome.detail };
    }, (last) => {
        throw new ConflictTimeoutError(`${options.forge.repo} branch "${target}" kept changing under us: gave up after ${last.attempts} attempts in ${Math.round(last.elapsedMs / 1000)}s (raise --timeout to wait longer); nothing was committed`);
    });
}
/**
 * A commit whose answer was lost (a timeout or a 5xx after the host committed) is sent again by
 * the transport and refused by the compare-and-swap; the re-read then finds nothing to do. The
 * commit with this run's message on top of the refused head is this run's: report it as made.
 */
async function landedAnyway(forge, refusedOn, head, message) {
    const { commits, files } = await forge.compare(refusedOn, head);
    // GitHub stores headline and body with one blank line between: compare words, not spacing.
    const words = (text) => text.replace(/\s+/g, " ").trim();
    const ours = commits.find((c) => words(c.message) === words(message));
    return ours && { sha: ours.sha, files };
}
/** Finds each directory's kustomization in the snapshot (as kustomize does) and applies the specs. */
function planEdits(snapshot, dirs, specs, pinOptions) {
    const plan = { changes: [], images: [] };
    for (const dir of dirs) {
        const file = (0,snapshot_kustomization/* editTargetIn */.LI)(snapshot, dir);
        const before = snapshot.files.get(file);
        const edited = (0,kustomization_file/* isKustomizationFileName */.FJ)(file)
            ? (0,set_images/* setImages */.B)(file, before, specs)
            : (0,set_pins/* setPins */.Rz)(file, before, specs, pinOptions);
        plan.images.push(...edited.edits.map((e) => ({ file, ...e })));
        if (edited.text !== before)
            plan.changes.push({ path: file, content: edited.text });
    }
    return plan;
}
/**
 * `gitops-ci/set-image/<base>/<images>-<hash>`: one branch (and PR) per base, set of images and
 * set of kustomizations; the hash keeps `team/web` and `team-web` apart.
 */
function proposalBranch(base, specs, dirs) {
    const names = [...new Set(specs.map((s) => (0,image_ref/* normalizeImageName */.Y2)(s.name)))].sort();
    const readable = names.map((n) => n.replace(/^docker\.io\/(library\/)?/, "")).join("+");
    return (0,branch_name/* proposalBranchName */.G)(`gitops-ci/set-image/${base}`, readable, JSON.stringify({ names, dirs: [...dirs].sort() }));
}
/**
 * The PR/MR branch holds exactly this change from us already (kept as is), or is made anew on the
 * base head in one step; a branch with someone else's commit is never overwritten.
 */
async function proposeOnBranch(forge, branch, base, baseHead, changes, message) {
    const proposal = await (0,ownership/* readProposal */.Vv)(forge, branch, base, changes.map((c) => c.path));
    (0,ownership/* refuseForeignCommits */.ri)(proposal);
    const verified = (0,ownership/* verifiedHead */.dP)(proposal, changes);
    if (verified)
        return { kind: "proposed", proposal: await proposeChange(forge, proposal, verified, message) };
    const outcome = await forge.replaceBranch({
        branch,
        message: (0,ownership/* withBranchTrailer */.qE)(message, branch),
        changes,
        parent: baseHead,
        replaces: proposal.current?.head ?? null,
    });
    if (outcome.kind === "conflict")
        return outcome;
    return {
        kind: "proposed",
        commit: outcome.sha,
        proposal: await proposeChange(forge, proposal, outcome.sha, message),
    };
}
async function proposeChange(forge, proposal, head, message) {
    const [first = "", ...rest] = message.split("\n");
    const title = (0,markdown/* titleText */.Qw)(first);
    const body = `${rest.join("\n").trim()}\n\n${(0,ownership/* headMarker */.pU)("set-image", head)}\nOpened by gitops-ci set-image; re-runs update this ${forge.kind === "github" ? "pull request" : "merge request"} instead of opening another.`;
    const pr = proposal.open
        ? await forge.updateChangeRequest(proposal.open.number, { title, body })
        : await forge.createChangeRequest({ head: proposal.branch, base: proposal.base, title, body });
    return { prNumber: pr.number, prUrl: pr.url };
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

/***/ 26011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LI: () => (/* binding */ editTargetIn),
/* harmony export */   d$: () => (/* binding */ editCandidates),
/* harmony export */   gj: () => (/* binding */ kustomizationCandidates)
/* harmony export */ });
/* unused harmony export kustomizationIn */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _kustomization_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53625);



/** The paths a directory's kustomization may have, to read them all in one snapshot. */
function kustomizationCandidates(dirs) {
    return dirs.flatMap((d) => _kustomization_file_js__WEBPACK_IMPORTED_MODULE_2__/* .KUSTOMIZATION_FILE_NAMES */ .YU.map((name) => node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.join(d, name)));
}
/** The directory's one kustomization file in a branch snapshot, as kustomize finds it. */
function kustomizationIn(snapshot, dir) {
    const present = _kustomization_file_js__WEBPACK_IMPORTED_MODULE_2__/* .KUSTOMIZATION_FILE_NAMES */ .YU.map((n) => node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.join(dir, n)).filter((p) => snapshot.files.has(p));
    if (present.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PathError */ .ER(`no kustomization in "${dir}" on branch ${snapshot.branch} (looked for ${_kustomization_file_js__WEBPACK_IMPORTED_MODULE_2__/* .KUSTOMIZATION_FILE_NAMES */ .YU.join(", ")})`);
    }
    if (present.length > 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PathError */ .ER(`"${dir}" has more than one kustomization file (${present.join(", ")})`);
    return present[0];
}
/** The paths to read for --path values: a file as it is, a directory's kustomization candidates. */
function editCandidates(paths) {
    return [...kustomizationCandidates(paths.filter((p) => !(0,_kustomization_file_js__WEBPACK_IMPORTED_MODULE_2__/* .namesFile */ .X7)(p))), ...paths.filter(_kustomization_file_js__WEBPACK_IMPORTED_MODULE_2__/* .namesFile */ .X7)];
}
/** The file a --path names in a branch snapshot: the file itself, or the directory's kustomization. */
function editTargetIn(snapshot, target) {
    if (!(0,_kustomization_file_js__WEBPACK_IMPORTED_MODULE_2__/* .namesFile */ .X7)(target))
        return kustomizationIn(snapshot, target);
    if (!snapshot.files.has(target))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PathError */ .ER(`no file "${target}" on branch ${snapshot.branch}`);
    return target;
}


/***/ }),

/***/ 50632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ fillTemplate)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * Fills `{name}` placeholders from `fields`; an unknown placeholder is a usage error naming the
 * flag and the known ones, so a typo never reaches a commit or a PR as literal braces.
 */
function fillTemplate(flag, template, fields) {
    const known = Object.keys(fields);
    const unknown = [...template.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).find((n) => !known.includes(n));
    if (unknown)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${flag} has an unknown placeholder {${unknown}} (known: ${known.map((p) => `{${p}}`).join(", ")})`);
    return template.replace(/\{([a-z_]+)\}/g, (_, name) => fields[name] ?? "");
}


/***/ }),

/***/ 37058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ proposalBranchName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A readable, injective branch name: the slug people read, plus a short hash of everything that
 * identifies the proposal (`team/web` and `team-web` slug alike; their hashes do not).
 */
function proposalBranchName(prefix, readable, identity) {
    const slug = readable
        .toLowerCase()
        .replace(/[^a-z0-9+._-]+/g, "-")
        .replace(/\.{2,}/g, ".")
        .replace(/^[-.]+|[-.]+$/g, "")
        .slice(0, 80)
        .replace(/[-.]+$/, "");
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(identity).digest("hex").slice(0, 8);
    return `${prefix}/${slug ? `${slug}-` : ""}${hash}`;
}


/***/ }),

/***/ 15735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ ForeignCommitsError),
/* harmony export */   Vv: () => (/* binding */ readProposal),
/* harmony export */   XT: () => (/* binding */ describeCommit),
/* harmony export */   dP: () => (/* binding */ verifiedHead),
/* harmony export */   pU: () => (/* binding */ headMarker),
/* harmony export */   qE: () => (/* binding */ withBranchTrailer),
/* harmony export */   ri: () => (/* binding */ refuseForeignCommits)
/* harmony export */ });
/* unused harmony export foreignCommits */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _forge_forge_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76576);


/** Someone else's commits are on a branch gitops-ci owns: they are never overwritten or merged. */
class ForeignCommitsError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitopsCiError */ .p {
    name = "ForeignCommitsError";
}
/** The head a PR/MR body records as made by gitops-ci (`promote` wrote it before set-image did). */
const HEAD_MARKER = /<!-- gitops-ci\/(?:promote|set-image) head=([0-9a-f]{7,64}) -->/;
const TRAILER = "Gitops-ci-branch";
function headMarker(command, sha) {
    return `<!-- gitops-ci/${command} head=${sha} -->`;
}
/** Every commit gitops-ci makes on a proposal branch says so, so a rerun after a fault knows it. */
function withBranchTrailer(message, branch) {
    return `${message.trimEnd()}\n\n${TRAILER}: ${branch}`;
}
/** One listing, one read, one compare: the PR/MR branch, whose PRs name it, and what it carries. */
async function readProposal(forge, branch, base, files) {
    const [requests, current] = await Promise.all([
        forge.changeRequestsFrom(branch, base),
        readOrUndefined(forge, branch, files),
    ]);
    const recorded = requests.map((r) => HEAD_MARKER.exec(r.body)?.[1]).find((sha) => sha !== undefined);
    const comparison = current && (await forge.compare(base, current.head));
    return { branch, base, open: requests.find((r) => r.state === "open"), recorded, current, comparison };
}
async function readOrUndefined(forge, branch, files) {
    try {
        return await forge.readFiles(branch, files);
    }
    catch (error) {
        if (error instanceof _forge_forge_js__WEBPACK_IMPORTED_MODULE_1__/* .BranchNotFoundError */ .EJ)
            return undefined;
        throw error;
    }
}
/** Ours: the head a PR of ours recorded, or a commit carrying this branch's trailer (a rerun after a fault). */
function isOurs(proposal, commit) {
    if (proposal.recorded && commit.sha.startsWith(proposal.recorded))
        return true;
    return new RegExp(`^${TRAILER}: ${escapeRegExp(proposal.branch)}$`, "m").test(commit.message);
}
function foreignCommits(proposal) {
    return (proposal.comparison?.commits ?? []).filter((c) => !isOurs(proposal, c));
}
/** Stops before any force-update or merge of a branch that holds someone else's commit. */
function refuseForeignCommits(proposal) {
    const truncated = proposal.comparison?.truncated;
    if (truncated)
        throw new ForeignCommitsError(`${proposal.branch}${proposal.open ? ` (#${proposal.open.number})` : ""} carries more than gitops-ci can check (${truncated}); gitops-ci makes one commit there, so the rest is someone else's: not overwriting or merging it. Merge or close ${proposal.open ? `#${proposal.open.number}` : "it"}, or delete the branch, then run again`);
    const foreign = foreignCommits(proposal);
    if (foreign.length === 0)
        return;
    throw new ForeignCommitsError(`${proposal.branch}${proposal.open ? ` (#${proposal.open.number})` : ""} has ${foreign.length} commit(s) gitops-ci did not make, ${describeCommit(foreign[0])}: not overwriting or merging them. Merge or close ${proposal.open ? `#${proposal.open.number}` : "it"}, or delete the branch, then run again`);
}
/**
 * The head, when it is ours and proposes exactly `changes`: every commit ours, no other file
 * touched, each changed file as we would write it. Then it can be kept (and merged) as is.
 */
function verifiedHead(proposal, changes) {
    const { current, comparison } = proposal;
    if (!current || !comparison || comparison.commits.length === 0 || comparison.truncated)
        return undefined;
    if (foreignCommits(proposal).length)
        return undefined;
    const paths = new Set(changes.map((c) => c.path));
    if (comparison.files.some((f) => !paths.has(f)))
        return undefined;
    return changes.every((c) => current.files.get(c.path) === c.content) ? current.head : undefined;
}
/** `1a2b3c4d5e6f by Mallory <m@example.com> ("add backdoor")`. */
function describeCommit(commit) {
    const subject = commit.message.split("\n")[0]?.slice(0, 72) ?? "";
    return `${commit.sha.slice(0, 12)} by ${commit.author}${subject ? ` ("${subject}")` : ""}`;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
