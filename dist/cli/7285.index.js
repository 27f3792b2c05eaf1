export const id = 7285;
export const ids = [7285];
export const modules = {

/***/ 97285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promote: () => (/* binding */ promote)
});

// UNUSED EXPORTS: promotionBranch

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/kustomize/kustomization-file.ts
var kustomization_file = __webpack_require__(53625);
// EXTERNAL MODULE: ./src/kustomize/set-images.ts
var set_images = __webpack_require__(77226);
// EXTERNAL MODULE: ./src/promote/plan.ts
var plan = __webpack_require__(34501);
// EXTERNAL MODULE: ./src/messages/markdown.ts
var markdown = __webpack_require__(89751);
// EXTERNAL MODULE: ./src/messages/markdown-table.ts
var markdown_table = __webpack_require__(52826);
// EXTERNAL MODULE: ./src/messages/template.ts
var messages_template = __webpack_require__(50632);
;// CONCATENATED MODULE: ./src/messages/promotion-message.ts




/** The environment a kustomization directory deploys: its last path segment. */
function envOf(dir) {
    return dir.split("/").filter(Boolean).at(-1) ?? dir;
}
function promotion_message_short(image) {
    const name = (image.to.newName ?? image.name).split("/").at(-1) ?? image.name;
    return `${name}:${image.to.newTag ?? image.to.digest?.slice(7, 19) ?? "?"}`;
}
/** The template fields; `images` comes from the repository, so it is escaped for where it goes. */
function fields(values, escape) {
    return {
        images: escape(values.plan.map(promotion_message_short).join(", ")),
        env: envOf(values.to),
        from: values.from,
        to: values.to,
        table: table(values),
        gate: values.sourceGate,
    };
}
/** `Promote web:1.4.0, api:2.1.0 to production`, or the --title template. */
function promotionTitle(template, values) {
    return (0,markdown/* titleText */.Qw)((0,messages_template/* fillTemplate */.o)("--title", template ?? "Promote {images} to {env}", fields(values, markdown/* titleText */.Qw)));
}
/** The table of versions, the source's gate, and why it waits for review; or the --body template. */
function promotionBody(template, values) {
    const defaultBody = [
        "Promotes what `{from}` runs to `{to}`:",
        "",
        "{table}",
        "",
        "`gitops-ci/validate` on the last commit of `{from}`: {gate}.",
    ].join("\n");
    const text = (0,messages_template/* fillTemplate */.o)("--body", template ?? defaultBody, fields(values, markdown/* plainText */.wh));
    const review = values.reviewReason ? `\n\n**Left for review:** ${values.reviewReason}` : "";
    return `${text}${review}`;
}
/** The commit on the promotion branch. */
function promotionCommitMessage(values) {
    const lines = values.plan.map((i) => `- ${i.name}: ${(0,plan/* describeImage */.hu)(i.from, i.name)} -> ${(0,plan/* describeImage */.hu)(i.to, i.name)}`);
    return [
        `promote: ${values.plan.map(promotion_message_short).join(", ")} to ${envOf(values.to)}`,
        "",
        `From ${values.from} to ${values.to}:`,
        ...lines,
    ].join("\n");
}
function table(values) {
    return (0,markdown_table/* markdownTable */.Q)(["image", "from", "to", "bump"], values.plan.map((i) => [
        (0,markdown/* code */.aY)(i.name),
        (0,markdown/* code */.aY)((0,plan/* describeImage */.hu)(i.from, i.name)),
        compareLink(values.sourceRepos.get(i.name), i) ?? (0,markdown/* code */.aY)((0,plan/* describeImage */.hu)(i.to, i.name)),
        i.from ? i.bump : "new",
    ]));
}
/** A compare view of the app repository between the two tags (GitLab's path has `/-/`). */
function compareLink(repoUrl, image) {
    const a = image.from?.newTag;
    const b = image.to.newTag;
    if (!repoUrl || !a || !b)
        return undefined;
    const base = repoUrl.replace(/\/+$/, "");
    const path = /gitlab/i.test(new URL(base).host) ? "/-/compare/" : "/compare/";
    return (0,markdown/* codeLink */.U1)((0,plan/* describeImage */.hu)(image.to, image.name), `${base}${path}${encodeURIComponent(a)}...${encodeURIComponent(b)}`);
}

// EXTERNAL MODULE: ./src/promote/bump.ts
var bump = __webpack_require__(58342);
;// CONCATENATED MODULE: ./src/promote/errors.ts

