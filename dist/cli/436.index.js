export const id = 436;
export const ids = [436,167];
export const modules = {

/***/ 95436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promote: () => (/* binding */ promote)
});

// UNUSED EXPORTS: promotionBranch

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/forge/forge.ts
var forge_forge = __webpack_require__(76576);
// EXTERNAL MODULE: ./src/kustomize/kustomization-file.ts
var kustomization_file = __webpack_require__(53625);
// EXTERNAL MODULE: ./src/kustomize/set-images.ts + 1 modules
var set_images = __webpack_require__(39800);
// EXTERNAL MODULE: ./src/promote/plan.ts
var plan = __webpack_require__(34501);
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
function fields(values) {
    return {
        images: values.plan.map(promotion_message_short).join(", "),
        env: envOf(values.to),
        from: values.from,
        to: values.to,
        table: table(values),
        gate: values.sourceGate,
    };
}
/** `Promote web:1.4.0, api:2.1.0 to production`, or the --title template. */
function promotionTitle(template, values) {
    return (0,messages_template/* fillTemplate */.o)("--title", template ?? "Promote {images} to {env}", fields(values));
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
    const text = (0,messages_template/* fillTemplate */.o)("--body", template ?? defaultBody, fields(values));
    const review = values.reviewReason ? `\n\n**Left for review:** ${values.reviewReason}` : "";
    return `${text}${review}`;
}
/** The commit on the promotion branch. */
function promotionCommitMessage(values) {
    const lines = values.plan.map((i) => `- ${i.name}: ${(0,plan/* describeImage */.hu)(i.from, i.name)} -> ${(0,plan/* describeImage */.hu)(i.to, i.name)}`);
    return [
        `promote: ${fields(values).images} to ${envOf(values.to)}`,
        "",
        `From ${values.from} to ${values.to}:`,
        ...lines,
    ].join("\n");
}
function table(values) {
    return (0,markdown_table/* markdownTable */.Q)(["image", "from", "to", "bump"], values.plan.map((i) => [
        `\`${i.name}\``,
        `\`${(0,plan/* describeImage */.hu)(i.from, i.name)}\``,
        compareLink(values.sourceRepos.get(i.name), i) ?? `\`${(0,plan/* describeImage */.hu)(i.to, i.name)}\``,
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
    return `[\`${(0,plan/* describeImage */.hu)(image.to, image.name)}\`](${base}${path}${encodeURIComponent(a)}...${encodeURIComponent(b)})`;
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
/** Someone else pushed to the promotion branch: their commits are not overwritten. */
class ForeignCommitsError extends errors/* GitopsCiError */.p {
    name = "ForeignCommitsError";
}
/** --merge now could not merge: a check failed, the PR/MR cannot merge, or the time ran out. */
class MergeError extends errors/* GitopsCiError */.p {
    name = "MergeError";
}

// EXTERNAL MODULE: ./src/forge/retry-policy.ts
var retry_policy = __webpack_require__(51668);
;// CONCATENATED MODULE: ./src/promote/poll.ts


/**
 * Calls `check` until it reports nothing left to wait for (undefined; else what it waits for),
 * with jittered backoff between calls; past the deadline it throws MergeError(timedOut(what)).
 */
async function pollUntil(options, check, timedOut) {
    const deadline = Date.now() + options.timeoutMs;
    const poll = { baseDelayMs: options.pollMs, maxDelayMs: 30_000 };
    for (let attempt = 0;; attempt++) {
        const waiting = await check();
        if (waiting === undefined)
            return;
        const delay = (0,retry_policy/* backoffDelay */.EY)(poll, Math.min(attempt, 10));
        if (Date.now() + delay > deadline)
            throw new MergeError(timedOut(waiting));
        options.log(`${options.label}: waiting for ${waiting}`);
        await (0,retry_policy/* sleep */.yy)(delay);
    }
}

// EXTERNAL MODULE: ./src/commands/set-image-remote.ts + 1 modules
var set_image_remote = __webpack_require__(36167);
;// CONCATENATED MODULE: ./src/commands/promote.ts










const GATE = "gitops-ci/validate";
const MARKER = /<!-- gitops-ci\/promote head=([0-9a-f]{7,64}) -->/;
/** `gitops-ci/promote/<to>`: one branch, and one PR/MR, per target environment. */
function promotionBranch(to) {
    const slug = to
        .toLowerCase()
        .replace(/[^a-z0-9._/-]+/g, "-")
        .replace(/\/+/g, "-")
        .replace(/^-+|-+$/g, "");
    return `gitops-ci/promote/${slug}`;
}
/**
 * Promotes what `from` runs to each `to`: reads all kustomizations in one snapshot, plans the
 * image differences, refuses downgrades, and opens (or refreshes, or closes) one PR/MR per target;
 * then merges as policy allows.
 */
async function promote(options) {
    if (options.to.length === 0)
        throw new errors/* UsageError */.eb("give at least one --to (a kustomization directory)");
    const from = (0,kustomization_file/* normalizeKustomizationPath */.Kn)(options.from);
    const targets = [...new Set(options.to.map(kustomization_file/* normalizeKustomizationPath */.Kn))];
    if (targets.includes(from))
        throw new errors/* UsageError */.eb(`--from and --to are the same directory (${from})`);
    const log = options.log ?? (() => undefined);
    const snapshot = await options.forge.readFiles(options.branch, (0,set_image_remote/* kustomizationCandidates */.gj)([from, ...targets]));
    const fromFile = (0,set_image_remote/* kustomizationIn */.dq)(snapshot, from);
    const source = (0,plan/* imageEntries */.Io)(fromFile, snapshot.files.get(fromFile));
    const plans = targets.map((to) => {
        const file = (0,set_image_remote/* kustomizationIn */.dq)(snapshot, to);
        const text = snapshot.files.get(file);
        return { to, file, text, plan: (0,plan/* planPromotion */.z)(source, (0,plan/* imageEntries */.Io)(file, text), options.images) };
    });
    refuseDowngrades(plans, options.allowDowngrade ?? false);
    const sourceGate = await gateOf(options.forge, options.branch, fromFile);
    if (options.requireSourceGreen && sourceGate !== "success")
        throw new SourceNotGreenError(`--require-source-green: ${GATE} on the last commit that changed ${fromFile} is ${sourceGate}; promote once it is green`);
    const results = [];
    for (const target of plans) {
        const values = {
            from,
            to: target.to,
            plan: target.plan,
            sourceGate,
            sourceRepos: options.sourceRepos ?? new Map(),
        };
        results.push(await promoteTarget(options, snapshot, target.file, values, log));
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
async function gateOf(forge, branch, file) {
    const sha = await forge.lastCommitTouching(branch, file);
    if (!sha)
        return "missing";
    const check = (await forge.listCommitChecks(sha)).find((c) => c.name === GATE);
    return check?.state ?? "missing";
}
async function promoteTarget(options, snapshot, file, values, log) {
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
    const open = await forge.findOpenChangeRequest(branch, options.branch);
    if (values.plan.length === 0) {
        if (open && !options.dryRun) {
            await forge.comment(open.number, `Closed by gitops-ci promote: \`${values.to}\` already runs what \`${values.from}\` runs; nothing is left to promote.`);
            await forge.closeChangeRequest(open.number);
            log(`${values.to} caught up with ${values.from}: closed #${open.number}`);
            return { ...result, closed: open.number };
        }
        return result;
    }
    if (options.dryRun)
        return { ...result, changed: true };
    // One read of the promotion branch serves the foreign-commit check and the "already there" test.
    const current = await readBranch(forge, branch, file);
    if (open)
        refuseForeignCommits(branch, open, current?.head);
    const level = options.autoMergeLevel ?? "any";
    const blocked = values.plan.find((i) => !(0,bump/* bumpAllowed */.n)(i.bump, level));
    const merging = (options.merge ?? "never") !== "never";
    values.reviewReason =
        merging && blocked
            ? `${blocked.name} ${(0,plan/* describeImage */.hu)(blocked.from, blocked.name)} -> ${(0,plan/* describeImage */.hu)(blocked.to, blocked.name)} is a${blocked.bump === "other" ? " non-semver" : ` ${blocked.bump}`} change, above --auto-merge-level ${level}`
            : undefined;
    const edited = (0,set_images/* setImages */.B)(file, snapshot.files.get(file), values.plan.map(plan/* specOf */.rI));
    const commit = current?.files.get(file) === edited.text
        ? undefined
        : await commitPromotion(forge, branch, snapshot, file, edited.text, promotionCommitMessage(values));
    const head = commit ?? current.head;
    const title = promotionTitle(options.title, values);
    const body = `${promotionBody(options.body, values)}\n\n<!-- gitops-ci/promote head=${head} -->\nOpened by gitops-ci promote; re-runs update this ${forge.kind === "github" ? "pull request" : "merge request"}.`;
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
        await enableAutoMergeWhenReady(forge, pr.number, method, options, log);
        return { ...done, autoMerge: true };
    }
    await waitAndMerge(forge, pr.number, method, options, log);
    return { ...done, merged: true };
}
/**
 * GitLab merges at once when auto-merge is set before the MR has a pipeline: wait (bounded by
 * timeoutMs) for the pipeline, then set it.
 */
async function enableAutoMergeWhenReady(forge, number, method, options, log) {
    let reason = "";
    await pollUntil(pollOptions(options, number, log), async () => {
        try {
            await forge.enableAutoMerge(number, method);
            return undefined;
        }
        catch (error) {
            if (!(error instanceof forge_forge/* NoPipelineYetError */.yu))
                throw error;
            reason = error.message;
            return "its pipeline before enabling auto-merge";
        }
    }, () => `${reason}; none appeared in time (raise --timeout, or check that the config repo runs pipelines for merge requests)`);
}
function pollOptions(options, number, log) {
    return { label: `#${number}`, timeoutMs: options.timeoutMs ?? 600_000, pollMs: options.pollMs ?? 2_000, log };
}
/** The promotion branch with the target file, or undefined when it does not exist yet. */
async function readBranch(forge, branch, file) {
    try {
        return await forge.readFiles(branch, [file]);
    }
    catch (error) {
        if (error instanceof forge_forge/* BranchNotFoundError */.EJ)
            return undefined;
        throw error;
    }
}
/** The PR body records the head gitops-ci made; any other head means someone else pushed. */
function refuseForeignCommits(branch, open, head) {
    const recorded = MARKER.exec(open.body)?.[1];
    if (head === undefined || recorded === head)
        return;
    throw new ForeignCommitsError(`${branch} (#${open.number}) has commits gitops-ci did not make (head ${head.slice(0, 12)}${recorded ? `, ours ${recorded.slice(0, 12)}` : ""}): not overwriting them. Merge or close #${open.number}, or delete the branch, then run again`);
}
/** One commit on the promotion branch, made from the base head (the branch is reset to it). */
async function commitPromotion(forge, branch, snapshot, file, content, message) {
    const outcome = await forge.commitFiles({
        branch,
        message,
        changes: [{ path: file, content }],
        expectedHead: snapshot.head,
        resetTo: snapshot.head,
    });
    if (outcome.kind === "conflict")
        throw new ForeignCommitsError(`${branch} moved while gitops-ci committed to it (${outcome.detail}); run again`);
    return outcome.sha;
}
/**
 * Polls the PR/MR (backoff, bounded by timeoutMs) until it can merge and its checks are green,
 * then merges it, pinned to the head that was checked.
 */
async function waitAndMerge(forge, number, method, options, log) {
    const required = options.requiredChecks ?? [GATE];
    await pollUntil(pollOptions(options, number, log), async () => {
        const details = await forge.getChangeRequest(number);
        if (details.state === "merged")
            return undefined;
        if (details.state === "closed")
            throw new MergeError(`#${number} was closed while waiting to merge it`);
        const checks = await forge.listCommitChecks(details.headSha);
        const failed = checks.filter((c) => c.state === "failure");
        if (failed.length)
            throw new MergeError(`#${number} cannot merge: ${failed.map((c) => `${c.name} failed${c.description ? ` (${c.description})` : ""}`).join(", ")}`);
        if (details.mergeable === false)
            throw new MergeError(`#${number} cannot merge: the host reports conflicts or a blocked merge`);
        const waiting = [
            ...required.filter((name) => !checks.some((c) => c.name === name)).map((n) => `${n} (not reported yet)`),
            ...checks.filter((c) => c.state === "pending").map((c) => `${c.name} (pending)`),
        ];
        if (waiting.length === 0 && details.mergeable === true) {
            await forge.merge(number, method, details.headSha);
            log(`merged #${number}`);
            return undefined;
        }
        return waiting.join(", ") || "the host to compute mergeability";
    }, (waiting) => `#${number} did not become mergeable in time: still waiting for ${waiting} (raise --timeout)`);
}


/***/ }),

/***/ 36167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gj: () => (/* binding */ kustomizationCandidates),
  dq: () => (/* binding */ kustomizationIn),
  setImageRemote: () => (/* binding */ setImageRemote)
});

// UNUSED EXPORTS: ConflictTimeoutError, proposalBranch

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/forge/forge.ts
var forge_forge = __webpack_require__(76576);
// EXTERNAL MODULE: ./src/forge/retry-policy.ts
var retry_policy = __webpack_require__(51668);
// EXTERNAL MODULE: ./src/kustomize/image-ref.ts
var image_ref = __webpack_require__(72198);
// EXTERNAL MODULE: ./src/kustomize/kustomization-file.ts
var kustomization_file = __webpack_require__(53625);
// EXTERNAL MODULE: ./src/kustomize/set-images.ts + 1 modules
var set_images = __webpack_require__(39800);
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

// EXTERNAL MODULE: ./src/commands/set-image.ts + 4 modules
var set_image = __webpack_require__(94598);
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
        throw new errors/* UsageError */.eb("give at least one --path (a kustomization directory)");
    if (options.images.length === 0)
        throw new errors/* UsageError */.eb("give at least one --image (NAME:TAG, NAME@DIGEST, ...)");
    const specs = (0,image_ref/* parseImageSpecs */.P8)(options.images);
    const dirs = [...new Set(options.paths.map(kustomization_file/* normalizeKustomizationPath */.Kn))];
    const candidates = kustomizationCandidates(dirs);
    const message = renderCommitMessage(options.message, {
        images: specs.map((s) => s.raw),
        paths: dirs,
        source: options.source ?? {},
    });
    const timeoutMs = options.timeoutMs ?? 120_000;
    const log = options.log ?? (() => undefined);
    const mode = options.mode ?? "commit";
    const target = mode === "commit" ? options.branch : proposalBranch(options.branch, specs);
    const startedAt = Date.now();
    for (let attempt = 1;; attempt++) {
        const base = await options.forge.readFiles(options.branch, candidates);
        const plan = planEdits(base, dirs, specs);
        const diff = (0,set_image/* unifiedDiff */.W)(plan.changes.map((c) => ({ path: c.path, before: base.files.get(c.path) ?? "", after: c.content })));
        const result = {
            changed: false,
            files: plan.changes.map((c) => c.path),
            images: plan.images,
            attempts: attempt,
            branch: target,
            diff,
        };
        if (plan.changes.length === 0)
            return { ...result, files: [] };
        if (options.dryRun)
            return { ...result, changed: true };
        if (mode === "pull-request" && (await alreadyProposed(options.forge, target, plan.changes))) {
            return { ...result, ...(await proposeChange(options.forge, target, options.branch, message)) };
        }
        const outcome = await options.forge.commitFiles({
            branch: target,
            message,
            changes: plan.changes,
            expectedHead: base.head,
            resetTo: mode === "pull-request" ? base.head : undefined,
        });
        if (outcome.kind === "committed") {
            const proposal = mode === "pull-request" ? await proposeChange(options.forge, target, options.branch, message) : {};
            return { ...result, changed: true, commit: outcome.sha, ...proposal };
        }
        const delay = (0,retry_policy/* backoffDelay */.EY)(CONFLICT_BACKOFF, Math.min(attempt - 1, 10));
        const elapsed = Date.now() - startedAt;
        if (elapsed + delay > timeoutMs) {
            throw new ConflictTimeoutError(`${options.forge.repo} branch "${target}" kept changing under us: gave up after ${attempt} attempts in ${Math.round(elapsed / 1000)}s (raise --timeout to wait longer); nothing was committed`);
        }
        log(`${target} moved (${outcome.detail}); attempt ${attempt + 1} in ${delay} ms`);
        await (0,retry_policy/* sleep */.yy)(delay);
    }
}
/** Finds each directory's kustomization in the snapshot (as kustomize does) and applies the specs. */
function planEdits(snapshot, dirs, specs) {
    const plan = { changes: [], images: [] };
    for (const dir of dirs) {
        const file = kustomizationIn(snapshot, dir);
        const before = snapshot.files.get(file);
        const edited = (0,set_images/* setImages */.B)(file, before, specs);
        plan.images.push(...edited.edits.map((e) => ({ file, ...e })));
        if (edited.text !== before)
            plan.changes.push({ path: file, content: edited.text });
    }
    return plan;
}
/** The paths a directory's kustomization may have, to read them all in one snapshot. */
function kustomizationCandidates(dirs) {
    return dirs.flatMap((d) => kustomization_file/* KUSTOMIZATION_FILE_NAMES */.YU.map((name) => external_node_path_default().posix.join(d, name)));
}
/** The directory's one kustomization file in the snapshot, as kustomize finds it. */
function kustomizationIn(snapshot, dir) {
    const present = kustomization_file/* KUSTOMIZATION_FILE_NAMES */.YU.map((n) => external_node_path_default().posix.join(dir, n)).filter((p) => snapshot.files.has(p));
    if (present.length === 0) {
        throw new errors/* PathError */.ER(`no kustomization in "${dir}" on branch ${snapshot.branch} (looked for ${kustomization_file/* KUSTOMIZATION_FILE_NAMES */.YU.join(", ")})`);
    }
    if (present.length > 1)
        throw new errors/* PathError */.ER(`"${dir}" has more than one kustomization file (${present.join(", ")})`);
    return present[0];
}
/** `gitops-ci/set-image/<base>/<images>`: one branch (and PR) per base and set of images. */
function proposalBranch(base, specs) {
    const slug = specs
        .map((s) => (0,image_ref/* normalizeImageName */.Y2)(s.name).replace(/^docker\.io\/(library\/)?/, ""))
        .sort()
        .join("+")
        .toLowerCase()
        .replace(/[^a-z0-9+._-]+/g, "-")
        .replace(/^-+|-+$/g, "");
    return `gitops-ci/set-image/${base}/${slug.length > 80 ? slug.slice(0, 80) : slug}`;
}
/** An open PR's branch already holds exactly this content: nothing to commit again. */
async function alreadyProposed(forge, branch, changes) {
    try {
        const current = await forge.readFiles(branch, changes.map((c) => c.path));
        return changes.every((c) => current.files.get(c.path) === c.content);
    }
    catch (error) {
        if (error instanceof forge_forge/* BranchNotFoundError */.EJ)
            return false;
        throw error;
    }
}
async function proposeChange(forge, head, base, message) {
    const [title = "", ...rest] = message.split("\n");
    const body = `${rest.join("\n").trim()}\n\nOpened by gitops-ci set-image; re-runs update this ${forge.kind === "github" ? "pull request" : "merge request"} instead of opening another.`;
    const open = await forge.findOpenChangeRequest(head, base);
    const pr = open
        ? await forge.updateChangeRequest(open.number, { title, body })
        : await forge.createChangeRequest({ head, base, title, body });
    return { prNumber: pr.number, prUrl: pr.url };
}


/***/ }),

/***/ 76576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/** Auto-merge cannot be set yet: the change request has no pipeline, so it would merge at once. */
class NoPipelineYetError extends ForgeError {
    name = "NoPipelineYetError";
}


/***/ }),

/***/ 51668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   KO: () => (/* binding */ mayRetry),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
const DEFAULT_RETRY_POLICY = {
    maxRetries: 5,
    maxElapsedMs: 60_000,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
    maxRateLimitWaitMs: 60_000,
    requestTimeoutMs: 30_000,
};
/** Full jitter: a random delay in [0, min(cap, base * 2^retry)), never below 1 ms. */
function backoffDelay(policy, retry, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
    return Math.max(1, Math.floor(random() * ceiling));
}
/** Whether a retry that would start after `delayMs` still fits the policy. */
function mayRetry(policy, retry, startedAt, delayMs, now = Date.now()) {
    return retry < policy.maxRetries && now - startedAt + delayMs <= policy.maxElapsedMs;
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
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


/***/ })

};
