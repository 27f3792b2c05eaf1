export const id = 7114;
export const ids = [7114];
export const modules = {

/***/ 7114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildPush: () => (/* binding */ buildPush)
});

// UNUSED EXPORTS: registryOf

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/build/labels.ts
/**
 * The OCI annotations every image gets: where it was built from and which version it is. The
 * promotion PR reads source and revision for its compare links. `extra` wins over the defaults.
 */
function ociLabels(context, image, version, extra, now = new Date()) {
    const defaults = {
        "org.opencontainers.image.created": now.toISOString(),
        "org.opencontainers.image.revision": context.sha,
        "org.opencontainers.image.version": version,
        "org.opencontainers.image.title": context.repoName ?? image.split("/").at(-1) ?? image,
    };
    if (context.sourceUrl)
        defaults["org.opencontainers.image.source"] = context.sourceUrl;
    return { ...defaults, ...extra };
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/build/tags.ts


/** What a build gets when no rule is given: the ref (branch, tag, pr-N), semver forms on tags, the short SHA. */
const DEFAULT_RULES = [
    "type=ref,event=branch",
    "type=ref,event=pr",
    "type=semver,pattern={{version}}",
    "type=semver,pattern={{major}}.{{minor}}",
    "type=sha",
];
function parseTagRule(text) {
    const fields = Object.fromEntries(text.split(",").map((part) => {
        const eq = part.indexOf("=");
        if (eq <= 0)
            throw new errors/* UsageError */.eb(`tag rule "${text}": "${part}" is not key=value`);
        return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    }));
    const type = fields.type;
    if (type !== "sha" && type !== "semver" && type !== "ref" && type !== "raw")
        throw new errors/* UsageError */.eb(`tag rule "${text}": type must be sha, semver, ref or raw`);
    if (type === "semver" && !fields.pattern)
        throw new errors/* UsageError */.eb(`tag rule "${text}": semver needs pattern=`);
    if (type === "ref" && !["branch", "tag", "pr"].includes(fields.event ?? ""))
        throw new errors/* UsageError */.eb(`tag rule "${text}": ref needs event=branch, event=tag or event=pr`);
    if (type === "raw" && !fields.value)
        throw new errors/* UsageError */.eb(`tag rule "${text}": raw needs value=`);
    return {
        type,
        pattern: fields.pattern,
        event: fields.event,
        value: fields.value,
        prefix: fields.prefix,
    };
}
/** A tag as OCI allows: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}; `feature/x` becomes `feature-x`. */
function sanitizeTag(raw) {
    const tag = raw
        .replace(/[^A-Za-z0-9_.-]+/g, "-")
        .replace(/^[.-]+/, "")
        .slice(0, 128);
    return tag;
}
/**
 * A branch named like a version (`1.4.1`, `v2`, `release-1.4` is fine) would get the tag a release
 * of that version pushes: branch-derived tags that look like one are prefixed `branch-`.
 */
const VERSION_LIKE = /^v?\d+(\.\d+){0,2}([-+.].*)?$/i;
function branchTag(branch) {
    const tag = sanitizeTag(branch);
    return VERSION_LIKE.test(tag) ? `branch-${tag}` : tag;
}
/** The version a build carries: the semver of its tag, else the tag, else branch-sha. */
function versionOf(context) {
    const v = context.tag ? semver_default().valid(semver_default().clean(context.tag)) : null;
    if (v)
        return v;
    if (context.tag)
        return sanitizeTag(context.tag);
    if (context.event === "pr")
        return `pr-${context.pr}`;
    return `${branchTag(context.branch ?? "head")}-${context.sha.slice(0, 7)}`.slice(0, 128);
}
/** The tags the rules give for this build, in rule order, without duplicates. */
function computeTags(rules, context) {
    const tags = [];
    for (const rule of rules) {
        const tag = tagFor(rule, context);
        if (tag) {
            const fromBranch = rule.type === "ref" && context.event === "branch";
            const clean = fromBranch ? branchTag(`${rule.prefix ?? ""}${tag}`) : sanitizeTag(`${rule.prefix ?? ""}${tag}`);
            if (clean && !tags.includes(clean))
                tags.push(clean);
        }
    }
    return tags;
}
function tagFor(rule, context) {
    switch (rule.type) {
        case "sha":
            return `sha-${context.sha.slice(0, 7)}`;
        case "raw":
            return rule.value;
        case "ref":
            if (rule.event !== context.event)
                return undefined;
            return context.event === "pr" ? `pr-${context.pr}` : context.event === "tag" ? context.tag : context.branch;
        case "semver": {
            const v = context.event === "tag" && context.tag ? semver_default().parse(semver_default().clean(context.tag)) : null;
            if (!v)
                return undefined;
            // As metadata-action does: {{major}} and {{major}}.{{minor}} are not given to prereleases.
            if (v.prerelease.length &&
                /\{\{(major|minor)\}\}/.test(rule.pattern ?? "") &&
                !/\{\{patch\}\}/.test(rule.pattern ?? ""))
                return undefined;
            return (rule.pattern ?? "")
                .replaceAll("{{version}}", v.version)
                .replaceAll("{{major}}", String(v.major))
                .replaceAll("{{minor}}", String(v.minor))
                .replaceAll("{{patch}}", String(v.patch));
        }
    }
}

// EXTERNAL MODULE: ./src/kustomize/image-ref.ts
var image_ref = __webpack_require__(72198);
;// CONCATENATED MODULE: ./src/commands/build-push.ts





/** The registry host of a repository name, as docker logs in to it. */
function registryOf(image) {
    const first = image.split("/")[0] ?? "";
    return image.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost")
        ? first
        : "docker.io";
}
/**
 * Builds the context with the chosen builder, tags it by the rules, labels it, and pushes every
 * tag; the digest is the one of the pushed manifest. Logs in before and out after when given
 * credentials (password on stdin).
 */
async function buildPush(options) {
    const ref = (0,image_ref/* splitReference */.mQ)(options.image);
    if (ref.tag || ref.digest)
        throw new errors/* UsageError */.eb(`--image ${options.image}: give the repository only; tags come from --tags rules`);
    const rules = (options.tagRules?.length ? options.tagRules : DEFAULT_RULES).map(parseTagRule);
    const tags = computeTags(rules, options.source);
    if (tags.length === 0)
        throw new errors/* UsageError */.eb("the tag rules give no tag for this build; add type=sha or type=raw,value=...");
    const version = versionOf(options.source);
    const labels = ociLabels(options.source, options.image, version, options.labels ?? {});
    const refs = tags.map((t) => `${options.image}:${t}`);
    const context = options.context ?? ".";
    await options.builder.build({
        context,
        file: external_node_path_default().join(context, options.file ?? "Dockerfile"),
        refs,
        labels,
        buildArgs: options.buildArgs ?? {},
        target: options.target,
        platforms: options.platforms,
    });
    if (options.push === false)
        return { image: refs[0], tags: refs, version, labels };
    const registry = registryOf(options.image);
    if (options.credentials)
        await options.builder.login(registry, options.credentials, options.insecureRegistry ?? false);
    try {
        const digest = await options.builder.push(refs, options.insecureRegistry ?? false);
        return { image: `${options.image}@${digest}`, digest, tags: refs, version, labels };
    }
    finally {
        if (options.credentials)
            await options.builder.logout(registry);
    }
}


/***/ })

};