/** The source runs a lower version than the target: refused without --allow-downgrade. */
class DowngradeError extends errors/* GitopsCiError */.p {
    name = "DowngradeError";
}
/** --require-source-green and the source's last commit has no green gitops-ci/validate. */
class SourceNotGreenError extends errors/* GitopsCiError */.p {
    name = "SourceNotGreenError";
}
/** --merge now could not merge: a check failed, the PR/MR cannot merge, or the time ran out. */
class MergeError extends errors/* GitopsCiError */.p {
    name = "MergeError";
}

// EXTERNAL MODULE: ./src/forge/forge.ts
var forge_forge = __webpack_require__(76576);
// EXTERNAL MODULE: ./src/gate/check-name.ts
var check_name = __webpack_require__(82035);
// EXTERNAL MODULE: ./src/proposal/ownership.ts
var ownership = __webpack_require__(15735);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(49809);
;// CONCATENATED MODULE: ./src/promote/poll.ts


/**
 * Calls `check` until it reports nothing left to wait for (undefined; else what it waits for),
 * with jittered backoff between calls; past the deadline it throws MergeError(timedOut(what)).
 */
async function pollUntil(options, check, timedOut) {
    await (0,retry/* retry */.L)({
        maxRetries: Infinity,
        deadlineMs: options.timeoutMs,
        backoff: { baseDelayMs: options.pollMs, maxDelayMs: 30_000 },
        onWait: (_n, _delay, why) => options.log(`${options.label}: waiting for ${why}`),
    }, async () => {
        const waiting = await check();
        return waiting === undefined ? { done: true, value: undefined } : { done: false, why: waiting };
    }, (last) => {
        throw new MergeError(timedOut(last.why));
    });
}

;// CONCATENATED MODULE: ./src/promote/merge-wait.ts





/**
 * GitLab merges at once when auto-merge is set before the MR has a pipeline: wait (bounded by
 * timeoutMs) for the pipeline, then set it. GitHub refuses auto-merge on a PR that can merge
 * already (nothing required to wait for): then it is merged here, pinned to `head`, only if the
 * required checks are green on it.
 */
async function enableAutoMergeWhenReady(forge, number, method, head, options, log) {
    let reason = "";
    let outcome = "auto";
    await pollUntil(pollOptions(options, number, log), async () => {
        try {
            await forge.enableAutoMerge(number, method, head);
            return undefined;
        }
        catch (error) {
            if (error instanceof forge_forge/* AlreadyMergeableError */.$H) {
                await mergeIfGreen(forge, number, method, head, options.requiredChecks ?? [check_name/* CHECK_NAME */.$], error.message);
                log(`merged #${number} (it could merge at once, and ${(options.requiredChecks ?? [check_name/* CHECK_NAME */.$]).join(", ")} is green)`);
                outcome = "merged";
                return undefined;
            }
            if (!(error instanceof forge_forge/* NoPipelineYetError */.yu))
                throw error;
            reason = error.message;
            return "its pipeline before enabling auto-merge";
        }
    }, () => `${reason}; none appeared in time (raise --merge-timeout, or check that the config repo runs pipelines for merge requests)`);
    return outcome;
}
/** Merges `head` now only when every required check is green on it and none fails. */
async function mergeIfGreen(forge, number, method, head, required, why) {
    const checks = await forge.listCommitChecks(head);
    const notGreen = required.filter((name) => checks.find((c) => c.name === name)?.state !== "success");
    const failed = checks.filter((c) => c.state === "failure").map((c) => c.name);
    if (notGreen.length || failed.length)
        throw new MergeError(`${why}; not merging it untested: ${[...notGreen.map((n) => `${n} is not green`), ...failed.map((n) => `${n} failed`)].join(", ")} on ${head.slice(0, 12)}. Make ${required.join(", ")} required on the base branch so auto-merge waits for it, or use --merge now`);
    await forge.merge(number, method, head);
}
function pollOptions(options, number, log) {
    return { label: `#${number}`, timeoutMs: options.timeoutMs ?? 600_000, pollMs: options.pollMs ?? 2_000, log };
}
/**
 * Polls the PR/MR (backoff, bounded by timeoutMs) until it can merge and its checks are green,
 * then merges it, pinned to `head`: the commit this run made or verified. Any other head (a push
 * while it waits) stops the run, whatever its checks say.
 */
async function waitAndMerge(forge, number, method, head, options, log) {
    const required = options.requiredChecks ?? [check_name/* CHECK_NAME */.$];
    await pollUntil(pollOptions(options, number, log), async () => {
        const details = await forge.getChangeRequest(number);
        if (details.state === "merged")
            return undefined;
        if (details.state === "closed")
            throw new MergeError(`#${number} was closed while waiting to merge it`);
        if (details.headSha !== head)
            await refuseMovedHead(forge, number, head, details.headSha);
        const checks = await forge.listCommitChecks(head);
        const failed = checks.filter((c) => c.state === "failure");
        if (failed.length)
            throw new MergeError(`#${number} cannot merge: ${failed.map((c) => `${c.name} failed${c.description ? ` (${c.description})` : ""}`).join(", ")}`);
        if (details.mergeable === false)
            throw new MergeError(`#${number} cannot merge: the host reports ${details.mergeState ?? "conflicts or a blocked merge"}`);
        const waiting = [
            ...required.filter((name) => !checks.some((c) => c.name === name)).map((n) => `${n} (not reported yet)`),
            ...checks
                .filter((c) => c.state === "pending" || (c.state === "neutral" && required.includes(c.name)))
                .map((c) => `${c.name} (${c.state === "neutral" ? "not run" : "pending"})`),
        ];
        if (waiting.length === 0 && details.mergeable === true) {
            await forge.merge(number, method, head);
            log(`merged #${number}`);
            return undefined;
        }
        return waiting.join(", ") || `the host (${details.mergeState ?? "computing mergeability"})`;
    }, (waiting) => `#${number} did not become mergeable in time: still waiting for ${waiting} (raise --merge-timeout)`);
}
/** The PR/MR head is not the commit this run made: name what is there, merge nothing. */
async function refuseMovedHead(forge, number, ours, now) {
    const pushed = (await forge.compare(ours, now)).commits;
    const first = pushed[0] ?? { sha: now, author: "someone", message: "" };
    throw new ownership/* ForeignCommitsError */.Hm(`#${number} changed while gitops-ci waited to merge it: its head is now ${(0,ownership/* describeCommit */.XT)(first)}${pushed.length > 1 ? ` and ${pushed.length - 1} more` : ""}, not ${ours.slice(0, 12)}, the commit gitops-ci made. Nothing was merged; review #${number} by hand`);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/gate/references.ts
var references = __webpack_require__(63537);
// EXTERNAL MODULE: ./src/gate/source-files.ts
var source_files = __webpack_require__(61516);
// EXTERNAL MODULE: ./src/kustomize/snapshot-kustomization.ts
var snapshot_kustomization = __webpack_require__(26011);
;// CONCATENATED MODULE: ./src/promote/source-inputs.ts






/** Bounds on the walk through the API: one read per level, and not more paths than this. */
const MAX_DEPTH = 8;
const MAX_PATHS = 64;
/**
 * What the source root renders from, as paths a commit can touch: its directory, and every
 * directory (a kustomization it builds) or file outside it that its kustomizations name, read
 * through the API one level at a time. Remote references have no commit here and are left out.
 */
async function sourceInputs(forge, branch, from, fromFile, fromText) {
    const dirs = [from];
    const files = [];
    const covered = (p) => [...dirs, ...files].some((d) => p === d || p.startsWith(`${d}/`));
    let level = [{ file: fromFile, text: fromText }];
    for (let depth = 0; depth < MAX_DEPTH && level.length && dirs.length + files.length < MAX_PATHS; depth++) {
        const builds = [];
        for (const k of level) {
            for (const ref of (0,references/* referencesOf */.CL)(parsed(k.file, k.text), new Map())) {
                if ((0,references/* looksRemote */.nh)(ref.value))
                    continue;
                const target = external_node_path_default().posix.normalize(external_node_path_default().posix.join(ref.baseDir, ref.value));
                if (target.startsWith("..") || covered(target))
                    continue;
                if (ref.kind === "build")
                    builds.push(target);
                else
                    files.push(target);
            }
        }
        const found = builds.length
            ? await forge.readFiles(branch, (0,snapshot_kustomization/* kustomizationCandidates */.gj)([...new Set(builds)]))
            : undefined;
        level = [];
        for (const target of new Set(builds)) {
            const file = kustomization_file/* KUSTOMIZATION_FILE_NAMES */.YU.map((n) => external_node_path_default().posix.join(target, n)).find((f) => found?.files.has(f));
            if (!file) {
                if (!covered(target))
                    files.push(target);
                continue;
            }
            if (covered(target))
                continue;
            dirs.push(target);
            level.push({ file, text: found?.files.get(file) });
        }
    }
    return [...dirs, ...files].slice(0, MAX_PATHS);
}
/**
 * The newest of the last commits that touched each path: the one the others are ancestors of
 * (commit dates tie within a second, and automation commits faster); by committer date only
 * between commits on parallel lines of history.
 */
async function newestCommitOf(forge, branch, paths) {
    const found = (await Promise.all(paths.map((p) => forge.lastCommitTouching(branch, p)))).filter((c) => c !== undefined);
    const distinct = [...new Map(found.map((c) => [c.sha, c])).values()];
    let newest = distinct[0];
    for (const candidate of distinct.slice(1)) {
        if (!newest || (await forge.compare(newest.sha, candidate.sha)).commits.length === 0)
            continue;
        const behind = (await forge.compare(candidate.sha, newest.sha)).commits.length > 0;
        if (!behind || Date.parse(candidate.date) > Date.parse(newest.date))
            newest = candidate;
    }
    return newest?.sha;
}
function parsed(file, text) {
    const lines = new dist/* LineCounter */.HN();
    return (0,source_files/* sourceOf */.vz)(file, text, (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines }), lines);
}

// EXTERNAL MODULE: ./src/proposal/branch-name.ts
var branch_name = __webpack_require__(37058);
// EXTERNAL MODULE: ./src/pins/pin-entries.ts
var pin_entries = __webpack_require__(12826);
// EXTERNAL MODULE: ./src/pins/set-pins.ts + 2 modules
var set_pins = __webpack_require__(80383);
;// CONCATENATED MODULE: ./src/commands/promote.ts















/**
 * `gitops-ci/promote/<to>-<hash>`: one branch, and one PR/MR, per target directory. The hash is
 * of the whole path, so two different targets (even `prod/eu` and `prod-eu`) never share one.
 */
function promotionBranch(to) {
    return (0,branch_name/* proposalBranchName */.G)("gitops-ci/promote", to.replace(/\/+/g, "-"), to);
}
/**
 * Promotes what `from` runs to each `to`: reads all kustomizations in one snapshot, plans the
 * image differences, refuses downgrades, and opens (or refreshes, or closes) one PR/MR per target;
 * then merges as policy allows.
 */
async function promote(options) {
    if (options.to.length === 0)
        throw new errors/* UsageError */.eb("give at least one --to (a kustomization directory, or a file like --from)");
    const from = (0,kustomization_file/* normalizeKustomizationPath */.Kn)(options.from);
    const targets = [...new Set(options.to.map(kustomization_file/* normalizeKustomizationPath */.Kn))];
    if (targets.includes(from))
        throw new errors/* UsageError */.eb(`--from and --to are the same directory (${from})`);
    const log = options.log ?? (() => undefined);
    const mixed = targets.find((to) => (0,kustomization_file/* namesFile */.X7)(to) !== (0,kustomization_file/* namesFile */.X7)(from));
    if (mixed)
        throw new errors/* UsageError */.eb(`--from ${from} and --to ${mixed} are not the same kind of target (a kustomization directory and a file); promote copies between two of a kind`);
    const pinOptions = (0,set_pins/* pinOptionsOf */.pd)(options.pins ?? {});
    const unnamed = pinOptions.keys?.find((key) => !key.parts.name && !key.parts.image);
    if (unnamed)
        throw new errors/* UsageError */.eb(`--key ${unnamed.raw}: promote pairs the images of two files by name; add name=<path> (or give image=<path>)`);
    const snapshot = await options.forge.readFiles(options.branch, (0,snapshot_kustomization/* editCandidates */.d$)([from, ...targets]));
    const fromFile = (0,snapshot_kustomization/* editTargetIn */.LI)(snapshot, from);
    const entriesOf = (file, text) => (0,kustomization_file/* isKustomizationFileName */.FJ)(file) ? (0,plan/* imageEntries */.Io)(file, text) : (0,pin_entries/* pinEntries */.Y)(file, text, pinOptions);
    const source = entriesOf(fromFile, snapshot.files.get(fromFile));
    if (source.length === 0 && !(0,kustomization_file/* isKustomizationFileName */.FJ)(fromFile))
        throw new errors/* InputFileError */.TH({ file: fromFile, line: 1, column: 1 }, "pins no image to promote: no container image, Helm values repository or image, or Flux $imagepolicy marker; for a chart with its own value names, give --key");
    const plans = targets.map((to) => {
        const file = (0,snapshot_kustomization/* editTargetIn */.LI)(snapshot, to);
        const text = snapshot.files.get(file);
        return { to, file, text, plan: (0,plan/* planPromotion */.z)(source, entriesOf(file, text), options.images) };
    });
    (0,plan/* refuseInvalidValues */.en)(source, plans.flatMap((p) => p.plan));
    refuseDowngrades(plans, options.allowDowngrade ?? false);
    const sourceCheck = await sourceGateOf(options.forge, options.branch, from, fromFile, snapshot);
    const sourceGate = sourceCheck.state;
    if (options.requireSourceGreen && sourceGate !== "success")
        throw new SourceNotGreenError(`--require-source-green: ${check_name/* CHECK_NAME */.$} on ${sourceCheck.commit ? `${sourceCheck.commit.slice(0, 12)}, the last commit that changed what ${from} renders,` : `the last commit that changed what ${from} renders`} is ${sourceGate}; promote once it is green`);
    const results = [];
    for (const target of plans) {
        const values = {
            from,
            to: target.to,
            plan: target.plan,
            sourceGate,
            sourceRepos: options.sourceRepos ?? new Map(),
        };
        results.push(await promoteTarget(options, snapshot, target.file, values, pinOptions, log));
    }
    return {
        changed: results.some((r) => r.changed),
        merged: results.some((r) => r.merged),
        targets: results,
    };
}
function refuseDowngrades(plans, allowed) {
    if (allowed)
        return;
    const down = plans.flatMap((p) => p.plan.filter((i) => i.downgrade).map((i) => `${i.name} ${i.from?.newTag} -> ${i.to.newTag} in ${p.to}`));
    if (down.length)
        throw new DowngradeError(`refusing to downgrade: ${down.join("; ")}. Pass --allow-downgrade to roll back on purpose; nothing was changed`);
}
/** The gate on the newest commit that changed anything the source root renders from. */
async function sourceGateOf(forge, branch, from, fromFile, snapshot) {
    // a file that pins images is its own input; a kustomization renders from what it names
    const inputs = (0,kustomization_file/* isKustomizationFileName */.FJ)(fromFile)
        ? await sourceInputs(forge, branch, from, fromFile, snapshot.files.get(fromFile))
        : [fromFile];
    const sha = await newestCommitOf(forge, branch, inputs);
    if (!sha)
        return { state: "missing" };
    const check = (await forge.listCommitChecks(sha)).find((c) => c.name === check_name/* CHECK_NAME */.$);
    return { state: check?.state ?? "missing", commit: sha };
}
async function promoteTarget(options, snapshot, file, values, pinOptions, log) {
    const { forge } = options;
    const branch = promotionBranch(values.to);
    const result = {
        to: values.to,
        branch,
        changed: false,
        plan: values.plan,
        autoMerge: false,
        merged: false,
    };
    if (values.plan.length === 0) {
        // Nothing to write: only an open PR/MR to close matters, not what its branch holds.
        const open = options.dryRun
            ? undefined
            : (await forge.changeRequestsFrom(branch, options.branch)).find((r) => r.state === "open");
        if (open) {
            await forge.comment(open.number, `Closed by gitops-ci promote: \`${values.to}\` already runs what \`${values.from}\` runs; nothing is left to promote.`);
            await forge.closeChangeRequest(open.number);
            log(`${values.to} caught up with ${values.from}: closed #${open.number}`);
            return { ...result, closed: open.number };
        }
        return result;
    }
    if (options.dryRun)
        return { ...result, changed: true };
    const proposal = await (0,ownership/* readProposal */.Vv)(forge, branch, options.branch, [file]);
    const open = proposal.open;
    (0,ownership/* refuseForeignCommits */.ri)(proposal);
    const level = options.autoMergeLevel ?? "any";
    const blocked = values.plan.find((i) => !(0,bump/* bumpAllowed */.n)(i.bump, level));
    const merging = (options.merge ?? "never") !== "never";
    values.reviewReason =
        merging && blocked
            ? `${blocked.name} ${(0,plan/* describeImage */.hu)(blocked.from, blocked.name)} -> ${(0,plan/* describeImage */.hu)(blocked.to, blocked.name)} is a${blocked.bump === "other" ? " non-semver" : ` ${blocked.bump}`} change, above --auto-merge-level ${level}`
            : undefined;
    const specs = values.plan.map(plan/* specOf */.rI);
    const before = snapshot.files.get(file);
    const edited = (0,kustomization_file/* isKustomizationFileName */.FJ)(file)
        ? (0,set_images/* setImages */.B)(file, before, specs)
        : (0,set_pins/* setPins */.Rz)(file, before, specs, pinOptions);
    const change = { path: file, content: edited.text };
    const verified = (0,ownership/* verifiedHead */.dP)(proposal, [change]);
    const commit = verified
        ? undefined
        : await commitPromotion(forge, branch, snapshot, proposal.current?.head ?? null, change, promotionCommitMessage(values));
    // The one head this run may merge: the commit it made, or the one it verified as ours.
    const head = commit ?? verified;
    const title = promotionTitle(options.title, values);
    const body = `${promotionBody(options.body, values)}\n\n${(0,ownership/* headMarker */.pU)("promote", head)}\nOpened by gitops-ci promote; re-runs update this ${forge.kind === "github" ? "pull request" : "merge request"}.`;
    const pr = open
        ? await forge.updateChangeRequest(open.number, { title, body, labels: options.labels })
        : await forge.createChangeRequest({
            head: branch,
            base: options.branch,
            title,
            body,
            labels: options.labels,
            reviewers: options.reviewers,
            draft: options.draft,
        });
    const done = {
        ...result,
        changed: true,
        commit,
        prNumber: pr.number,
        prUrl: pr.url,
        reviewReason: values.reviewReason,
    };
    log(`${open ? "updated" : "opened"} ${pr.url}${commit ? ` (commit ${commit.slice(0, 12)})` : " (already up to date)"}`);
    if (!merging || blocked || options.draft)
        return done;
    const method = options.mergeMethod ?? "merge";
    if (options.merge === "auto") {
        const outcome = await enableAutoMergeWhenReady(forge, pr.number, method, head, options, log);
        return outcome === "merged" ? { ...done, merged: true } : { ...done, autoMerge: true };
    }
    await waitAndMerge(forge, pr.number, method, head, options, log);
    return { ...done, merged: true };
}
/** One commit on the promotion branch, made from the base head, and the branch moved to it at once. */
async function commitPromotion(forge, branch, snapshot, replaces, change, message) {
    const outcome = await forge.replaceBranch({
        branch,
        message: (0,ownership/* withBranchTrailer */.qE)(message, branch),
        changes: [change],
        parent: snapshot.head,
        replaces,
    });
    if (outcome.kind === "conflict")
        throw new ownership/* ForeignCommitsError */.Hm(`${branch} moved while gitops-ci committed to it (${outcome.detail}); run again`);
    return outcome.sha;
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

/***/ 12826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ pinEntries)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _kustomize_image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72198);
/* harmony import */ var _find_pins_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94702);
/* harmony import */ var _set_pins_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80383);
/* harmony import */ var _yaml_documents_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(39118);





/**
 * The images a file pins, one entry per image, for promote to compare with another file's: two
 * pins of one image that disagree are refused (which one would be promoted?).
 */
function pinEntries(file, text, options = {}) {
    const source = (0,_yaml_documents_js__WEBPACK_IMPORTED_MODULE_4__/* .parseYamlDocuments */ .v)(file, text);
    const entries = new Map();
    for (const pin of (0,_find_pins_js__WEBPACK_IMPORTED_MODULE_2__/* .findPins */ .mP)(source, options)) {
        if (pin.image === undefined || (pin.kind === "marked-part" && pin.part === "name"))
            continue;
        const pos = source.lines.linePos((0,_find_pins_js__WEBPACK_IMPORTED_MODULE_2__/* .pinOffset */ .tN)(pin));
        const at = { file, line: pos.line, column: pos.col };
        const entry = { name: pin.image, ...(0,_set_pins_js__WEBPACK_IMPORTED_MODULE_3__/* .pinFields */ .rR)(pin), at: { name: at, newTag: at, digest: at } };
        const key = (0,_kustomize_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeImageName */ .Y2)(pin.image);
        const seen = entries.get(key);
        if (seen && (seen.newTag !== entry.newTag || seen.digest !== entry.digest))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputFileError */ .TH(at, `pins ${pin.image} at ${seen.newTag ?? seen.digest} (line ${seen.at.name?.line}) and at ${entry.newTag ?? entry.digest} here; promote copies one version per image`);
        if (!seen)
            entries.set(key, entry);
    }
    return [...entries.values()];
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
