export const id = 5545;
export const ids = [5545];
export const modules = {

/***/ 15545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidateAction: () => (/* binding */ runValidateAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
;// CONCATENATED MODULE: ./src/gate/check-name.ts
/** The name of the gate's check (GitHub check run or commit status, GitLab commit status), which branch protection requires. */
const CHECK_NAME = "gitops-ci/validate";

;// CONCATENATED MODULE: ./src/messages/markdown.ts
/**
 * Text taken from a repository or a registry, placed in Markdown a reviewer reads (PR bodies,
 * comments, MR notes, job summaries): it must show as text, never as a mention that pages a team,
 * an issue reference, an image or link, or markup that breaks out of its cell or code span.
 */
const ZERO_WIDTH = "&#8203;";
/**
 * Plain text: Markdown punctuation backslash-escaped, `@` and `#<n>` broken with a zero-width
 * space (as Renovate does: the host's mention and reference filters run after escaping), bare URLs
 * kept from auto-linking, one line.
 */
function plainText(text) {
    return oneLine(text)
        .replace(/&/g, "&amp;")
        .replace(/[\\`*_[\]<>|~!{}]/g, (c) => `\\${c}`)
        .replace(/#(?=\d)/g, `#${ZERO_WIDTH}`)
        .replace(/@/g, `@${ZERO_WIDTH}`)
        .replace(/:\/\//g, `:${ZERO_WIDTH}//`)
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${ZERO_WIDTH}.`);
}
/** A code span no content can close: the fence is longer than any run of backticks inside. */
function code(text) {
    const line = oneLine(text);
    const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
    return { markdown: `${fence}${pad}${line}${pad}${fence}` };
}
/** `[text](url)` with the text a code span; the URL is built by the caller from trusted parts. */
function codeLink(text, url) {
    return { markdown: `[${code(text).markdown}](${url.replace(/[()\s<>]/g, encodeURIComponent)})` };
}
/** A PR/MR title: one line, no control characters, at most 255 characters (GitLab's limit). */
function titleText(text) {
    return oneLine(text).slice(0, 255);
}
function render(cell) {
    return typeof cell === "string" ? plainText(cell) : cell.markdown;
}
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}
/** A fenced code block no content can close: the fence is longer than any run of backticks inside. */
function codeBlock(text, language = "") {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    return { markdown: `${fence}${language}\n${text}\n${fence}` };
}
/** Text inside an HTML element (a `<summary>`): markup characters as entities, one line. */
function htmlText(text) {
    return oneLine(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/messages/markdown-table.ts

/**
 * A markdown table (job summaries, PR comments, MR notes). A string cell is plain text, escaped
 * (see plainText); a Markdown cell is kept, with `|` escaped so it cannot split the row.
 */
function markdownTable(header, rows) {
    const cell = (c) => render(c).replace(/(?<!\\)\|/g, "\\|");
    const line = (cells) => `| ${cells.map(cell).join(" | ")} |`;
    return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

;// CONCATENATED MODULE: ./src/gate/reporters/report.ts
/** A finding's file as the repository (code scanning, check annotations) names it. */
function repoFile(report, file) {
    return report.repoPath ? `${report.repoPath}/${file}` : file;
}
/** The warning every report carries when the run found nothing to check. */
const CHECKED_NOTHING = "warning: nothing was checked: no kustomization and no Kubernetes manifest under the directory (is --dir right?)";

;// CONCATENATED MODULE: ./src/gate/reporters/markdown.ts



/** Enough to act on in a comment; the full list is in the job log and the report files. */
const MAX_ROWS = 50;
/** For PR comments and MR notes: the verdict, the summary, and the findings as a table. */
const markdownReporter = ({ findings, summary: s, failed }) => {
    const blocked = failed;
    const lines = [
        `### gitops-ci/validate: ${blocked ? "blocked" : "passed"}`,
        "",
        `${s.roots} root(s), ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped; **${s.errors} error(s)**, ${s.warnings} warning(s).`,
        "",
    ];
    if (s.checkedNothing)
        lines.push(`**${CHECKED_NOTHING}**`, "");
    if (findings.length) {
        const rows = findings
            .slice(0, MAX_ROWS)
            .map((f) => [f.severity, code(f.rule), code(`${f.file}:${f.line}:${f.column}`), f.message, f.hint]);
        lines.push(markdownTable(["severity", "rule", "where", "finding", "how to fix"], rows));
        if (findings.length > MAX_ROWS)
            lines.push("", `…and ${findings.length - MAX_ROWS} more: see the job log or the Code Quality report.`);
    }
    else
        lines.push("No findings.");
    return `${lines.join("\n")}\n`;
};

;// CONCATENATED MODULE: ./src/preview/format/describe.ts
/** What every format says first: against what, and how much renders differently. */
function headline(result, ref = (t) => t) {
    const against = `${ref(result.baseRef)} (${ref(result.baseCommit.slice(0, 12))})`;
    if (result.roots.length === 0 && result.unchanged.length === 0) {
        const pins = result.images.length ? ` ${result.images.length} image pin(s) change in files no render shows.` : "";
        return `No root reads a file changed since ${against}: nothing renders differently.${pins}`;
    }
    const same = result.unchanged.length ? `, ${result.unchanged.length} render(s) the same` : "";
    return `Compared with ${against}: ${result.roots.length} root(s) render differently${same}.`;
}
function countsText(counts) {
    const parts = Object.entries(counts).filter(([, n]) => n > 0);
    return parts.length ? parts.map(([change, n]) => `${n} ${change}`).join(", ") : "no object changes";
}
/** `apps/v1 Deployment prod/api`, a rename as `old → new`. */
function objectTitle(object) {
    const where = (name) => (object.namespace ? `${object.namespace}/${name}` : name);
    const name = object.previousName ? `${where(object.previousName)} → ${where(object.name)}` : where(object.name);
    return `${object.apiVersion} ${object.kind} ${name}`;
}
function hashLine(object) {
    return object.hash && `generated name ${object.hash.from} → ${object.hash.to}`;
}
function versionText(version) {
    return version ?? "(none)";
}
function imageWhere(image) {
    return `${image.root} (${image.objects.join(", ")})`;
}
function rootTitle(root) {
    const by = root.deployedBy.length ? ` — deployed by ${root.deployedBy.join(", ")}` : "";
    return `${root.root}${by}`;
}

;// CONCATENATED MODULE: ./src/preview/format/markdown.ts



/** The most characters one comment holds: GitHub's comment body; a GitLab note holds 1,000,000. */
const COMMENT_LIMITS = { github: 65_536, gitlab: 1_000_000 };
/** Rows of a summary table a comment keeps; the text format lists them all. */
const MAX_TABLE_ROWS = 100;
/**
 * For a PR comment, an MR note and a job summary: the headline, a table of roots and one of
 * image changes, then a collapsed section per root with each object's diff. Sections that do
 * not fit in maxChars are left out, with a line saying which and how to see them.
 */
function diffMarkdown(result, options = {}) {
    const maxChars = options.maxChars ?? COMMENT_LIMITS.github;
    const head = [`#### Rendered diff`, "", headline(result, (t) => code(t).markdown)];
    if (result.roots.length)
        head.push("", rootTable(result.roots));
    if (result.images.length)
        head.push("", "**Images**", "", imageTable(result));
    const sections = result.roots.map(rootSection);
    const how = options.seeAll ?? `run ${code(`gitops-ci diff --base-ref ${result.baseRef} --format text`).markdown}`;
    const footer = (rest) => `_${rest} root(s) not shown: the preview is cut to fit the ${maxChars}-character comment limit. To see it all, ${how}._`;
    const out = [head.join("\n")];
    const size = (parts) => parts.reduce((n, p) => n + p.length + 2, 0);
    if (size([...out, ...sections]) <= maxChars)
        out.push(...sections);
    else {
        const room = maxChars - footer(sections.length).length - 2;
        let shown = 0;
        while (shown < sections.length && size([...out, sections[shown]]) <= room)
            out.push(sections[shown++]);
        out.push(footer(sections.length - shown));
    }
    const text = `${out.join("\n\n")}\n`;
    return text.length <= maxChars ? text : `${text.slice(0, maxChars - 80)}\n\n_…cut to fit the comment limit._\n`;
}
function rootTable(roots) {
    const rows = roots
        .slice(0, MAX_TABLE_ROWS)
        .map((r) => [
        code(r.root),
        r.deployedBy.join(", ") || "—",
        r.problem ? "not compared" : String(r.counts.added),
        r.problem ? "" : String(r.counts.removed),
        r.problem ? "" : String(r.counts.modified),
        r.problem ? "" : String(r.counts.renamed),
    ]);
    const more = roots.length > MAX_TABLE_ROWS ? `\n\n…and ${roots.length - MAX_TABLE_ROWS} more root(s).` : "";
    return markdownTable(["root", "deployed by", "added", "removed", "modified", "renamed"], rows) + more;
}
function imageTable(result) {
    const rows = result.images
        .slice(0, MAX_TABLE_ROWS)
        .map((i) => [
        code(i.image),
        code(versionText(i.from)),
        code(versionText(i.to)),
        code(i.root),
        i.objects.join(", "),
    ]);
    const more = result.images.length > MAX_TABLE_ROWS ? `\n\n…and ${result.images.length - MAX_TABLE_ROWS} more.` : "";
    return markdownTable(["image", "from", "to", "in", "objects"], rows) + more;
}
function rootSection(root) {
    const summary = `<summary><code>${htmlText(root.root)}</code>: ${htmlText(root.problem ? "not compared" : countsText(root.counts))}</summary>`;
    const body = root.problem
        ? [codeBlock(root.problem).markdown]
        : root.objects.map((o) => {
            const lines = [`**${o.change}** ${code(objectTitle(o)).markdown}`];
            const hash = hashLine(o);
            if (hash)
                lines.push("", code(hash).markdown);
            if (o.diff)
                lines.push("", codeBlock(o.diff, "diff").markdown);
            if (o.cut)
                lines.push("", `_${o.cut} more line(s) not shown._`);
            return lines.join("\n");
        });
    return ["<details>", summary, "", ...body.flatMap((b) => [b, ""]), "</details>"].join("\n");
}

;// CONCATENATED MODULE: ./src/secrets.ts
const secrets = new Set();
/** Remembers a secret so that redact() removes it from anything the suite prints. */
function secrets_registerSecret(value) {
    if (value.length >= 4)
        secrets.add(value);
}
/**
 * Variables that hold credentials on the runners and in common setups: the gate's text must not
 * carry them even when another variable is the token in use (the renderer never sees them, but
 * a report may quote repository content that copied one).
 */
const CREDENTIAL_VARIABLES = [
    "GITOPS_TOKEN",
    "GITHUB_TOKEN",
    "GH_TOKEN",
    "GITLAB_TOKEN",
    "CI_JOB_TOKEN",
    "CI_REGISTRY_PASSWORD",
    "CI_DEPLOY_PASSWORD",
    "CI_JOB_JWT",
    "CI_JOB_JWT_V2",
    "ACTIONS_RUNTIME_TOKEN",
    "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
    "INPUT_TOKEN",
    "INPUT_GITHUB-TOKEN",
    "INPUT_REGISTRY-PASSWORD",
];
/** Names that say a variable is a credential, whatever the setup calls it. */
const CREDENTIAL_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|ACCESS_KEY|CREDENTIAL)/i;
/** Values shorter than this are too common to redact without destroying ordinary text. */
const MIN_ENV_SECRET = 8;
/** Registers every credential the environment holds: known variables, and names that say so. */
function registerEnvironmentSecrets(env = process.env) {
    for (const [name, value] of Object.entries(env)) {
        if (!value || value.length < MIN_ENV_SECRET)
            continue;
        if (CREDENTIAL_VARIABLES.includes(name.toUpperCase()) || CREDENTIAL_NAME.test(name))
            secrets_registerSecret(value.trim());
    }
}
/** `https://user:password@`: credentials in a URL, whoever registered them. */
const URL_CREDENTIALS = /\b((?:https?|git|ssh|ftp):\/\/)[^\s/?#@]+@/gi;
/**
 * Replaces every registered secret (and its URL-encoded and base64 forms) with ***, and the
 * user-info part of any URL.
 */
function redact(text) {
    let out = text.replace(URL_CREDENTIALS, "$1***@");
    for (const secret of secrets) {
        for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")]) {
            out = out.split(form).join("***");
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/commands/publish-verdict.ts






/** Marks the one note/comment validate keeps per PR/MR, so reruns update it. */
const NOTE_MARKER = "<!-- gitops-ci/validate -->";
/** The gate's verdict as a check: every finding an annotation at its line. */
function gateCheckOf(result, runUrl) {
    const s = result.summary;
    return {
        name: CHECK_NAME,
        detailsUrl: runUrl,
        passed: !result.failed,
        title: `${s.errors} error(s), ${s.warnings} warning(s)`,
        summary: `${s.roots} root(s), ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped.`,
        annotations: result.findings.map((f) => ({
            path: repoFile(result, f.file),
            line: f.line,
            column: f.column,
            level: f.severity === "error" ? "failure" : f.severity === "warning" ? "warning" : "notice",
            title: `gitops-ci: ${f.rule}`,
            message: redact(`${f.message}. ${f.hint}`),
        })),
    };
}
/**
 * Publishes the verdict: the check (GitHub check run, GitLab commit status) on the commit, and,
 * for a PR/MR, one note with the findings that every run updates in place. Where the check could
 * only be a commit status, the note is where the findings are read.
 */
async function publishVerdict(forge, result, target) {
    const check = await forge.publishCheck(target.sha, gateCheckOf(result, target.runUrl));
    if (target.changeRequest === undefined)
        return { check };
    return { check, note: await publishNote(forge, result, { ...target, changeRequest: target.changeRequest }) };
}
/** The one note on the PR/MR with the findings (and the preview), created or updated in place. */
function publishNote(forge, result, target) {
    const body = redact(noteBody(result, COMMENT_LIMITS[forge.kind], target));
    return forge.upsertComment(target.changeRequest, NOTE_MARKER, body);
}
/** The note: the findings first, then the preview in what room the host's comment limit leaves. */
function noteBody(result, limit, target) {
    const findings = `${NOTE_MARKER}\n${markdownReporter(result)}`;
    if (!target.preview)
        return findings;
    const seeAll = target.runUrl
        ? `see the job log (${target.runUrl}) or run \`gitops-ci diff --base-ref ${target.preview.baseCommit.slice(0, 12)}\` locally`
        : undefined;
    return `${findings}\n${diffMarkdown(target.preview, { maxChars: limit - findings.length - 1, seeAll })}`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/gate/source-files.ts
var source_files = __webpack_require__(61516);
// EXTERNAL MODULE: ./src/gate/yaml-depth.ts
var yaml_depth = __webpack_require__(85748);
;// CONCATENATED MODULE: ./src/gate/credential-files.ts





/** Larger files are not read for credentials: a kubeconfig is a few kilobytes. */
const MAX_CREDENTIAL_SCAN_BYTES = 1024 * 1024;
/** Text a kubeconfig with a user credential, or a service-account token Secret, must contain. */
const KUBECONFIG = /^\s*users:/m;
const SA_TOKEN = /kubernetes\.io\/service-account-token/;
/**
 * Files that are not manifests by name (`kubeconfig`, `admin.kubeconfig`, `config`, `*.conf`)
 * but hold a kubeconfig or a service-account token by content, parsed for cluster-credential.
 */
function credentialFiles(dir, files, maxDepth) {
    const out = [];
    for (const file of files) {
        const text = readSmallText(external_node_path_default().join(dir, file));
        if (!text || !(KUBECONFIG.test(text) || SA_TOKEN.test(text)) || (0,yaml_depth/* nestingDepth */.Q)(text) > maxDepth)
            continue;
        const lines = new dist/* LineCounter */.HN();
        const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, prettyErrors: false, logLevel: "error", merge: true });
        if (!Array.isArray(docs) || docs.some((d) => d.errors.length))
            continue;
        out.push((0,source_files/* sourceOf */.vz)(file, text, docs, lines));
    }
    return out;
}
/** The file's text when it is small and not binary (no NUL byte). */
function readSmallText(full) {
    const fd = (0,external_node_fs_.openSync)(full, "r");
    try {
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        if (size === 0 || size > MAX_CREDENTIAL_SCAN_BYTES)
            return undefined;
        const buffer = Buffer.alloc(size);
        (0,external_node_fs_.readSync)(fd, buffer, 0, size, 0);
        return buffer.includes(0) ? undefined : buffer.toString("utf8");
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/kustomize/image-ref.ts

// Grammar from the OCI distribution spec and github.com/distribution/reference.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const DOMAIN_COMPONENT = "(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])";
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
/** The docker rule: the first path part is a registry host if it looks like one. */
function splitDomain(name) {
    const slash = name.indexOf("/");
    if (slash < 0)
        return { path: name };
    const first = name.slice(0, slash);
    const isHost = first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase();
    return isHost ? { domain: first, path: name.slice(slash + 1) } : { path: name };
}
function describeNameProblem(name) {
    if (name === "")
        return "the image name is empty";
    if (name.length > 255)
        return "the image name is longer than 255 characters";
    const { domain, path } = splitDomain(name);
    if (domain !== undefined && !DOMAIN.test(domain)) {
        return `"${domain}" is not a valid registry host[:port]`;
    }
    for (const part of path.split("/")) {
        if (!PATH_COMPONENT.test(part)) {
            return `"${part}" is not a valid repository path component (lowercase letters, digits and single . _ __ or - separators)`;
        }
    }
    return undefined;
}
function checkName(name, spec, role) {
    const problem = describeNameProblem(name);
    if (problem)
        throw new src_errors/* UsageError */.eb(`image spec "${spec}": ${role}: ${problem}`);
}
function describeTagProblem(tag) {
    return TAG.test(tag)
        ? undefined
        : `tag ${JSON.stringify(tag)} is not a valid OCI tag (1-128 characters of letters, digits, _ . -, not starting with . or -)`;
}
function describeDigestProblem(digest) {
    return DIGEST.test(digest)
        ? undefined
        : `digest ${JSON.stringify(digest)} is malformed (expected sha256: and 64 lowercase hex digits, or sha512: and 128)`;
}
function checkTag(tag, spec) {
    const problem = describeTagProblem(tag);
    if (problem)
        throw new src_errors/* UsageError */.eb(`image spec "${spec}": ${problem}`);
}
function checkDigest(digest, spec) {
    const problem = describeDigestProblem(digest);
    if (problem)
        throw new src_errors/* UsageError */.eb(`image spec "${spec}": ${problem}`);
}
/** Splits `name[:tag][@digest]`; a `:` before the last `/` belongs to a registry port. */
function image_ref_splitReference(ref) {
    let rest = ref;
    let digest;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let tag;
    const colon = rest.lastIndexOf(":");
    if (colon > rest.lastIndexOf("/")) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    return { name: rest, tag, digest };
}
/** Parses and validates one `--image` spec; throws UsageError naming the part that is wrong. */
function parseImageSpec(raw) {
    const spec = raw.trim();
    if (spec === "")
        throw new src_errors/* UsageError */.eb("image spec is empty");
    if (/\s/.test(spec))
        throw new src_errors/* UsageError */.eb(`image spec "${raw}" contains whitespace`);
    const eq = spec.indexOf("=");
    let name;
    let target;
    let newName;
    if (eq >= 0) {
        name = spec.slice(0, eq);
        const lhs = image_ref_splitReference(name);
        if (lhs.tag !== undefined || lhs.digest !== undefined) {
            throw new src_errors/* UsageError */.eb(`image spec "${spec}": put the tag or digest after the new name (NAME=NEWNAME:TAG@DIGEST), not before "="`);
        }
        target = image_ref_splitReference(spec.slice(eq + 1));
        newName = target.name;
        checkName(newName, spec, "new name");
    }
    else {
        target = image_ref_splitReference(spec);
        name = target.name;
    }
    checkName(name, spec, "name");
    if (target.tag !== undefined)
        checkTag(target.tag, spec);
    if (target.digest !== undefined)
        checkDigest(target.digest, spec);
    if (newName === undefined && target.tag === undefined && target.digest === undefined) {
        throw new src_errors/* UsageError */.eb(`image spec "${spec}" sets nothing: give a tag (${name}:TAG), a digest (${name}@sha256:...) or a new name (${name}=NEWNAME)`);
    }
    return { raw: spec, name, newName, tag: target.tag, digest: target.digest };
}
/** Parses every spec; two specs for the same image would make the result depend on their order. */
function parseImageSpecs(raws) {
    const specs = raws.map(parseImageSpec);
    const seen = new Map();
    for (const spec of specs) {
        const key = image_ref_normalizeImageName(spec.name);
        const earlier = seen.get(key);
        if (earlier)
            throw new UsageError(`image specs "${earlier}" and "${spec.raw}" name the same image; give one spec per image`);
        seen.set(key, spec.raw);
    }
    return specs;
}
/**
 * The canonical form used to decide that two names are the same image, so that
 * `nginx`, `docker.io/library/nginx` and `index.docker.io/library/nginx` match one entry.
 */
function image_ref_normalizeImageName(name) {
    const split = splitDomain(name);
    let domain = split.domain?.toLowerCase() ?? "docker.io";
    let path = split.path;
    if (domain === "index.docker.io")
        domain = "docker.io";
    if (domain === "docker.io" && !path.includes("/"))
        path = `library/${path}`;
    return `${domain}/${path}`;
}

// EXTERNAL MODULE: ./src/gate/yaml-nav.ts
var yaml_nav = __webpack_require__(94100);
;// CONCATENATED MODULE: ./src/gate/deployers/argo-application.ts




const argo_application_text = (value) => (typeof value === "string" && value !== "" ? value : undefined);
const list = (value) => (Array.isArray(value) ? value : []);
/**
 * Every Argo CD Application (and ApplicationSet template with a literal path) source in this
 * repository whose `kustomize:` options change what its path builds.
 */
function argoBuilds(sources) {
    const builds = [];
    for (const source of sources)
        for (const object of (0,yaml_nav/* objectsOf */.iZ)(source, "Application", "ApplicationSet")) {
            if (object.apiVersion?.split("/")[0] !== "argoproj.io")
                continue;
            if (object.kind !== "Application" && object.kind !== "ApplicationSet")
                continue;
            const js = object.map.toJS(object.doc, { maxAliasCount: 100 });
            const spec = (object.kind === "Application" ? js.spec : js.spec?.template?.spec);
            const name = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name")) ?? "(unnamed)";
            for (const entry of [spec?.source, ...list(spec?.sources)]) {
                const { path: dir, kustomize } = (entry ?? {});
                if (typeof dir !== "string" || dir.includes("{{") || !kustomize)
                    continue;
                const normalized = external_node_path_default().posix.normalize(dir.replace(/^\.\//, "")).replace(/\/$/, "") || ".";
                builds.push({
                    by: `Argo CD ${object.kind} ${name}`,
                    file: source.file,
                    dir: normalized,
                    components: list(kustomize.components)
                        .filter((c) => typeof c === "string")
                        .map((c) => external_node_path_default().posix.normalize(external_node_path_default().posix.join(normalized, c))),
                    namespace: argo_application_text(kustomize.namespace),
                    namePrefix: argo_application_text(kustomize.namePrefix),
                    nameSuffix: argo_application_text(kustomize.nameSuffix),
                    images: list(kustomize.images).flatMap(imageEntry),
                    patches: list(kustomize.patches),
                    commonLabels: isRecord(kustomize.commonLabels) ? kustomize.commonLabels : undefined,
                    commonAnnotations: isRecord(kustomize.commonAnnotations) ? kustomize.commonAnnotations : undefined,
                });
            }
        }
    return builds;
}
function isRecord(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}
/** `name=new:tag` as `kustomize edit set image` reads it, as a kustomization images entry. */
function imageEntry(value) {
    if (typeof value !== "string")
        return [];
    try {
        const spec = parseImageSpec(value);
        return [
            Object.fromEntries(Object.entries({ name: spec.name, newName: spec.newName, newTag: spec.tag, digest: spec.digest }).filter((e) => e[1] !== undefined)),
        ];
    }
    catch (error) {
        if (error instanceof src_errors/* UsageError */.eb)
            return [];
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/gate/deployers/flux-kustomization.ts



const FLUX_GROUP = "kustomize.toolkit.fluxcd.io";
function normalized(dir) {
    return external_node_path_default().posix.normalize(dir.replace(/^\.\//, "")).replace(/\/$/, "") || ".";
}
/** Every Flux Kustomization of the repo whose spec changes what its path builds. */
function fluxBuilds(sources) {
    const builds = [];
    for (const source of sources)
        for (const object of (0,yaml_nav/* objectsOf */.iZ)(source, "Kustomization")) {
            if (object.kind !== "Kustomization" || object.apiVersion?.split("/")[0] !== FLUX_GROUP)
                continue;
            const spec = object.map.toJS(object.doc, { maxAliasCount: 100 })?.spec;
            const dirPath = typeof spec?.path === "string" && !spec.path.includes("{{") ? normalized(spec.path) : undefined;
            if (!spec || !dirPath)
                continue;
            const list = (value) => (Array.isArray(value) ? value : []);
            const text = (value) => (typeof value === "string" && value !== "" ? value : undefined);
            const postBuild = spec.postBuild;
            const build = {
                by: `Flux Kustomization ${(0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name")) ?? "(unnamed)"}`,
                file: source.file,
                dir: dirPath,
                components: list(spec.components)
                    .filter((c) => typeof c === "string")
                    .map((c) => normalized(external_node_path_default().posix.join(dirPath, c))),
                namespace: text(spec.targetNamespace),
                namePrefix: text(spec.namePrefix),
                nameSuffix: text(spec.nameSuffix),
                images: list(spec.images),
                patches: list(spec.patches),
                substitute: postBuild ? substitutions(postBuild, sources) : undefined,
            };
            const changes = build.components.length || build.namespace || build.namePrefix || build.nameSuffix || build.images.length;
            if (changes || build.patches.length || build.substitute)
                builds.push(build);
        }
    return builds;
}
/** postBuild variables: substituteFrom ConfigMaps and Secrets defined in the repo, then substitute over them. */
function substitutions(postBuild, sources) {
    const vars = {};
    for (const ref of Array.isArray(postBuild.substituteFrom) ? postBuild.substituteFrom : []) {
        const { kind, name } = (ref ?? {});
        Object.assign(vars, dataOf(kind, name, sources));
    }
    if (flux_kustomization_isRecord(postBuild.substitute))
        for (const [key, value] of Object.entries(postBuild.substitute))
            vars[key] = String(value);
    return vars;
}
function flux_kustomization_isRecord(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}
/** The data of a ConfigMap (data) or Secret (stringData, base64 data) of that name in the repo. */
function dataOf(kind, name, sources) {
    for (const source of sources)
        for (const object of kind ? (0,yaml_nav/* objectsOf */.iZ)(source, kind) : (0,yaml_nav/* objectsOf */.iZ)(source)) {
            if (object.kind !== kind || (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name")) !== name)
                continue;
            const out = {};
            const section = (key, decode) => {
                const map = (0,yaml_nav/* valueOf */.RP)(object.map, key);
                if (!(0,dist/* isMap */.jh)(map))
                    return;
                for (const [k, v] of Object.entries(map.toJS(object.doc)))
                    out[k] = decode ? Buffer.from(String(v), "base64").toString("utf8") : String(v);
            };
            section("data", kind === "Secret");
            section("stringData", false);
            return out;
        }
    return {};
}
/**
 * Flux's post-build substitution (kustomize-controller's envsubst): `${var}`, `${var:=default}`
 * and `${var:-default}` are replaced, `$${var}` is the literal `${var}`, and a variable with no
 * value and no default stays as written.
 */
function substituteVariables(text, vars) {
    // a default may itself be a variable (${CLAIM:=${APP}}): inner ones are replaced first
    let out = text;
    for (let round = 0; round < 5; round++) {
        const next = out.replace(/(\$?)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([=-])([^{}]*))?\}/g, (whole, escape, name, operator, fallback) => {
            if (escape)
                return `\u0000{${whole.slice(3)}`;
            const value = vars[name];
            if (value !== undefined && value !== "")
                return value;
            return operator ? (fallback ?? "") : whole;
        });
        if (next === out)
            break;
        out = next;
    }
    return out.replaceAll("\u0000{", "${");
}

// EXTERNAL MODULE: ./src/kustomize/kustomization-file.ts
var kustomization_file = __webpack_require__(53625);
;// CONCATENATED MODULE: ./src/gate/references.ts




const BUILD_LISTS = ["resources", "components", "bases"];
const FILE_LISTS = ["crds", "configurations", "patchesStrategicMerge"];
/** Lists whose entries are a path to a plugin config, or the config itself inline. */
const PLUGIN_LISTS = ["transformers", "generators", "validators"];
const ENTRY_FIELDS = {
    patches: ["path"],
    patchesJson6902: ["path"],
    replacements: ["path"],
    configMapGenerator: ["files", "envs", "env"],
    secretGenerator: ["files", "envs", "env"],
    helmCharts: ["valuesFile", "additionalValuesFiles"],
};
const MAP_FIELDS = {
    openapi: ["path"],
    helmGlobals: ["chartHome", "configHome"],
};
/** Fields of kustomize's built-in generator and transformer configs that name files. */
const PLUGIN_FIELDS = {
    ConfigMapGenerator: ["files", "envs", "env"],
    SecretGenerator: ["files", "envs", "env"],
    HelmChartInflationGenerator: ["valuesFile", "additionalValuesFiles", "chartHome"],
    PatchTransformer: ["path"],
    PatchJson6902Transformer: ["path"],
    PatchStrategicMergeTransformer: ["paths"],
};
function isKustomizationFile(file) {
    return kustomization_file/* KUSTOMIZATION_FILE_NAMES */.YU.includes(external_node_path_default().posix.basename(file));
}
/** The kustomization file of a directory among the parsed sources, in kustomize's order. */
function kustomizationIn(dir, sources) {
    for (const name of kustomization_file/* KUSTOMIZATION_FILE_NAMES */.YU) {
        const found = sources.get(external_node_path_default().posix.join(dir, name));
        if (found)
            return found;
    }
    return undefined;
}
/** `key=path` entries of generators name the file after the `=`. */
function pathOfEntry(field, value) {
    return field.endsWith(".files") && value.includes("=") ? value.slice(value.indexOf("=") + 1) : value;
}
/**
 * Every path a kustomization makes kustomize read, in the order written: resources and bases,
 * patches, generator files, replacement sources, CRDs, OpenAPI schema, Helm values, and the
 * files named inside generator/transformer configs (inline or in their own files).
 */
function referencesOf(kustomization, sources) {
    const baseDir = external_node_path_default().posix.dirname(kustomization.file);
    const out = [];
    /** `at` places a reference parsed from an inline string at the entry that holds the string. */
    const add = (source, field, node, kind, at) => {
        const raw = (0,yaml_nav/* stringOf */.Je)(node);
        if (!raw || raw.includes("\n"))
            return;
        out.push({ field, value: pathOfEntry(field, raw), kind, source, node: at ?? node, baseDir });
    };
    const addAll = (source, field, node, kind, at) => {
        if ((0,dist/* isSeq */.oP)(node))
            for (const item of node.items)
                add(source, field, item, kind, at);
        else
            add(source, field, node, kind, at);
    };
    const pluginConfig = (source, config, field, at) => {
        const kind = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(config, "kind")) ?? "";
        for (const key of PLUGIN_FIELDS[kind] ?? [])
            addAll(source, `${field}.${key}`, (0,yaml_nav/* valueOf */.RP)(config, key), "file", at);
        const replacements = (0,yaml_nav/* valueOf */.RP)(config, "replacements");
        if (kind === "ReplacementTransformer" && (0,dist/* isSeq */.oP)(replacements))
            for (const entry of replacements.items)
                add(source, `${field}.replacements[].path`, (0,yaml_nav/* valueOf */.RP)(entry, "path"), "file", at);
    };
    const contents = kustomization.docs[0]?.contents;
    for (const key of BUILD_LISTS)
        addAll(kustomization, key, (0,yaml_nav/* valueOf */.RP)(contents, key), "build");
    for (const key of FILE_LISTS)
        addAll(kustomization, key, (0,yaml_nav/* valueOf */.RP)(contents, key), "file");
    for (const [key, fields] of Object.entries(ENTRY_FIELDS)) {
        const list = (0,yaml_nav/* valueOf */.RP)(contents, key);
        if (!(0,dist/* isSeq */.oP)(list))
            continue;
        for (const entry of list.items)
            if ((0,dist/* isMap */.jh)(entry))
                for (const field of fields)
                    addAll(kustomization, `${key}[].${field}`, (0,yaml_nav/* valueOf */.RP)(entry, field), "file");
    }
    for (const [key, fields] of Object.entries(MAP_FIELDS))
        for (const field of fields)
            add(kustomization, `${key}.${field}`, (0,yaml_nav/* valueOf */.RP)(contents, key, field), "file");
    for (const key of PLUGIN_LISTS) {
        const list = (0,yaml_nav/* valueOf */.RP)(contents, key);
        if (!(0,dist/* isSeq */.oP)(list))
            continue;
        for (const item of list.items) {
            const text = (0,dist/* isScalar */.jn)(item) && typeof item.value === "string" ? item.value : undefined;
            if (text?.includes("\n")) {
                for (const doc of inlineDocuments(text))
                    pluginConfig(kustomization, doc, key, item);
                continue;
            }
            add(kustomization, key, item, "file");
            const file = text && sources.get(external_node_path_default().posix.normalize(external_node_path_default().posix.join(baseDir, text)));
            if (file)
                for (const doc of file.docs)
                    pluginConfig(file, doc.contents, key);
        }
    }
    return out;
}
/** An inline plugin config's documents (its positions are inside the string, not the file). */
function inlineDocuments(text) {
    return (0,dist/* parseAllDocuments */.hR)(text).flatMap((doc) => (doc.errors.length ? [] : [doc.contents]));
}
/** A reference kustomize fetches over the network instead of reading from the checkout. */
function looksRemote(value) {
    return (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
        /^(git@|gh:|git::)/.test(value) ||
        /^[\w-]+(\.[\w-]+)+(:\d+)?\//.test(value) ||
        value.includes("?ref=") ||
        /[^/]\/\/[^/]/.test(value));
}

;// CONCATENATED MODULE: ./src/gate/discovery.ts





/** The kustomizations among the parsed files and what each builds, local references only. */
function buildGraph(sources) {
    const byFile = new Map(sources.map((s) => [s.file, s]));
    const kustomizations = sources.filter((s) => isKustomizationFile(s.file));
    const dirs = [...new Set(kustomizations.map((s) => external_node_path_default().posix.dirname(s.file)))].sort();
    const known = new Set(dirs);
    const edges = new Map(dirs.map((d) => [d, []]));
    for (const source of kustomizations) {
        const from = external_node_path_default().posix.dirname(source.file);
        for (const reference of referencesOf(source, byFile)) {
            if (reference.kind !== "build" || looksRemote(reference.value))
                continue;
            const to = external_node_path_default().posix.normalize(external_node_path_default().posix.join(from, reference.value));
            if (known.has(to))
                edges.get(from)?.push({ from, to, reference });
        }
    }
    return { dirs, edges };
}
/** Strongly connected components (Tarjan): the kustomizations that build each other in a loop. */
function cyclesOf(dirs, edges) {
    const index = new Map();
    const low = new Map();
    const stack = [];
    const onStack = new Set();
    const components = [];
    const connect = (v) => {
        index.set(v, index.size);
        low.set(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (const { to } of edges.get(v) ?? []) {
            if (!index.has(to)) {
                connect(to);
                low.set(v, Math.min(low.get(v), low.get(to)));
            }
            else if (onStack.has(to))
                low.set(v, Math.min(low.get(v), index.get(to)));
        }
        if (low.get(v) !== index.get(v))
            return;
        const component = [];
        for (;;) {
            const w = stack.pop();
            onStack.delete(w);
            component.push(w);
            if (w === v)
                break;
        }
        const selfLoop = (edges.get(v) ?? []).some((e) => e.to === v);
        if (component.length > 1 || selfLoop)
            components.push(component.sort());
    };
    for (const dir of dirs)
        if (!index.has(dir))
            connect(dir);
    return components;
}
/** The reference that closes a cycle: the first edge back to a kustomization on the walk. */
function closingEdge(component, edges) {
    const members = new Set(component);
    const path = [];
    const seen = new Set();
    const walk = (v) => {
        path.push(v);
        seen.add(v);
        for (const edge of edges.get(v) ?? []) {
            if (!members.has(edge.to))
                continue;
            if (path.includes(edge.to))
                return edge;
            if (!seen.has(edge.to)) {
                const found = walk(edge.to);
                if (found)
                    return found;
            }
        }
        path.pop();
        return undefined;
    };
    return walk(component[0]);
}
function cycleFinding(component, edges) {
    const { reference, to } = closingEdge(component, edges);
    return {
        rule: "kustomization-cycle",
        severity: "error",
        file: reference.source.file,
        ...(0,source_files/* positionOf */.df)(reference.source, reference.node),
        message: `${reference.field} entry "${reference.value}" closes a cycle: ${[...component, component[0]].join(" -> ")}; kustomize cannot build ${to}`,
        hint: "remove the entry that points back; the kustomizations it reaches are checked on their own meanwhile",
    };
}
/**
 * The kustomization roots among the parsed files: every kustomization directory that no other
 * kustomization builds through resources, components or bases. A kustomization built only from
 * inside a cycle is a root of its own, so a loop of decoys cannot hide an overlay from the gate.
 */
function findKustomizationRoots(sources) {
    const { dirs, edges } = buildGraph(sources);
    const cycles = cyclesOf(dirs, edges);
    const cyclic = new Set(cycles.flat());
    const included = new Set();
    for (const [from, list] of edges)
        if (!cyclic.has(from))
            for (const edge of list)
                included.add(edge.to);
    const fileOf = new Map(sources.filter((s) => isKustomizationFile(s.file)).map((s) => [external_node_path_default().posix.dirname(s.file), s.file]));
    // a Component is checked through the kustomizations that use it: alone it does not build
    const components = new Set(sources
        .filter((s) => isKustomizationFile(s.file) && (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(s.docs[0]?.contents, "kind")) === "Component")
        .map((s) => external_node_path_default().posix.dirname(s.file)));
    return {
        roots: dirs
            .filter((dir) => !cyclic.has(dir) && !included.has(dir) && !components.has(dir))
            .map((dir) => ({ dir, file: fileOf.get(dir) })),
        cycles: cycles.map((component) => cycleFinding(component, edges)),
        cyclic,
    };
}
/**
 * Directories the deployers are told to render: Argo CD Application and ApplicationSet
 * `source(s)[].path`, Flux Kustomization `spec.path`. Templated paths ({{...}}) are skipped.
 */
function deployerPaths(sources) {
    const found = [];
    const add = (value, by) => {
        const p = (0,yaml_nav/* stringOf */.Je)(value);
        if (p && !p.includes("{{") && !p.includes("://"))
            found.push({ dir: external_node_path_default().posix.normalize(p.replace(/^\.\//, "")).replace(/\/$/, ""), by });
    };
    for (const source of sources) {
        for (const object of (0,yaml_nav/* objectsOf */.iZ)(source, "Application", "ApplicationSet", "Kustomization")) {
            const group = object.apiVersion?.split("/")[0];
            const name = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name")) ?? "(unnamed)";
            if (group === "argoproj.io" && (object.kind === "Application" || object.kind === "ApplicationSet")) {
                const by = `Argo CD ${object.kind} ${name}`;
                const spec = object.kind === "Application" ? (0,yaml_nav/* valueOf */.RP)(object.map, "spec") : (0,yaml_nav/* valueOf */.RP)(object.map, "spec", "template", "spec");
                add((0,yaml_nav/* valueOf */.RP)(spec, "source", "path"), by);
                const list = (0,yaml_nav/* valueOf */.RP)(spec, "sources");
                if ((0,dist/* isSeq */.oP)(list))
                    for (const item of list.items)
                        add((0,yaml_nav/* valueOf */.RP)(item, "path"), by);
            }
            if (group === "kustomize.toolkit.fluxcd.io" && object.kind === "Kustomization")
                add((0,yaml_nav/* valueOf */.RP)(object.map, "spec", "path"), `Flux Kustomization ${name}`);
        }
    }
    return found;
}
function declaredPaths(sources) {
    return [...new Set(deployerPaths(sources).map((p) => p.dir))].sort();
}
/** The roots to render: undeclared top-level kustomizations plus every declared path holding one. */
function rootsToRender(sources) {
    const discovered = findKustomizationRoots(sources);
    const byDir = new Map(discovered.roots.map((r) => [r.dir, r]));
    const kustomizationDirs = new Map(sources.filter((s) => isKustomizationFile(s.file)).map((s) => [external_node_path_default().posix.dirname(s.file), s.file]));
    for (const dir of declaredPaths(sources)) {
        const file = kustomizationDirs.get(dir);
        if (file && !byDir.has(dir) && !discovered.cyclic.has(dir))
            byDir.set(dir, { dir, file });
    }
    return { ...discovered, roots: [...byDir.values()].sort((a, b) => a.dir.localeCompare(b.dir)) };
}
/**
 * Directories of plain manifests: they hold objects (apiVersion and kind), have no kustomization,
 * and no kustomization reads their files (`used`: every file and directory kustomizations read).
 */
function plainManifestDirs(sources, used) {
    const kustomizationDirs = new Set(sources.filter((s) => isKustomizationFile(s.file)).map((s) => external_node_path_default().posix.dirname(s.file)));
    const byDir = new Map();
    for (const source of sources) {
        const dir = external_node_path_default().posix.dirname(source.file);
        if (kustomizationDirs.has(dir) || used.has(source.file) || used.has(dir))
            continue;
        if (!(0,yaml_nav/* plainObjectsOf */.kL)(source).some((o) => o.kind && o.apiVersion))
            continue;
        byDir.set(dir, [...(byDir.get(dir) ?? []), source.file]);
    }
    return [...byDir].map(([dir, files]) => ({ dir, files })).sort((a, b) => a.dir.localeCompare(b.dir));
}

;// CONCATENATED MODULE: ./src/gate/helm-charts.ts




/**
 * Why charts are not rendered: the gate runs no `helm` (none is packaged for this machine's
 * registries), and kustomize inflates charts only with --enable-helm, which it never passes.
 */
const REASON = "the gate does not run helm, so its templates are not checked";
/** Directories holding a Chart.yaml: Helm charts, whose templates are not YAML until rendered. */
function chartDirs(manifests) {
    return manifests
        .filter((f) => external_node_path_default().posix.basename(f) === "Chart.yaml")
        .map((f) => external_node_path_default().posix.dirname(f))
        .sort();
}
/**
 * Whether a file belongs to a chart and is not a manifest: templates, values files, Chart.yaml
 * itself. A chart's `crds/` are plain manifests Helm applies as they are, and stay checked.
 */
function insideChart(file, charts) {
    return charts.some((chart) => {
        const prefix = chart === "." ? "" : `${chart}/`;
        return file.startsWith(prefix) && !file.slice(prefix.length).startsWith("crds/");
    });
}
/** One not-rendered warning per chart, at its Chart.yaml (`read` parses it, for the chart's name). */
function chartFindings(charts, read) {
    return charts.map((chart) => {
        const file = chart === "." ? "Chart.yaml" : `${chart}/Chart.yaml`;
        const name = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(read(file)?.docs[0]?.contents, "name")) ?? external_node_path_default().posix.basename(chart);
        return {
            rule: "not-rendered",
            severity: "warning",
            file,
            line: 1,
            column: 1,
            message: `Helm chart ${name} is not rendered: ${REASON}`,
            hint: "render it in CI with helm template and check the output with --dir, or review its templates by hand",
        };
    });
}
/** A kustomization's helmCharts entries: each a not-rendered warning; the root is not rendered. */
function helmChartEntries(kustomization) {
    const list = (0,yaml_nav/* valueOf */.RP)(kustomization.docs[0]?.contents, "helmCharts");
    if (!(0,dist/* isSeq */.oP)(list))
        return [];
    return list.items.map((entry) => ({
        rule: "not-rendered",
        severity: "warning",
        file: kustomization.file,
        ...(0,source_files/* positionOf */.df)(kustomization, entry),
        message: `helmCharts entry ${(0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(entry, "name")) ?? "(unnamed)"} is not inflated (kustomize needs --enable-helm and helm): ${REASON}; ${external_node_path_default().posix.dirname(kustomization.file)} is not rendered`,
        hint: "its other resources are checked as files; render the chart in CI with helm template to check it",
    }));
}

;// CONCATENATED MODULE: ./src/gate/patch-files.ts




/**
 * Files that kustomizations apply as patches (patches[].path, patchesStrategicMerge,
 * patchesJson6902[].path) or read as generator/transformer configs. They hold partial objects
 * or kustomize's own configuration: checked through the rendered result only.
 */
function patchFilesOf(sources) {
    const out = new Set();
    for (const source of sources) {
        if (!isKustomizationFile(source.file))
            continue;
        const dir = external_node_path_default().posix.dirname(source.file);
        const contents = source.docs[0]?.contents;
        const add = (ref) => {
            // patchesStrategicMerge entries may be inline YAML instead of a path
            if (ref && !ref.includes("\n"))
                out.add(external_node_path_default().posix.normalize(external_node_path_default().posix.join(dir, ref)));
        };
        for (const key of ["patchesStrategicMerge", "generators", "transformers", "validators"]) {
            const list = (0,yaml_nav/* valueOf */.RP)(contents, key);
            if ((0,dist/* isSeq */.oP)(list))
                for (const item of list.items)
                    add((0,yaml_nav/* stringOf */.Je)(item));
        }
        for (const key of ["patches", "patchesJson6902"]) {
            const list = (0,yaml_nav/* valueOf */.RP)(contents, key);
            if ((0,dist/* isSeq */.oP)(list))
                for (const entry of list.items)
                    if ((0,dist/* isMap */.jh)(entry))
                        add((0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(entry, "path")));
        }
    }
    return out;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/gate/changed.ts



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
function firstLine(error) {
    return String(error.stderr ?? error.message)
        .trim()
        .split("\n")[0];
}
/**
 * The commit a `--base-ref` names. It is checked as a revision, after `--end-of-options`, so a
 * value that looks like an option (`--output=<file>`) is a usage error, never a git flag.
 */
async function baseCommit(dir, baseRef) {
    if (baseRef.startsWith("-"))
        throw new src_errors/* UsageError */.eb(`--base-ref "${baseRef}" is not a git ref (it starts with "-")`);
    try {
        const { stdout } = await run("git", [
            "-C",
            dir,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            `${baseRef}^{commit}`,
        ]);
        return stdout.trim();
    }
    catch (error) {
        throw new src_errors/* UsageError */.eb(`--base-ref ${baseRef}: git cannot compare against it (${firstLine(error) || "no such commit"}); fetch it first, e.g. git fetch origin main`);
    }
}
/**
 * Files that differ between the base commit (what `baseRef` names) and the working tree
 * (committed or not), relative to `dir` as every other path of the gate is, even when `dir` is
 * a subfolder of the git checkout.
 */
async function changedFiles(dir, baseRef, base) {
    try {
        const { stdout } = await run("git", ["-C", dir, "diff", "--name-only", "--no-renames", "--relative", "-z", base, "--"], {
            maxBuffer: 64 * 1024 * 1024,
        });
        const untracked = await run("git", ["-C", dir, "ls-files", "--others", "--exclude-standard", "-z"], {
            maxBuffer: 64 * 1024 * 1024,
        });
        return new Set([...stdout.split("\0"), ...untracked.stdout.split("\0")].filter(Boolean));
    }
    catch (error) {
        throw new src_errors/* UsageError */.eb(`--base-ref ${baseRef}: git cannot list the changes (${firstLine(error)})`);
    }
}
/** A file's text at the base commit (`dir`-relative path), or undefined where it does not exist there. */
async function fileAtCommit(dir, commit, file) {
    try {
        const { stdout } = await run("git", ["-C", dir, "show", `${commit}:./${file}`], { maxBuffer: 16 * 1024 * 1024 });
        return stdout;
    }
    catch {
        return undefined;
    }
}
/** Whether any changed file is an input of the root. */
function rootChanged(inputs, changed) {
    for (const file of changed) {
        if (inputs.files.has(file))
            return true;
        for (const dir of inputs.dirs)
            if (dir === "." || file.startsWith(`${dir}/`))
                return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/gate/root-inputs.ts


/**
 * Walks a root's kustomizations through resources, components and bases; `components` are the
 * directories a deployer adds to the root (a Flux Kustomization's spec.components).
 */
function inputsOf(root, sources, components = []) {
    const inputs = { dirs: new Set(), files: new Set(), references: [] };
    const visit = (dir) => {
        if (inputs.dirs.has(dir))
            return;
        const kustomization = kustomizationIn(dir, sources);
        if (!kustomization)
            return;
        inputs.dirs.add(dir);
        for (const reference of referencesOf(kustomization, sources)) {
            inputs.references.push(reference);
            if (reference.value.includes("://"))
                continue;
            const target = external_node_path_default().posix.normalize(external_node_path_default().posix.join(dir, reference.value));
            inputs.files.add(target);
            if (reference.kind === "build")
                visit(target);
        }
    };
    visit(root.dir);
    for (const dir of components) {
        inputs.files.add(dir);
        visit(dir);
    }
    return inputs;
}

// EXTERNAL MODULE: ./src/gate/rules/cluster-credential.ts
var cluster_credential = __webpack_require__(74331);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/gate/file-checks.ts + 4 modules
var file_checks = __webpack_require__(94568);
;// CONCATENATED MODULE: ./src/gate/threads/batches.ts
/**
 * A batch holds files of about this many bytes: tens of milliseconds of reading, so that a thread
 * waits little for the next, and the last batches, which nobody shares, end together.
 */
const BATCH_BYTES = 256 * 1024;
/**
 * The files in batches of about `bytes`, the largest files first: a large file read last would
 * keep every other thread waiting for it.
 */
function batchesOf(tasks, bytes = BATCH_BYTES) {
    const batches = [];
    let batch = [];
    let size = 0;
    for (const task of [...tasks].sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file))) {
        batch.push(task);
        size += task.bytes;
        if (size >= bytes) {
            batches.push(batch);
            batch = [];
            size = 0;
        }
    }
    if (batch.length > 0)
        batches.push(batch);
    return batches;
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./src/gate/threads/thread-reader.ts



/**
 * A worker thread that runs `script` (an entry point, which runs reader-thread.ts when it is not the
 * main thread) and reads and checks the batches of files it is given, in order. The files come back
 * as their text and values, as if read here: positions are parsed here when a finding needs them.
 */
class ThreadReader {
    worker;
    waiting = new Map();
    nextBatch = 0;
    failure;
    constructor(script, setup) {
        this.worker = new external_node_worker_threads_.Worker(script);
        this.worker.on("message", (reply) => this.answer(reply));
        this.worker.once("error", (error) => this.fail(`a reader thread failed: ${error.stack ?? error.message}`));
        this.worker.once("exit", (code) => this.fail(`a reader thread stopped (exit code ${code})`));
        this.worker.postMessage({ setup });
    }
    /** Batches sent and not yet answered. */
    get pending() {
        return this.waiting.size;
    }
    read(tasks) {
        if (this.failure)
            return Promise.reject(this.failure);
        const batch = this.nextBatch++;
        const answer = new Promise((resolve, reject) => this.waiting.set(batch, { tasks, resolve, reject }));
        this.worker.postMessage({ batch, tasks });
        return answer;
    }
    /** Stops the thread; a batch still unanswered is rejected. */
    async close() {
        await this.worker.terminate();
    }
    answer(reply) {
        const waiting = this.waiting.get(reply.batch);
        if (!waiting)
            return;
        this.waiting.delete(reply.batch);
        if (!reply.ok)
            return waiting.reject(new src_errors/* InternalError */.Gd(`a reader thread failed: ${reply.error}`));
        waiting.resolve(reply.reads.map((read, i) => ({
            findings: read.findings,
            ...(read.text !== undefined && {
                source: (0,source_files/* lazySource */.Y6)(waiting.tasks[i].file, read.text, read.json === undefined ? (read.values ?? []) : JSON.parse(read.json)),
            }),
        })));
    }
    fail(message) {
        this.failure ??= new src_errors/* InternalError */.Gd(message);
        for (const waiting of this.waiting.values())
            waiting.reject(this.failure);
        this.waiting.clear();
    }
}

;// CONCATENATED MODULE: ./src/gate/threads/read-files.ts






/**
 * A reader thread is started for each this many bytes of YAML: a thread costs about 0.1 s to start
 * and its values are copied back, so a smaller repository is read faster in this thread alone
 * (BENCHMARKS.md, "validate at scale").
 */
const BYTES_PER_THREAD = 4 * 1024 * 1024;
/**
 * Batches a reader thread holds at once: while its answer to one waits for this thread to take it
 * (between two of this thread's own batches), it reads the next.
 */
const BATCHES_IN_FLIGHT = 2;
/** How many threads read this many bytes: one per bytesPerThread, at most max. */
function threadsFor(bytes, options) {
    if (!options)
        return 1;
    const max = Math.max(1, options.max ?? (0,external_node_os_.availableParallelism)());
    return Math.max(1, Math.min(max, Math.floor(bytes / (options.bytesPerThread ?? BYTES_PER_THREAD))));
}
/**
 * Every file read and checked (parsed, the source rules run): in this thread and, for a large
 * repository, in worker threads too. The files are taken in batches from one queue, so that a
 * thread that starts late or reads slowly takes fewer, and this thread, which also takes in the
 * others' answers, takes what it has time for. The results come back in the tasks' order, the same
 * wherever a file was read; the schemas are checked later, in this thread, where each kind's
 * validator is loaded and warmed once.
 */
async function readFiles(setup, tasks, options) {
    const count = threadsFor(tasks.reduce((n, t) => n + t.bytes, 0), options);
    if (count === 1)
        return { reads: tasks.map((task) => (0,file_checks/* readAndCheck */._)(setup, task)), threads: 1 };
    const queue = batchesOf(tasks);
    const reads = new Map();
    const collect = (batch, results) => batch.forEach((task, i) => reads.set(task.file, results[i]));
    let failure;
    const answers = [];
    const feed = (reader) => {
        while (failure === undefined && reader.pending < BATCHES_IN_FLIGHT && queue.length > 0) {
            const batch = queue.shift();
            answers.push(reader.read(batch).then((results) => {
                collect(batch, results);
                feed(reader);
            }, (error) => {
                failure ??= error;
            }));
        }
    };
    const readers = Array.from({ length: count - 1 }, () => new ThreadReader(options?.script, setup));
    try {
        readers.forEach(feed);
        while (failure === undefined && queue.length > 0) {
            const batch = queue.shift();
            collect(batch, batch.map((task) => (0,file_checks/* readAndCheck */._)(setup, task)));
            // the other threads' answers are taken in, and their next batches sent, between two batches here
            await (0,promises_.setImmediate)();
        }
        while (answers.length > 0)
            await Promise.all(answers.splice(0));
    }
    finally {
        await Promise.all(readers.map((reader) => reader.close()));
    }
    if (failure !== undefined)
        throw failure;
    return { reads: tasks.map((task) => reads.get(task.file)), threads: count };
}
/** A run's threads: reader threads run `entry` (the process's entry point); `count` a number, or auto for every core. */
function threadOptions(entry, count) {
    const max = count === "auto" ? undefined : Number(count);
    if (max !== undefined && !(Number.isInteger(max) && max > 0))
        throw new src_errors/* UsageError */.eb(`threads ${count}: give a number of threads, or auto for every core`);
    if (!entry)
        return undefined;
    return { script: entry, ...(max !== undefined && { max }) };
}
/**
 * What the log says of a run read across threads, with what the run took in wall-clock and in CPU
 * time (what the threads saved); nothing for one read here alone.
 */
function threadsUse(read, timings) {
    if (read.threads < 2)
        return undefined;
    const seconds = (ms) => (ms / 1000).toFixed(2);
    return `read ${(read.bytes / 1024 / 1024).toFixed(1)} MiB of YAML in ${read.threads} threads; the gate took ${seconds(timings.totalMs)} s, ${seconds(timings.cpuMs)} CPU-s`;
}

;// CONCATENATED MODULE: ./src/commands/validate/discover.ts














/**
 * The second phase of validate: every file read and parsed within the budgets (across threads,
 * for a large repository), the source rules run on those in scope, and the roots found:
 * kustomizations, deployers' builds, plain directories.
 */
async function discover(scope, options = {}) {
    const { dir, parseLimits, context, inScope, files } = scope;
    const findings = [];
    const sources = [];
    const unreadable = new Set();
    const charts = chartDirs(files.manifests);
    const budget = new source_files/* ParseBudget */.ZQ(parseLimits);
    findings.push(...chartFindings(charts, (file) => (0,source_files/* readSourceFile */.uj)(dir, file, parseLimits).source).filter((f) => inScope(f.file)));
    const tasks = [];
    for (const file of files.manifests.filter((f) => !insideChart(f, charts))) {
        const bytes = (0,external_node_fs_.statSync)(external_node_path_default().join(dir, file)).size;
        const admission = (0,source_files/* admitFile */.mq)(file, bytes, parseLimits, budget);
        if (admission.admitted)
            tasks.push({ file, inScope: inScope(file), bytes });
        else {
            if (inScope(file))
                findings.push(...admission.findings);
            unreadable.add(file);
        }
    }
    const setup = { dir, limits: parseLimits, read: options.read ?? {}, context };
    const { reads, threads } = await readFiles(setup, tasks, options.threads);
    reads.forEach((read, i) => {
        findings.push(...read.findings);
        if (read.source)
            sources.push(read.source);
        else
            unreadable.add(tasks[i].file);
    });
    const overBudget = budget.finding();
    if (overBudget)
        findings.push(overBudget);
    for (const source of credentialFiles(dir, files.others.filter(inScope), parseLimits.maxDepth))
        findings.push(...(0,cluster_credential/* clusterCredential */.S)(source, context));
    const { cycles, ...roots } = rootsOf(sources, scope, unreadable, charts);
    return {
        findings: [...findings, ...cycles],
        ...roots,
        read: { threads, bytes: tasks.reduce((n, t) => n + t.bytes, 0) },
    };
}
/**
 * The roots of a set of parsed files (kustomizations, deployers' builds, plain directories) and,
 * with `changed`, those that read a change: discovery without reading, for files already parsed.
 */
function rootsOf(sources, scope, unreadable = new Set(), charts = []) {
    const { inScope, changed } = scope;
    const sourcesByFile = new Map(sources.map((s) => [s.file, s]));
    const discovered = rootsToRender(sources);
    const allJobs = renderJobs(discovered.roots, [...fluxBuilds(sources), ...argoBuilds(sources)], sourcesByFile);
    const used = new Set(allJobs.flatMap((job) => [...job.inputs.files, ...job.inputs.dirs]));
    const allPlain = plainManifestDirs(sources, used);
    return {
        cycles: discovered.cycles.filter((f) => inScope(f.file) || !changed),
        sources,
        sourcesByFile,
        unreadable,
        charts,
        patchFiles: patchFilesOf(sources),
        allJobs,
        jobs: changed ? allJobs.filter((job) => readsChange(job, changed)) : allJobs,
        used,
        allPlain,
        plainRoots: allPlain.filter((plain) => plain.files.some(inScope)),
    };
}
/** Whether a root reads a changed file, or the deployer object that builds it changed. */
function readsChange(job, changed) {
    return rootChanged(job.inputs, changed) || (job.build !== undefined && changed.has(job.build.file));
}
/**
 * What to render: every root, except that a directory a Flux Kustomization or an Argo CD
 * Application builds with its own components, patches, namespace, images or variables is
 * rendered the way that deployer builds it (once per such deployer object) instead of plainly.
 */
function renderJobs(roots, builds, sources) {
    const jobs = [];
    const built = new Set();
    for (const build of builds) {
        const kustomization = kustomizationIn(build.dir, sources);
        if (!kustomization)
            continue;
        const root = { dir: build.dir, file: kustomization.file };
        jobs.push({ root, inputs: inputsOf(root, sources, build.components), build });
        built.add(build.dir);
    }
    for (const root of roots)
        if (!built.has(root.dir))
            jobs.push({ root, inputs: inputsOf(root, sources) });
    return jobs.sort((a, b) => a.root.dir.localeCompare(b.root.dir));
}

;// CONCATENATED MODULE: ./src/gate/shards/shard.ts

/** The most jobs GitLab's `parallel:` allows, and a bound no matrix needs to pass. */
const MAX_SHARDS = 200;
/** `2/4` → { index: 2, total: 4 }. */
function parseShard(text, from = "--shard") {
    const match = /^(\d{1,3})\/(\d{1,3})$/.exec(text.trim());
    const index = Number(match?.[1]);
    const total = Number(match?.[2]);
    if (!match || total < 1 || total > MAX_SHARDS || index < 1 || index > total)
        throw new src_errors/* UsageError */.eb(`${from} "${text}": give <index>/<total>, 1 <= index <= total <= ${MAX_SHARDS}, e.g. --shard 2/4`);
    return { index, total };
}
/**
 * Every root's shard: the heaviest first, each to the lightest shard so far (ties to the lower
 * index), so that shards finish close together. Every job computes the same split from the same
 * repository: nothing is exchanged between them.
 */
function assignShards(items, total) {
    const load = Array.from({ length: total }, () => 0);
    const assigned = new Map();
    const order = [...items].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const item of order) {
        let lightest = 0;
        for (let i = 1; i < total; i++)
            if (load[i] < load[lightest])
                lightest = i;
        load[lightest] = load[lightest] + item.weight;
        assigned.set(item.key, lightest + 1);
    }
    return assigned;
}

;// CONCATENATED MODULE: ./src/commands/validate/share.ts


/**
 * One shard's share of the roots. Every shard still reads and checks every file at its own lines
 * (duplicates merge away); the roots, which cost the rendering, are split. A file that another
 * shard's root reads is left to that shard's rendered checks, as one run leaves it to its root's.
 */
function shareOf(found, shard) {
    const bytes = (files) => {
        let total = 0;
        for (const file of files)
            total += found.sourcesByFile.get(file)?.text.length ?? 0;
        return total;
    };
    const jobFiles = (job) => [
        ...[...job.inputs.dirs].flatMap((dir) => kustomizationIn(dir, found.sourcesByFile)?.file ?? []),
        ...job.inputs.files,
    ];
    const jobKey = (job) => `kustomize\0${job.root.dir}\0${job.build?.file ?? ""}\0${job.build?.by ?? ""}`;
    const plainKey = (plain) => `plain\0${plain.dir}`;
    const owner = assignShards([
        ...found.allJobs.map((job) => ({ key: jobKey(job), weight: bytes(jobFiles(job)) })),
        ...found.allPlain.map((plain) => ({ key: plainKey(plain), weight: bytes(plain.files) })),
    ], shard.total);
    const mine = (key) => owner.get(key) === shard.index;
    const others = found.allJobs.filter((job) => !mine(jobKey(job)));
    return {
        ...found,
        allJobs: found.allJobs.filter((job) => mine(jobKey(job))),
        jobs: found.jobs.filter((job) => mine(jobKey(job))),
        allPlain: found.allPlain.filter((plain) => mine(plainKey(plain))),
        plainRoots: found.plainRoots.filter((plain) => mine(plainKey(plain))),
        otherShards: {
            roots: owner.size - [...owner.values()].filter((i) => i === shard.index).length,
            files: new Set(others.flatMap(jobFiles)),
        },
    };
}

// EXTERNAL MODULE: ./src/gate/plain-yaml.ts
var plain_yaml = __webpack_require__(90239);
;// CONCATENATED MODULE: ./src/gate/progress.ts
const NO_PROGRESS = { begin: () => undefined, tick: () => undefined, end: () => undefined };
/** How often CI gets a line, and how often a terminal is redrawn at most. */
const CI_INTERVAL_MS = 10_000;
const REDRAW_MS = 100;
const BAR = 20;
function progressOn(stream, now = () => performance.now()) {
    let phase = "";
    let total = 0;
    let done = 0;
    let started = 0;
    let shown = Number.NEGATIVE_INFINITY;
    let drawn = false;
    const tty = stream.isTTY === true;
    const status = () => {
        const seconds = (now() - started) / 1000;
        const rate = seconds > 0 ? done / seconds : 0;
        const eta = rate > 0 && done < total ? `, about ${duration((total - done) / rate)} left` : "";
        return `${phase} ${done}/${total} roots (${rate.toFixed(1)}/s${eta})`;
    };
    const draw = () => {
        const filled = total ? Math.round((done / total) * BAR) : BAR;
        const line = `[${"#".repeat(filled)}${".".repeat(BAR - filled)}] ${status()}`;
        // A terminal that says no width (a pseudo-terminal often says 0) gets a full line.
        const width = stream.columns && stream.columns > 20 ? stream.columns - 1 : line.length;
        stream.write(`\r\x1b[K${line.slice(0, width)}`);
        drawn = true;
    };
    return {
        begin(name, count) {
            [phase, total, done, started] = [name, count, 0, now()];
            shown = tty ? Number.NEGATIVE_INFINITY : started;
            if (tty && total > 0)
                draw();
        },
        tick() {
            done++;
            const at = now();
            if (tty && (at - shown >= REDRAW_MS || done === total)) {
                shown = at;
                draw();
            }
            else if (!tty && at - shown >= CI_INTERVAL_MS) {
                shown = at;
                stream.write(`gitops-ci: ${status()}\n`);
            }
        },
        end() {
            if (tty && drawn)
                stream.write("\n");
            drawn = false;
        },
    };
}
function duration(seconds) {
    const s = Math.ceil(seconds);
    return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/gate/render/render-cache.ts






const render_cache_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** Bumped when what a key covers changes, so that no older entry is ever read as a hit. */
const FORMAT = "gitops-ci-render-cache-1";
/** An entry nobody read or wrote for this long is removed: the cache holds recent commits' renders. */
const CACHE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/**
 * The render cache in `dir`. Inside the checkout it must hold nothing the repository tracks: a
 * change under review could otherwise commit an entry for its own inputs' key (the key is no
 * secret) and have the gate read a clean render in place of its real one.
 */
async function openRenderCache(dir, checkout) {
    const inside = cacheDirInside(dir, checkout) ?? (external_node_path_default().resolve(dir) === external_node_path_default().resolve(checkout) ? "." : undefined);
    if (inside) {
        const { stdout } = await render_cache_run("git", ["-C", checkout, "ls-files", "--", inside]).catch(() => ({ stdout: "" }));
        const tracked = stdout.split("\n").find(Boolean);
        if (tracked)
            throw new src_errors/* UsageError */.eb(`--cache-dir ${dir}: the repository tracks ${tracked} there; a change could plant renders in it. Use a directory git does not track (and add it to .gitignore)`);
    }
    return new RenderCache(external_node_path_default().resolve(dir), checkout);
}
/** The cache directory relative to the checkout, when it is inside: the gate reads no file there. */
function cacheDirInside(dir, checkout) {
    if (!dir)
        return undefined;
    const rel = external_node_path_default().relative(external_node_path_default().resolve(checkout), external_node_path_default().resolve(dir)).split((external_node_path_default()).sep).join("/");
    return rel && !rel.startsWith("..") && !external_node_path_default().isAbsolute(rel) ? rel : undefined;
}
/** How a run used the cache, for the job log. */
function cacheUse(stats, dir) {
    return `render cache: ${stats.hits} read from ${dir}, ${stats.misses} rendered`;
}
/**
 * Renders kept on disk by a content key, so that a push re-renders only the roots whose inputs
 * changed since the cached run. Only successful renders are kept: a failure is cheap to repeat
 * and may be the machine's (a time limit), not the inputs'.
 */
class RenderCache {
    dir;
    checkout;
    hits = 0;
    misses = 0;
    constructor(dir, checkout) {
        this.dir = dir;
        this.checkout = checkout;
    }
    /**
     * The key of a render, or undefined when its inputs cannot be pinned by content: a symlink to
     * a directory (kustomize follows it; hashing would have to as well, loops included).
     */
    async key(parts) {
        const hash = (0,external_node_crypto_.createHash)("sha256");
        hash.update(`${FORMAT}\0${parts.renderer}\0${parts.root}\0`);
        hash.update(`${JSON.stringify(parts.build ?? null)}\0${JSON.stringify(parts.limits)}\0`);
        for (const input of [...new Set(parts.inputs)].sort()) {
            const digest = await this.digestOf(input);
            if (digest === undefined)
                return undefined;
            hash.update(`${input}\0${digest}\0`);
        }
        return hash.digest("hex");
    }
    /** Overlays share their base: each path is hashed once per run. */
    digests = new Map();
    digestOf(rel) {
        let digest = this.digests.get(rel);
        if (!digest) {
            const hash = (0,external_node_crypto_.createHash)("sha256");
            digest = this.hashPath(hash, rel).then((pinned) => (pinned ? hash.digest("hex") : undefined));
            this.digests.set(rel, digest);
        }
        return digest;
    }
    /** The cached render under this key, else `render()`'s, kept when it succeeded. */
    async through(key, render) {
        const file = this.entry(key);
        const cached = await (0,external_node_fs_promises_.readFile)(file, "utf8").catch(() => undefined);
        if (cached !== undefined) {
            this.hits++;
            const now = new Date();
            await (0,external_node_fs_promises_.utimes)(file, now, now).catch(() => undefined);
            return { ok: true, output: cached };
        }
        this.misses++;
        const result = await render();
        if (result.ok)
            await this.write(file, result.output);
        return result;
    }
    /** Removes entries older than maxAgeMs (by their last hit or write). */
    async prune(maxAgeMs = CACHE_MAX_AGE_MS, now = Date.now()) {
        const names = await (0,external_node_fs_promises_.readdir)(this.dir).catch(() => []);
        let removed = 0;
        for (const name of names.filter((n) => n.endsWith(".yaml"))) {
            const file = external_node_path_default().join(this.dir, name);
            const { mtimeMs } = await (0,external_node_fs_promises_.stat)(file);
            if (now - mtimeMs > maxAgeMs) {
                await (0,external_node_fs_promises_.rm)(file, { force: true });
                removed++;
            }
        }
        return removed;
    }
    entry(key) {
        return external_node_path_default().join(this.dir, `${key}.yaml`);
    }
    /** Written beside and renamed into place: a run stopped halfway leaves no torn entry. */
    async write(file, output) {
        await (0,external_node_fs_promises_.mkdir)(this.dir, { recursive: true });
        const partial = `${file}.${process.pid}.partial`;
        await (0,external_node_fs_promises_.writeFile)(partial, output);
        await (0,external_node_fs_promises_.rename)(partial, file);
    }
    /** Hashes a file, or a directory's files recursively; false for a symlink to a directory. */
    async hashPath(hash, rel) {
        const full = external_node_path_default().join(this.checkout, rel);
        const link = await (0,external_node_fs_promises_.lstat)(full).catch(() => undefined);
        const info = link?.isSymbolicLink() ? await (0,external_node_fs_promises_.stat)(full).catch(() => undefined) : link;
        if (!info) {
            hash.update(`missing\0${rel}\0`);
            return true;
        }
        if (info.isDirectory()) {
            if (link?.isSymbolicLink())
                return false;
            const names = (await (0,external_node_fs_promises_.readdir)(full)).filter((n) => n !== ".git").sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
            hash.update(`dir\0${rel}\0`);
            for (const name of names)
                if (!(await this.hashPath(hash, external_node_path_default().posix.join(rel, name))))
                    return false;
            return true;
        }
        hash.update(`file\0${rel}\0${info.size}\0`);
        hash.update(await (0,external_node_fs_promises_.readFile)(full));
        return true;
    }
}

;// CONCATENATED MODULE: ./src/gate/render/sandbox.ts





const sandbox_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const DEFAULT_RENDER_LIMITS = {
    timeoutMs: 120_000,
    maxOutputBytes: 64 * 1024 * 1024,
    maxMemoryBytes: 2 * 1024 * 1024 * 1024,
};
async function works(binary, args) {
    try {
        await sandbox_run(binary, args, { timeout: 10_000, env: { PATH: process.env.PATH ?? "" } });
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Runs a renderer as repository content demands: an environment of PATH and a fresh empty HOME
 * only (no token, no CI variables for a kustomization to read through /proc/self/environ), no
 * git transport, bounded in time, output and memory, and without network when the machine lets
 * an unprivileged process make a network namespace (`allowNetwork` turns that off).
 */
async function createSandbox(options) {
    const limits = { ...DEFAULT_RENDER_LIMITS, ...options.limits };
    const memoryBound = process.platform === "linux" && (await works("prlimit", ["--as=1073741824", "--", "true"]));
    const networkIsolated = !options.allowNetwork && process.platform === "linux" && (await works("unshare", ["-rn", "true"]));
    const wrap = (binary, args) => {
        let command = [binary, args];
        if (networkIsolated)
            command = ["unshare", ["-rn", "--", command[0], ...command[1]]];
        if (memoryBound)
            command = ["prlimit", [`--as=${limits.maxMemoryBytes}`, "--", command[0], ...command[1]]];
        return command;
    };
    return {
        memoryBound,
        networkIsolated,
        limits,
        async run(binary, args) {
            const home = await (0,external_node_fs_promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), "gitops-ci-render-"));
            const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home };
            if (!options.allowNetwork)
                Object.assign(env, { GIT_ALLOW_PROTOCOL: "none", GIT_CONFIG_NOSYSTEM: "1" });
            const [command, argv] = wrap(binary, args);
            try {
                const { stdout } = await sandbox_run(command, argv, {
                    env,
                    cwd: home,
                    maxBuffer: limits.maxOutputBytes,
                    timeout: limits.timeoutMs,
                    killSignal: "SIGKILL",
                });
                return { ok: true, stdout };
            }
            catch (error) {
                const failure = error;
                const stderr = String(failure.stderr ?? failure.message);
                return { ok: false, stderr, limit: limitOf(failure, stderr, memoryBound) };
            }
            finally {
                await (0,external_node_fs_promises_.rm)(home, { recursive: true, force: true });
            }
        },
    };
}
function limitOf(failure, stderr, memoryBound) {
    if (failure.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER")
        return "output";
    if (failure.killed && failure.signal === "SIGKILL")
        return "time";
    // Go reports a failed allocation under RLIMIT_AS as "out of memory", or dies reserving arenas.
    if (memoryBound &&
        (/out of memory|cannot allocate memory|failed to reserve/i.test(stderr) || failure.signal === "SIGSEGV"))
        return "memory";
    return undefined;
}

;// CONCATENATED MODULE: ./src/gate/render/renderer.ts









const renderer_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** The longest renderer message a finding carries: enough for kustomize's error, not for a dump. */
const MAX_ERROR_CHARS = 400;
async function onPath(binary) {
    try {
        await renderer_run(binary, ["version"], { timeout: 10_000, env: { PATH: process.env.PATH ?? "" } });
        return true;
    }
    catch (error) {
        return error.code !== "ENOENT";
    }
}
/**
 * The real kustomize: `kustomize build`, else `kubectl kustomize`, with
 * `--load-restrictor LoadRestrictionsNone` as Flux renders (the gate itself keeps every path
 * inside the repository), in the sandbox. Undefined for `none`.
 */
async function createRenderer(choice, options = {}) {
    if (choice === "none")
        return undefined;
    const sandbox = await createSandbox({ limits: options.limits, allowNetwork: options.allowRemote ?? false });
    const kustomize = (choice === "auto" || choice === "kustomize") && (await onPath("kustomize"));
    if (kustomize)
        return binaryRenderer("kustomize", ["build"], sandbox);
    if (choice === "kustomize")
        throw new src_errors/* UsageError */.eb("--renderer kustomize: no kustomize on PATH");
    if (await onPath("kubectl"))
        return binaryRenderer("kubectl", ["kustomize"], sandbox);
    throw new src_errors/* UsageError */.eb("no renderer found: install kustomize or kubectl, or pass --renderer none to check the raw files only");
}
function binaryRenderer(binary, command, sandbox) {
    const build = async (checkout, absolute) => {
        const outcome = await sandbox.run(binary, [...command, absolute, "--load-restrictor", "LoadRestrictionsNone"]);
        if (outcome.ok)
            return { ok: true, output: outcome.stdout };
        if (outcome.limit)
            return { ok: false, error: limitMessage(outcome.limit, sandbox.limits), limit: outcome.limit };
        return { ok: false, error: kustomizeError(outcome.stderr, checkout) };
    };
    let identity;
    return {
        name: `${binary} ${command.join(" ")}`,
        sandbox,
        identity: () => (identity ??= binaryIdentity(binary)),
        render: (checkout, dir) => build(checkout, external_node_path_default().resolve(checkout, dir)),
        async renderOverlay(checkout, write, asDir) {
            const dir = await (0,external_node_fs_promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), "gitops-ci-overlay-"));
            try {
                await (0,external_node_fs_promises_.writeFile)(external_node_path_default().join(dir, "kustomization.yaml"), write(dir));
                const result = await build(checkout, dir);
                return result.ok ? result : { ...result, error: result.error.replaceAll(dir, asDir) };
            }
            finally {
                await (0,external_node_fs_promises_.rm)(dir, { recursive: true, force: true });
            }
        },
    };
}
async function binaryIdentity(binary) {
    const env = { PATH: process.env.PATH ?? "" };
    const { stdout } = await renderer_run(binary, binary === "kubectl" ? ["version", "--client"] : ["version"], {
        timeout: 10_000,
        env,
    });
    const file = await resolveOnPath(binary, env.PATH);
    const hash = (0,external_node_crypto_.createHash)("sha256");
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return `${binary} ${stdout.trim()} sha256:${hash.digest("hex")}`;
}
async function resolveOnPath(binary, searchPath) {
    for (const dir of searchPath.split((external_node_path_default()).delimiter).filter(Boolean)) {
        const candidate = external_node_path_default().join(dir, binary);
        try {
            await (0,external_node_fs_promises_.access)(candidate, external_node_fs_promises_.constants.X_OK);
            return candidate;
        }
        catch {
            // not in this directory
        }
    }
    throw new src_errors/* UsageError */.eb(`${binary} ran but is not on PATH as a file; the render cache cannot tell its version`);
}
function limitMessage(limit, limits) {
    if (limit === "time")
        return `the render ran past its time limit (${limits.timeoutMs / 1000} s) and was stopped`;
    if (limit === "output")
        return `the render printed more than its output limit (${bytes(limits.maxOutputBytes)})`;
    return `the render needed more than its memory limit (${bytes(limits.maxMemoryBytes)})`;
}
function bytes(count) {
    if (count >= 1024 * 1024)
        return `${Math.round(count / (1024 * 1024))} MiB`;
    return count >= 1024 ? `${Math.round(count / 1024)} KiB` : `${count} bytes`;
}
/**
 * kustomize's own error, as one bounded line: the `Error:` line of kustomize (or the `err=` of
 * kubectl's klog line), not the deprecation warnings before it, with paths of this machine made
 * relative to the checkout.
 */
function kustomizeError(stderr, checkout) {
    const lines = stderr.split("\n").map((l) => l.trim());
    const klog = lines.map((l) => /"command failed" err="(.*)"$/.exec(l)?.[1]).find(Boolean) ?? klogBlock(lines);
    const plain = lines.find((l) => l.startsWith("Error: "))?.slice("Error: ".length);
    const other = lines.find((l) => l.length > 0 && !l.startsWith("# Warning:") && !l.startsWith("Warning:"));
    const message = (klog ? klog.replaceAll('\\"', '"') : (plain ?? other ?? "kustomize failed"))
        .replaceAll(`${external_node_path_default().resolve(checkout)}/`, "")
        .replaceAll(external_node_path_default().resolve(checkout), ".");
    return message.length > MAX_ERROR_CHARS ? `${message.slice(0, MAX_ERROR_CHARS)}…` : message;
}
/** klog prints a multi-line error as `err=<`, the lines, then `>`: they are joined into one. */
function klogBlock(lines) {
    const start = lines.findIndex((l) => /"command failed" err=<$/.test(l));
    if (start < 0)
        return undefined;
    const end = lines.indexOf(">", start);
    return lines
        .slice(start + 1, end < 0 ? undefined : end)
        .filter(Boolean)
        .join(" ");
}
/** Runs `work` over items with at most `limit` at a time (all cores by default). */
async function mapConcurrent(items, work, limit = (0,external_node_os_.availableParallelism)()) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await work(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/pins/values-keys.ts


const PARTS = ["image", "name", "tag", "digest"];
/** `[name=a.b,]tag=a.c[,digest=a.d]` or `image=a.b`; a wrong one is a usage error. */
function values_keys_parseValuesKey(raw) {
    const parts = {};
    for (const item of raw.split(",")) {
        const eq = item.indexOf("=");
        const part = item.slice(0, eq).trim();
        if (eq < 0 || !PARTS.includes(part))
            throw new UsageError(`--key ${raw}: each part is image=, name=, tag= or digest= and a values path (name=api.imageName,tag=api.imageVersion)`);
        if (parts[part])
            throw new UsageError(`--key ${raw}: ${part}= is given twice`);
        parts[part] = parseKeyPath(raw, item.slice(eq + 1).trim());
    }
    if (parts.image && (parts.name || parts.tag || parts.digest))
        throw new UsageError(`--key ${raw}: image= holds the whole reference; name=, tag= and digest= go without it`);
    if (!parts.image && !parts.tag && !parts.digest)
        throw new UsageError(`--key ${raw}: give where the tag (tag=), digest (digest=) or whole image (image=) is`);
    return { raw, parts };
}
function parseKeyPath(raw, text) {
    const segments = [];
    let key = "";
    let inKey = false;
    const bad = () => new UsageError(`--key ${raw}: "${text}" is not a values path like image.tag or sidecars[0].image`);
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === "\\" && text[i + 1] === ".") {
            key += ".";
            inKey = true;
            i++;
        }
        else if (c === ".") {
            if (!inKey)
                throw bad();
            segments.push(key);
            key = "";
            inKey = false;
        }
        else if (c === "[") {
            const close = text.indexOf("]", i);
            const index = text.slice(i + 1, close);
            if (close < 0 || !/^\d+$/.test(index))
                throw bad();
            if (inKey)
                segments.push(key);
            segments.push(Number(index));
            key = "";
            inKey = false;
            i = close;
            if (text[i + 1] === ".")
                i++;
        }
        else {
            key += c;
            inKey = true;
        }
    }
    if (inKey)
        segments.push(key);
    if (segments.length === 0 || segments.some((s) => s === ""))
        throw bad();
    return { text, segments };
}
/** The node at a path, if every step exists. */
function nodeAtPath(root, path) {
    let node = root;
    for (const segment of path.segments) {
        if (typeof segment === "number")
            node = (0,dist/* isSeq */.oP)(node) ? node.items[segment] : undefined;
        else
            node = (0,dist/* isMap */.jh)(node)
                ? (node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === segment)?.value ?? undefined)
                : undefined;
        if (node === undefined)
            return undefined;
    }
    return node;
}
/** What a key finds: the scalars present, and the parts it names that the values lack. */
function scalarsAt(find, key) {
    const found = {};
    for (const part of PARTS) {
        const path = key.parts[part];
        if (!path)
            continue;
        const node = find(path);
        if ((0,dist/* isScalar */.jn)(node))
            found[part] = node;
    }
    return Object.keys(found).length ? found : undefined;
}

;// CONCATENATED MODULE: ./src/pins/yaml-documents.ts


/** Parses a file of one or more documents; a syntax error or duplicate key is an error at its line. */
function yaml_documents_parseYamlDocuments(file, text) {
    const lines = new dist/* LineCounter */.HN();
    const parsed = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, prettyErrors: false });
    const docs = Array.isArray(parsed) ? parsed : [];
    const error = docs.flatMap((d) => d.errors)[0];
    if (error) {
        const pos = lines.linePos(error.pos[0]);
        const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.message;
        throw new src_errors/* InputFileError */.TH({ file, line: pos.line, column: pos.col }, `invalid YAML: ${message}`);
    }
    return { file, text, docs, lines, eol: text.includes("\r\n") ? "\r\n" : "\n" };
}
/** An InputFileError at a source offset. */
function yaml_documents_errorIn(source, offset, problem) {
    const pos = source.lines.linePos(offset);
    return new InputFileError({ file: source.file, line: pos.line, column: pos.col }, problem);
}

;// CONCATENATED MODULE: ./src/pins/find-pins.ts





const parseInner = (file, text) => yaml_documents_parseYamlDocuments(`${file} (helm.values)`, text);
const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);
const MARKER = /^[ \t]*#\s*(\{.*\})[ \t]*$/;
/**
 * The pins of a file, by what it holds: Flux setter markers when it has any (only the marked
 * scalars, as Flux updates them); else, for Kubernetes objects, container images (any workload's
 * pod template, CronJobs included) and a Flux HelmRelease's `spec.values`; a file of no objects
 * is a Helm values file.
 */
function find_pins_findPins(source, options = {}) {
    const keys = options.keys ?? [];
    const values = keys.length ? (root, where) => keyedPins(root, keys, where) : valuesPins;
    const marked = options.asValues ? [] : markedPins(source);
    if (marked.length)
        return withMarkedNames(marked);
    return source.docs.flatMap((doc) => {
        const root = doc.contents;
        if (!(0,dist/* isMap */.jh)(root))
            return [];
        const kind = stringAt(root, "kind");
        if (options.asValues || kind === undefined || stringAt(root, "apiVersion") === undefined)
            return values(root, "values");
        if (kind === "HelmRelease") {
            const spec = valueAt(valueAt(root, "spec"), "values");
            return (0,dist/* isMap */.jh)(spec) ? values(spec, "HelmRelease spec.values") : [];
        }
        if ((kind === "Application" || kind === "ApplicationSet") &&
            stringAt(root, "apiVersion")?.startsWith("argoproj.io/"))
            return argoPins(source, root, kind, values, keys);
        return containerPins(root, kind);
    });
}
function markedPins(source) {
    const pins = [];
    const visit = (node) => {
        if ((0,dist/* isMap */.jh)(node))
            for (const pair of node.items)
                visit(pair.value);
        else if ((0,dist/* isSeq */.oP)(node))
            for (const item of node.items)
                visit(item);
        else if ((0,dist/* isScalar */.jn)(node) && typeof node.value === "string") {
            const marker = markerAfter(source.text, node);
            if (marker)
                pins.push(markerPin(node, marker));
        }
    };
    for (const doc of source.docs)
        visit(doc.contents);
    return pins;
}
/** The `$imagepolicy` of a trailing comment on the scalar's line, as Flux's setters read it. */
function markerAfter(text, node) {
    const end = find_pins_rangeOf(node)[1];
    const lineEnd = text.indexOf("\n", end);
    const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, "");
    const json = MARKER.exec(rest)?.[1];
    if (!json)
        return undefined;
    try {
        const policy = JSON.parse(json).$imagepolicy;
        return typeof policy === "string" ? policy : undefined;
    }
    catch {
        return undefined;
    }
}
function markerPin(node, marker) {
    const parts = marker.split(":");
    const last = parts[parts.length - 1];
    if (parts.length === 3 && (last === "tag" || last === "name" || last === "digest"))
        return { kind: "marked-part", part: last, policy: parts.slice(0, 2).join(":"), node };
    return {
        kind: "reference",
        image: image_ref_splitReference(node.value).name,
        node,
        how: `marked ${marker}`,
        policy: parts.slice(0, 2).join(":"),
    };
}
/** A `:tag` or `:digest` scalar belongs to the image its policy's `:name` scalar holds. */
function withMarkedNames(pins) {
    const names = new Map();
    for (const pin of pins)
        if (pin.kind === "marked-part" && pin.part === "name")
            names.set(pin.policy, pin.node.value);
    return pins.map((pin) => pin.kind === "marked-part" && pin.part !== "name" && names.has(pin.policy)
        ? { ...pin, image: names.get(pin.policy) }
        : pin.kind === "marked-part" && pin.part === "name"
            ? { ...pin, image: pin.node.value }
            : pin);
}
/** Container images in any pod template of an object: `containers[].image`, `initContainers[].image`. */
function containerPins(root, kind) {
    const pins = [];
    const name = stringAt(valueAt(root, "metadata"), "name") ?? "";
    const visit = (node) => {
        if ((0,dist/* isSeq */.oP)(node))
            for (const item of node.items)
                visit(item);
        if (!(0,dist/* isMap */.jh)(node))
            return;
        for (const pair of node.items) {
            const key = find_pins_keyOf(pair);
            if (key && CONTAINER_LISTS.has(key) && (0,dist/* isSeq */.oP)(pair.value))
                for (const container of pair.value.items) {
                    const image = (0,dist/* isMap */.jh)(container) ? valueAt(container, "image") : undefined;
                    if ((0,dist/* isScalar */.jn)(image) && typeof image.value === "string")
                        pins.push({
                            kind: "reference",
                            image: image_ref_splitReference(image.value).name,
                            node: image,
                            how: `${kind} ${name} ${key.replace(/s$/, "")} ${stringAt(container, "name") ?? ""}`.trim(),
                        });
                }
            visit(pair.value);
        }
    };
    visit(root);
    return pins;
}
/** Helm values: mappings with a `repository` (and `registry`), and `image:` strings. */
function valuesPins(root, where) {
    const pins = [];
    const visit = (node, at) => {
        if ((0,dist/* isSeq */.oP)(node))
            node.items.forEach((item, i) => visit(item, `${at}[${i}]`));
        if (!(0,dist/* isMap */.jh)(node))
            return;
        const repository = stringAt(node, "repository");
        if (repository !== undefined) {
            const registry = stringAt(node, "registry");
            const image = registry ? `${registry}/${repository}` : repository;
            pins.push({ kind: "values-mapping", image, map: node, how: `${where} ${at || "."}` });
        }
        for (const pair of node.items) {
            const key = find_pins_keyOf(pair);
            const child = `${at ? `${at}.` : ""}${key ?? "?"}`;
            if (key === "image" &&
                (0,dist/* isScalar */.jn)(pair.value) &&
                typeof pair.value.value === "string" &&
                looksLikeImage(pair.value.value))
                pins.push({
                    kind: "reference",
                    image: image_ref_splitReference(pair.value.value).name,
                    node: pair.value,
                    how: `${where} ${child}`,
                });
            else
                visit(pair.value, child);
        }
    };
    visit(root, "");
    return pins;
}
/**
 * An Argo CD Application's (or ApplicationSet template's) sources: `kustomize.images`,
 * `helm.parameters`, `helm.valuesObject` (a values mapping) and `helm.values` (a values file in a
 * block string).
 */
function argoPins(source, root, kind, values, keys) {
    const spec = kind === "Application" ? valueAt(root, "spec") : valueAt(valueAt(valueAt(root, "spec"), "template"), "spec");
    const list = valueAt(spec, "sources");
    const sources = [valueAt(spec, "source"), ...((0,dist/* isSeq */.oP)(list) ? list.items : [])].filter(dist/* isMap */.jh);
    return sources.flatMap((entry, i) => {
        const where = `${kind} ${stringAt(valueAt(root, "metadata"), "name") ?? ""} source ${i}`;
        const kustomize = valueAt(valueAt(entry, "kustomize"), "images");
        const helm = valueAt(entry, "helm");
        const valuesObject = valueAt(helm, "valuesObject");
        const block = valueAt(helm, "values");
        const parameters = valueAt(helm, "parameters");
        return [
            ...((0,dist/* isSeq */.oP)(kustomize) ? kustomize.items : []).flatMap((item) => (0,dist/* isScalar */.jn)(item) && typeof item.value === "string"
                ? [
                    {
                        kind: "kustomize-image",
                        image: kustomizeImageName(item.value),
                        node: item,
                        how: where,
                    },
                ]
                : []),
            ...(keys.length ? keyedParameterPins(parameters, keys, where) : parameterPins(parameters, where)),
            ...((0,dist/* isMap */.jh)(valuesObject) ? values(valuesObject, `${where} helm.valuesObject`) : []),
            ...((0,dist/* isScalar */.jn)(block) && typeof block.value === "string"
                ? embeddedPins(source, block, values)
                : []),
        ];
    });
}
/** The image a `kustomize edit set image` string is for: the name before `=`, else its own name. */
function kustomizeImageName(value) {
    const eq = value.indexOf("=");
    return eq >= 0 ? value.slice(0, eq) : image_ref_splitReference(value).name;
}
/** `{name: image.repository, value: …}` with its `image.tag` and `image.digest` siblings. */
function parameterPins(list, where) {
    if (!(0,dist/* isSeq */.oP)(list))
        return [];
    const byName = new Map();
    for (const item of list.items) {
        const name = stringAt(item, "name");
        const value = valueAt(item, "value");
        if (name !== undefined && (0,dist/* isScalar */.jn)(value))
            byName.set(name, value);
    }
    return [...byName].flatMap(([name, repository]) => {
        if (!name.endsWith("repository") || typeof repository.value !== "string")
            return [];
        const prefix = name.slice(0, -"repository".length);
        const registry = byName.get(`${prefix}registry`);
        const image = typeof registry?.value === "string" && registry.value
            ? `${registry.value}/${repository.value}`
            : repository.value;
        return [
            {
                kind: "helm-parameters",
                image,
                repository,
                tag: byName.get(`${prefix}tag`),
                digest: byName.get(`${prefix}digest`),
                how: `${where} helm.parameters ${prefix}*`,
            },
        ];
    });
}
/**
 * Pins inside `helm.values`: a literal block (`|`) holds a values file, indented; a quoted or
 * folded string is not edited (its bytes are not the values file's).
 */
function embeddedPins(source, block, values) {
    if (block.type !== "BLOCK_LITERAL")
        return [];
    const [start, end] = find_pins_rangeOf(block);
    const body = source.text.slice(source.text.indexOf("\n", start) + 1, end);
    const indent = /^( *)\S/m.exec(body)?.[1]?.length ?? 0;
    let inner;
    try {
        inner = parseInner(source.file, block.value);
    }
    catch {
        return [];
    }
    const root = inner.docs[0]?.contents;
    return ((0,dist/* isMap */.jh)(root) ? values(root, "helm.values") : []).map((pin) => ({
        kind: "embedded",
        image: pin.image,
        block,
        inner,
        pin,
        indent,
    }));
}
/** The chart's own keys in a values mapping: one pin per key that finds any of its scalars. */
function keyedPins(root, keys, where) {
    return keys.flatMap((key) => keyedPin(key, scalarsAt((path) => nodeAtPath(root, path), key), where));
}
/** The chart's own keys among Argo CD's `helm.parameters`, whose names are the same paths. */
function keyedParameterPins(list, keys, where) {
    if (!(0,dist/* isSeq */.oP)(list))
        return [];
    const byName = new Map();
    for (const item of list.items) {
        const name = stringAt(item, "name");
        const value = valueAt(item, "value");
        if (name !== undefined && value)
            byName.set(name, value);
    }
    return keys.flatMap((key) => keyedPin(key, scalarsAt((path) => byName.get(path.text), key), `${where} helm.parameters`));
}
function keyedPin(key, scalars, where) {
    if (!scalars)
        return [];
    const name = scalars.image ?? scalars.name;
    const image = name && typeof name.value === "string" ? (scalars.image ? image_ref_splitReference(name.value).name : name.value) : undefined;
    return [{ kind: "keyed", ...(image !== undefined && { image }), key, scalars, how: `${where} ${key.raw}` }];
}
function looksLikeImage(value) {
    return value !== "" && !/\s/.test(value) && !value.includes("{{");
}
function find_pins_keyOf(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) && typeof pair.key.value === "string" ? pair.key.value : undefined;
}
function valueAt(node, key) {
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    return (node.items.find((p) => find_pins_keyOf(p) === key)?.value ?? undefined);
}
function stringAt(node, key) {
    const value = valueAt(node, key);
    return (0,dist/* isScalar */.jn)(value) && typeof value.value === "string" ? value.value : undefined;
}
/** Every node of a parsed document has a range; this says so to the type checker. */
function find_pins_rangeOf(node) {
    if (!node.range)
        throw new src_errors/* InternalError */.Gd("YAML node without a source range");
    return node.range;
}
/** Where a pin starts in its file: for messages and edit reports. */
function find_pins_pinOffset(pin) {
    if (pin.kind === "values-mapping")
        return find_pins_rangeOf(pin.map)[0];
    if (pin.kind === "helm-parameters")
        return find_pins_rangeOf(pin.repository)[0];
    if (pin.kind === "embedded")
        return find_pins_rangeOf(pin.block)[0];
    if (pin.kind === "keyed") {
        const { image, name, tag, digest } = pin.scalars;
        return find_pins_rangeOf((image ?? name ?? tag ?? digest))[0];
    }
    return find_pins_rangeOf(pin.node)[0];
}

;// CONCATENATED MODULE: ./src/gate/rules/image-entry-unused.ts






/**
 * An images[] entry of a root kustomization that matches no container image in what it renders:
 * usually a typo, since kustomize matches names exactly (`redis` is not `docker.io/library/redis`).
 */
const imageEntryUnused = ({ root, objects, sources, build }) => {
    const rendered = new Set(containerImages(objects).map((ref) => image_ref_splitReference(ref).name));
    return [...kustomizationEntries(root, sources, rendered), ...argoEntries(root, sources, rendered, build)];
};
function kustomizationEntries(root, sources, rendered) {
    const source = sources.get(root.file);
    const images = (0,yaml_nav/* valueOf */.RP)(source?.docs[0]?.contents, "images");
    if (!source || !(0,dist/* isSeq */.oP)(images))
        return [];
    const findings = [];
    for (const entry of images.items) {
        if (!(0,dist/* isMap */.jh)(entry))
            continue;
        const name = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(entry, "name"));
        const newName = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(entry, "newName"));
        if (!name || rendered.has(newName ?? name))
            continue;
        findings.push({
            rule: "image-entry-unused",
            severity: "warning",
            file: source.file,
            ...(0,source_files/* positionOf */.df)(source, (0,yaml_nav/* pairOf */.cF)(entry, "name")?.value),
            message: `images entry "${name}" matches no container image rendered from ${root.dir}`,
            hint: hintFor(rendered),
        });
    }
    return findings;
}
function hintFor(rendered) {
    return `kustomize matches image names exactly; the rendered images are: ${[...rendered].sort().join(", ") || "(none)"}`;
}
/**
 * An Argo CD source's `kustomize.images` string (`name=newName:tag`) that matches no rendered
 * container: Argo CD applies it with `kustomize edit set image`, which matches as exactly.
 */
function argoEntries(root, sources, rendered, build) {
    const source = build?.by.startsWith("Argo CD ") ? sources.get(build.file) : undefined;
    if (!build || !source)
        return [];
    const findings = [];
    for (const object of (0,yaml_nav/* objectsOf */.iZ)(source, "Application", "ApplicationSet")) {
        if (`Argo CD ${object.kind} ${(0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name"))}` !== build.by)
            continue;
        const spec = object.kind === "Application" ? (0,yaml_nav/* valueOf */.RP)(object.map, "spec") : (0,yaml_nav/* valueOf */.RP)(object.map, "spec", "template", "spec");
        const list = (0,yaml_nav/* valueOf */.RP)(spec, "sources");
        for (const entry of [(0,yaml_nav/* valueOf */.RP)(spec, "source"), ...((0,dist/* isSeq */.oP)(list) ? list.items : [])]) {
            const dir = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(entry, "path"));
            if (!dir || external_node_path_default().posix.normalize(dir.replace(/^\.\//, "")).replace(/\/$/, "") !== build.dir)
                continue;
            const images = (0,yaml_nav/* valueOf */.RP)(entry, "kustomize", "images");
            for (const item of (0,dist/* isSeq */.oP)(images) ? images.items : []) {
                const value = (0,yaml_nav/* stringOf */.Je)(item);
                if (!value)
                    continue;
                const name = kustomizeImageName(value);
                const eq = value.indexOf("=");
                const target = eq >= 0 ? image_ref_splitReference(value.slice(eq + 1)).name : name;
                if (rendered.has(target))
                    continue;
                findings.push({
                    rule: "image-entry-unused",
                    severity: "warning",
                    file: source.file,
                    ...(0,source_files/* positionOf */.df)(source, item),
                    message: `${build.by}'s kustomize.images entry "${value}" matches no container image rendered from ${root.dir}`,
                    hint: hintFor(rendered),
                });
            }
        }
    }
    return findings;
}
function containerImages(objects) {
    const images = [];
    const walk = (value) => {
        if (Array.isArray(value))
            return value.forEach(walk);
        if (value === null || typeof value !== "object")
            return;
        for (const [key, child] of Object.entries(value)) {
            if ((key === "containers" || key === "initContainers" || key === "ephemeralContainers") && Array.isArray(child)) {
                for (const c of child)
                    if (typeof c.image === "string")
                        images.push(c.image);
            }
            else
                walk(child);
        }
    };
    walk(objects);
    return images;
}

// EXTERNAL MODULE: ./src/gate/secret-placeholders.ts
var secret_placeholders = __webpack_require__(34886);
;// CONCATENATED MODULE: ./src/gate/rules/plaintext-secret-rendered.ts






const HINT = "the rendered plaintext reaches the cluster and everyone who can render the repo; seal it, or take it from a secret store";
const DATA_KEYS = ["data", "stringData"];
/**
 * A Secret in a root's rendered output with data that no finding on its sources accounts for:
 * data added by a patch (reported at the patch line), or from a remote base, Helm chart or
 * generator plugin (reported at the root). Secrets written with data, secretGenerator output and
 * SOPS files are reported at their own lines by the source rules, whatever the rendered name.
 */
const plaintextSecretRendered = ({ root, objects, inputs, placeholders }) => {
    const findings = [];
    for (const object of objects) {
        if (object.kind !== "Secret" || object.type === "kubernetes.io/service-account-token")
            continue;
        const keys = DATA_KEYS.flatMap((k) => Object.entries(object[k] ?? {})
            .filter(([, value]) => !(0,secret_placeholders/* placeholderOf */.h)(value, k === "data", placeholders))
            .map(([key]) => key));
        if (keys.length === 0 || sopsCiphertext(object))
            continue;
        const name = object.metadata?.name ?? "";
        const unreported = new Map();
        for (const key of keys) {
            const supplier = supplierOf(key, name, inputs);
            if (!supplier?.reported)
                unreported.set(key, supplier);
        }
        const byPlace = new Map();
        for (const [key, supplier] of unreported) {
            const place = supplier ? `${supplier.file}:${supplier.line}:${supplier.column}` : "";
            byPlace.set(place, { supplier, keys: [...(byPlace.get(place)?.keys ?? []), key] });
        }
        for (const { supplier, keys: list } of byPlace.values()) {
            const what = `${list.length === 1 ? "key" : "keys"} ${list.join(", ")}`;
            findings.push(supplier
                ? {
                    rule: "plaintext-secret",
                    severity: "error",
                    file: supplier.file,
                    line: supplier.line,
                    column: supplier.column,
                    message: `this patch gives Secret ${name} plaintext ${what} (${root.dir} renders it)`,
                    hint: HINT,
                }
                : {
                    rule: "plaintext-secret",
                    severity: "error",
                    file: root.file,
                    line: 1,
                    column: 1,
                    message: `${root.dir} renders Secret ${name} with ${what} that no file of the repo shows (a remote base, Helm chart or generator plugin)`,
                    hint: HINT,
                });
        }
    }
    return findings;
};
function sopsCiphertext(object) {
    const values = DATA_KEYS.flatMap((k) => Object.values(object[k] ?? {}));
    return values.every((v) => typeof v === "string" && v.startsWith("ENC[AES256_GCM,"));
}
/** Whether a source object's name is the rendered name before kustomize's prefixes, suffixes and hashes. */
const sameSecret = (rendered, written) => !!written && rendered.includes(written);
/**
 * The file and line that put `key` into the Secret. A Secret document or a generator with the data
 * is already a finding of its own; only a patch that adds the data (to a Secret written without
 * it) is not, so documents and generators are looked for first, in every input.
 */
function supplierOf(key, name, inputs) {
    for (const source of inputs)
        for (const object of (0,yaml_nav/* objectsOf */.iZ)(source, "Secret")) {
            if (object.kind !== "Secret" || !sameSecret(name, (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name"))))
                continue;
            for (const section of DATA_KEYS) {
                const pair = (0,yaml_nav/* pairOf */.cF)((0,yaml_nav/* valueOf */.RP)(object.map, section), key);
                if (pair)
                    return { file: source.file, ...(0,source_files/* positionOf */.df)(source, pair.key), reported: true };
            }
        }
    const kustomizations = inputs.filter((s) => isKustomizationFile(s.file));
    for (const source of kustomizations) {
        const generators = (0,yaml_nav/* valueOf */.RP)(source.docs[0]?.contents, "secretGenerator");
        if ((0,dist/* isSeq */.oP)(generators))
            for (const g of generators.items)
                if (sameSecret(name, (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(g, "name"))))
                    return { file: source.file, ...(0,source_files/* positionOf */.df)(source, g), reported: true };
    }
    for (const source of kustomizations) {
        const patched = patchSupplier(key, source, inputs);
        if (patched)
            return patched;
    }
    return undefined;
}
/** A patch of this kustomization (inline or in a file) that writes `key` under data or stringData. */
function patchSupplier(key, kustomization, inputs) {
    const dir = external_node_path_default().posix.dirname(kustomization.file);
    const contents = kustomization.docs[0]?.contents;
    const entries = [];
    for (const list of ["patches", "patchesJson6902", "patchesStrategicMerge"]) {
        const seq = (0,yaml_nav/* valueOf */.RP)(contents, list);
        if ((0,dist/* isSeq */.oP)(seq))
            entries.push(...seq.items);
    }
    for (const entry of entries) {
        const written = (0,yaml_nav/* stringOf */.Je)(entry);
        const inline = written?.includes("\n") ? entry : (0,dist/* isScalar */.jn)(entry) ? undefined : (0,yaml_nav/* valueOf */.RP)(entry, "patch");
        const text = (0,yaml_nav/* stringOf */.Je)(inline);
        if (inline && text) {
            const line = lineInText(text, key);
            if (line === undefined)
                continue;
            const at = (0,source_files/* positionOf */.df)(kustomization, inline);
            // a block scalar's text starts on the line after its | or > indicator
            return {
                file: kustomization.file,
                line: at.line + line + (isBlock(kustomization, inline) ? 1 : 0),
                column: 1,
                reported: false,
            };
        }
        const file = (0,dist/* isScalar */.jn)(entry) ? written : (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(entry, "path"));
        if (!file)
            continue;
        const source = inputs.find((s) => s.file === external_node_path_default().posix.normalize(external_node_path_default().posix.join(dir, file)));
        const found = source && keyInPatch(source, key);
        if (found)
            return { file: source.file, ...found, reported: false };
    }
    return undefined;
}
function isBlock(source, node) {
    const first = source.text[node.range?.[0] ?? 0];
    return first === "|" || first === ">";
}
/** The 0-based line of a patch text that writes `key` under data/stringData, if it does. */
function lineInText(text, key) {
    const docs = (0,dist/* parseAllDocuments */.hR)(text);
    if (!Array.isArray(docs) || !docs.some((d) => writesKey(d.toJS({ maxAliasCount: 100 }), key)))
        return undefined;
    const lines = text.split("\n");
    const index = lines.findIndex((l) => l.includes(`/${key}`) || new RegExp(`^\\s*"?${plaintext_secret_rendered_escape(key)}"?\\s*:`).test(l));
    if (index >= 0)
        return index;
    const section = lines.findIndex((l) => /stringData|\bdata\b/.test(l));
    return section >= 0 ? section : 0;
}
function plaintext_secret_rendered_escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
/** The line of a patch file's entry for `key`. */
function keyInPatch(source, key) {
    for (const doc of source.docs) {
        const contents = doc.contents;
        if ((0,dist/* isSeq */.oP)(contents)) {
            for (const op of contents.items) {
                const target = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(op, "path")) ?? "";
                if (writesOp(op, key, target))
                    return (0,source_files/* positionOf */.df)(source, ((0,yaml_nav/* pairOf */.cF)(op, "path")?.key ?? op));
            }
        }
        else if ((0,dist/* isMap */.jh)(contents)) {
            for (const section of DATA_KEYS) {
                const pair = (0,yaml_nav/* pairOf */.cF)((0,yaml_nav/* valueOf */.RP)(contents, section), key);
                if (pair)
                    return (0,source_files/* positionOf */.df)(source, pair.key);
            }
        }
    }
    return undefined;
}
function writesOp(op, key, target) {
    const kind = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(op, "op"));
    if (kind !== "add" && kind !== "replace" && kind !== "copy" && kind !== "move")
        return false;
    if (target === `/data/${key}` || target === `/stringData/${key}`)
        return true;
    if (target !== "/data" && target !== "/stringData")
        return false;
    const value = (0,yaml_nav/* valueOf */.RP)(op, "value");
    return !(0,dist/* isMap */.jh)(value) || !!(0,yaml_nav/* pairOf */.cF)(value, key);
}
/** Whether a parsed patch (JSON 6902 list or strategic merge object) writes `key`. */
function writesKey(patch, key) {
    if (Array.isArray(patch))
        return patch.some((op) => {
            if (!["add", "replace", "copy", "move"].includes(op?.op ?? ""))
                return false;
            if (op.path === `/data/${key}` || op.path === `/stringData/${key}`)
                return true;
            if (op.path !== "/data" && op.path !== "/stringData")
                return false;
            return typeof op.value !== "object" || op.value === null || key in op.value;
        });
    if (patch === null || typeof patch !== "object")
        return false;
    return DATA_KEYS.some((k) => {
        const section = patch[k];
        return section !== null && typeof section === "object" && key in section;
    });
}

;// CONCATENATED MODULE: ./src/gate/inline-patches.ts




/**
 * The block-scalar patches of a kustomization (`patches[].patch`, `patchesJson6902[].patch`,
 * inline `patchesStrategicMerge` entries). The patch text is parsed with the lines before it left
 * blank, so its positions are the kustomization's own.
 */
function inlinePatchesOf(kustomization) {
    if (!isKustomizationFile(kustomization.file))
        return [];
    const contents = kustomization.docs[0]?.contents;
    const out = [];
    const add = (node, target) => {
        if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== "string" || !inline_patches_isBlock(node))
            return;
        const source = parsedInPlace(kustomization, node);
        if (!source)
            return;
        const patch = source.docs[0]?.contents;
        const jsonPatch = (0,dist/* isSeq */.oP)(patch);
        out.push({
            source,
            node: patch,
            jsonPatch,
            kind: (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(target, "kind")) ?? (jsonPatch ? undefined : (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(patch, "kind"))),
            name: (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(target, "name")) ?? (jsonPatch ? undefined : (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(patch, "metadata", "name"))),
        });
    };
    for (const key of ["patches", "patchesJson6902"]) {
        const list = (0,yaml_nav/* valueOf */.RP)(contents, key);
        if ((0,dist/* isSeq */.oP)(list))
            for (const entry of list.items)
                if ((0,dist/* isMap */.jh)(entry))
                    add((0,yaml_nav/* valueOf */.RP)(entry, "patch"), (0,yaml_nav/* valueOf */.RP)(entry, "target"));
    }
    const merge = (0,yaml_nav/* valueOf */.RP)(contents, "patchesStrategicMerge");
    if ((0,dist/* isSeq */.oP)(merge))
        for (const item of merge.items)
            add(item, undefined);
    return out;
}
function inline_patches_isBlock(node) {
    return node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
}
function parsedInPlace(kustomization, node) {
    const [start, , end] = node.range ?? [];
    if (start === undefined || end === undefined)
        return undefined;
    const bodyStart = kustomization.text.indexOf("\n", start) + 1;
    if (bodyStart <= 0 || bodyStart > end)
        return undefined;
    const text = kustomization.text.slice(0, bodyStart).replace(/[^\n]/g, " ") + kustomization.text.slice(bodyStart, end);
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, logLevel: "error" });
    if (doc.errors.length || !doc.contents)
        return undefined;
    return (0,source_files/* sourceOf */.vz)(kustomization.file, text, [doc], lines);
}

;// CONCATENATED MODULE: ./src/gate/schema/api-lifecycle.ts

const REMOVED = [
    [16, "apps/v1", ["extensions/v1beta1 DaemonSet", "extensions/v1beta1 Deployment", "extensions/v1beta1 ReplicaSet"]],
    [16, "networking.k8s.io/v1", ["extensions/v1beta1 NetworkPolicy"]],
    [16, "policy/v1beta1", ["extensions/v1beta1 PodSecurityPolicy"]],
    [
        16,
        "apps/v1",
        [
            "apps/v1beta1 Deployment",
            "apps/v1beta1 StatefulSet",
            "apps/v1beta1 ControllerRevision",
            "apps/v1beta2 Deployment",
            "apps/v1beta2 StatefulSet",
            "apps/v1beta2 DaemonSet",
            "apps/v1beta2 ReplicaSet",
            "apps/v1beta2 ControllerRevision",
        ],
    ],
    [
        22,
        "networking.k8s.io/v1",
        ["extensions/v1beta1 Ingress", "networking.k8s.io/v1beta1 Ingress", "networking.k8s.io/v1beta1 IngressClass"],
    ],
    [
        22,
        "admissionregistration.k8s.io/v1",
        [
            "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
        ],
    ],
    [22, "apiextensions.k8s.io/v1", ["apiextensions.k8s.io/v1beta1 CustomResourceDefinition"]],
    [22, "apiregistration.k8s.io/v1", ["apiregistration.k8s.io/v1beta1 APIService"]],
    [22, "certificates.k8s.io/v1", ["certificates.k8s.io/v1beta1 CertificateSigningRequest"]],
    [22, "coordination.k8s.io/v1", ["coordination.k8s.io/v1beta1 Lease"]],
    [
        22,
        "rbac.authorization.k8s.io/v1",
        [
            "rbac.authorization.k8s.io/v1beta1 ClusterRole",
            "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding",
            "rbac.authorization.k8s.io/v1beta1 Role",
            "rbac.authorization.k8s.io/v1beta1 RoleBinding",
        ],
    ],
    [22, "scheduling.k8s.io/v1", ["scheduling.k8s.io/v1beta1 PriorityClass"]],
    [
        22,
        "storage.k8s.io/v1",
        [
            "storage.k8s.io/v1beta1 CSIDriver",
            "storage.k8s.io/v1beta1 CSINode",
            "storage.k8s.io/v1beta1 StorageClass",
            "storage.k8s.io/v1beta1 VolumeAttachment",
        ],
    ],
    [25, "batch/v1", ["batch/v1beta1 CronJob"]],
    [25, "discovery.k8s.io/v1", ["discovery.k8s.io/v1beta1 EndpointSlice"]],
    [25, "events.k8s.io/v1", ["events.k8s.io/v1beta1 Event"]],
    [25, "autoscaling/v2", ["autoscaling/v2beta1 HorizontalPodAutoscaler"]],
    [25, "policy/v1", ["policy/v1beta1 PodDisruptionBudget"]],
    [25, "Pod Security Admission (no replacement object)", ["policy/v1beta1 PodSecurityPolicy"]],
    [25, "node.k8s.io/v1", ["node.k8s.io/v1beta1 RuntimeClass"]],
    [26, "autoscaling/v2", ["autoscaling/v2beta2 HorizontalPodAutoscaler"]],
    [
        26,
        "flowcontrol.apiserver.k8s.io/v1",
        [
            "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema",
            "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration",
        ],
    ],
    [27, "storage.k8s.io/v1", ["storage.k8s.io/v1beta1 CSIStorageCapacity"]],
    [
        29,
        "flowcontrol.apiserver.k8s.io/v1",
        [
            "flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema",
            "flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration",
        ],
    ],
    [
        32,
        "flowcontrol.apiserver.k8s.io/v1",
        [
            "flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema",
            "flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration",
        ],
    ],
];
const INTRODUCED = [
    [18, ["storage.k8s.io/v1 CSIDriver"]],
    [
        19,
        [
            "networking.k8s.io/v1 Ingress",
            "networking.k8s.io/v1 IngressClass",
            "certificates.k8s.io/v1 CertificateSigningRequest",
            "events.k8s.io/v1 Event",
        ],
    ],
    [20, ["node.k8s.io/v1 RuntimeClass"]],
    [21, ["batch/v1 CronJob", "policy/v1 PodDisruptionBudget", "discovery.k8s.io/v1 EndpointSlice"]],
    [23, ["autoscaling/v2 HorizontalPodAutoscaler"]],
    [24, ["storage.k8s.io/v1 CSIStorageCapacity"]],
    [28, ["authentication.k8s.io/v1 SelfSubjectReview"]],
    [29, ["flowcontrol.apiserver.k8s.io/v1 FlowSchema", "flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration"]],
    [
        30,
        [
            "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy",
            "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding",
        ],
    ],
    [33, ["networking.k8s.io/v1 ServiceCIDR", "networking.k8s.io/v1 IPAddress"]],
    [
        34,
        [
            "resource.k8s.io/v1 DeviceClass",
            "resource.k8s.io/v1 ResourceClaim",
            "resource.k8s.io/v1 ResourceClaimTemplate",
            "resource.k8s.io/v1 ResourceSlice",
            "storage.k8s.io/v1 VolumeAttributesClass",
        ],
    ],
    [
        36,
        [
            "admissionregistration.k8s.io/v1 MutatingAdmissionPolicy",
            "admissionregistration.k8s.io/v1 MutatingAdmissionPolicyBinding",
        ],
    ],
];
const TABLE = new Map();
for (const [removed, replacement, types] of REMOVED)
    for (const t of types)
        TABLE.set(t, { removed, replacement });
for (const [since, types] of INTRODUCED)
    for (const t of types)
        TABLE.set(t, { ...TABLE.get(t), since });
/** The oldest release the table covers: older clusters are long out of support. */
const OLDEST_KUBERNETES_MINOR = 16;
/** Why the cluster at `1.<minor>` does not serve this type, or undefined when it does. */
function notServedReason(key, minor) {
    const life = TABLE.get(key);
    if (life?.removed !== undefined && minor >= life.removed)
        return `removed in Kubernetes 1.${life.removed}; use ${life.replacement ?? "its replacement"}`;
    if (life?.since !== undefined && minor < life.since)
        return `first served by Kubernetes 1.${life.since}`;
    return undefined;
}
/** "1.33", "v1.33" or "1.33.2" → 33, within the releases the tool knows. */
function kubernetesMinorOf(version, newest) {
    const minor = Number(/^v?1\.(\d+)(?:\.\d+)?$/.exec(version.trim())?.[1]);
    const newestMinor = Number(newest.split(".")[1]);
    if (!Number.isInteger(minor) || minor < OLDEST_KUBERNETES_MINOR || minor > newestMinor)
        throw new src_errors/* UsageError */.eb(`--kubernetes-version ${version}: give a release from 1.${OLDEST_KUBERNETES_MINOR} to ${newest} (the schemas shipped with this version), e.g. 1.33`);
    return minor;
}

;// CONCATENATED MODULE: ./src/gate/schema/builtin-index.ts
// Generated by scripts/generate-schema-index.mjs from kubernetes-models 5.1.0, @kubernetes-models/sealed-secrets 6.0.0, @kubernetes-models/argo-cd 4.0.0, @kubernetes-models/flux-cd 4.0.0; do not edit.
/** Every Kubernetes kind the shipped models know, by `apiVersion kind` (typeKey). */
const KUBERNETES_MODELS = {
    "admissionregistration.k8s.io/v1 MutatingAdmissionPolicy": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 MutatingAdmissionPolicyBinding": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 MutatingAdmissionPolicyBindingList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 MutatingAdmissionPolicyList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 MutatingWebhookConfigurationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBindingList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1 ValidatingWebhookConfigurationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7292)]).then(__webpack_require__.bind(__webpack_require__, 97292)),
    "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5738)]).then(__webpack_require__.bind(__webpack_require__, 55738)),
    "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfigurationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5738)]).then(__webpack_require__.bind(__webpack_require__, 55738)),
    "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5738)]).then(__webpack_require__.bind(__webpack_require__, 55738)),
    "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfigurationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5738)]).then(__webpack_require__.bind(__webpack_require__, 55738)),
    "apiextensions.k8s.io/v1 CustomResourceDefinition": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6553)]).then(__webpack_require__.bind(__webpack_require__, 26553)),
    "apiextensions.k8s.io/v1 CustomResourceDefinitionList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6553)]).then(__webpack_require__.bind(__webpack_require__, 26553)),
    "apiextensions.k8s.io/v1beta1 CustomResourceDefinition": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6532)]).then(__webpack_require__.bind(__webpack_require__, 86532)),
    "apiextensions.k8s.io/v1beta1 CustomResourceDefinitionList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6532)]).then(__webpack_require__.bind(__webpack_require__, 86532)),
    "apiregistration.k8s.io/v1 APIService": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7274)]).then(__webpack_require__.bind(__webpack_require__, 67274)),
    "apiregistration.k8s.io/v1 APIServiceList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7274)]).then(__webpack_require__.bind(__webpack_require__, 67274)),
    "apiregistration.k8s.io/v1beta1 APIService": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4240)]).then(__webpack_require__.bind(__webpack_require__, 4240)),
    "apiregistration.k8s.io/v1beta1 APIServiceList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4240)]).then(__webpack_require__.bind(__webpack_require__, 4240)),
    "apps/v1 ControllerRevision": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1 ControllerRevisionList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1 DaemonSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1 DaemonSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1 Deployment": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1 DeploymentList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1 ReplicaSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1 ReplicaSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1 StatefulSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1 StatefulSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(3651)]).then(__webpack_require__.bind(__webpack_require__, 3651)),
    "apps/v1beta1 ControllerRevision": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(6432)]).then(__webpack_require__.bind(__webpack_require__, 16432)),
    "apps/v1beta1 ControllerRevisionList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(6432)]).then(__webpack_require__.bind(__webpack_require__, 16432)),
    "apps/v1beta1 Deployment": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(6432)]).then(__webpack_require__.bind(__webpack_require__, 16432)),
    "apps/v1beta1 DeploymentList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(6432)]).then(__webpack_require__.bind(__webpack_require__, 16432)),
    "apps/v1beta1 DeploymentRollback": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(6432)]).then(__webpack_require__.bind(__webpack_require__, 16432)),
    "apps/v1beta1 Scale": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(6432)]).then(__webpack_require__.bind(__webpack_require__, 16432)),
    "apps/v1beta1 StatefulSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(6432)]).then(__webpack_require__.bind(__webpack_require__, 16432)),
    "apps/v1beta1 StatefulSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(6432)]).then(__webpack_require__.bind(__webpack_require__, 16432)),
    "apps/v1beta2 ControllerRevision": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 ControllerRevisionList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 DaemonSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 DaemonSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 Deployment": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 DeploymentList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 ReplicaSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 ReplicaSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 Scale": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 StatefulSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "apps/v1beta2 StatefulSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9078)]).then(__webpack_require__.bind(__webpack_require__, 89078)),
    "authentication.k8s.io/v1 SelfSubjectReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(1029)]).then(__webpack_require__.bind(__webpack_require__, 21029)),
    "authentication.k8s.io/v1 TokenRequest": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(1029)]).then(__webpack_require__.bind(__webpack_require__, 21029)),
    "authentication.k8s.io/v1 TokenReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(1029)]).then(__webpack_require__.bind(__webpack_require__, 21029)),
    "authentication.k8s.io/v1beta1 TokenReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8647)]).then(__webpack_require__.bind(__webpack_require__, 18647)),
    "authorization.k8s.io/v1 LocalSubjectAccessReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9790)]).then(__webpack_require__.bind(__webpack_require__, 99790)),
    "authorization.k8s.io/v1 SelfSubjectAccessReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9790)]).then(__webpack_require__.bind(__webpack_require__, 99790)),
    "authorization.k8s.io/v1 SelfSubjectRulesReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9790)]).then(__webpack_require__.bind(__webpack_require__, 99790)),
    "authorization.k8s.io/v1 SubjectAccessReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9790)]).then(__webpack_require__.bind(__webpack_require__, 99790)),
    "authorization.k8s.io/v1beta1 LocalSubjectAccessReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5115)]).then(__webpack_require__.bind(__webpack_require__, 95115)),
    "authorization.k8s.io/v1beta1 SelfSubjectAccessReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5115)]).then(__webpack_require__.bind(__webpack_require__, 95115)),
    "authorization.k8s.io/v1beta1 SelfSubjectRulesReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5115)]).then(__webpack_require__.bind(__webpack_require__, 95115)),
    "authorization.k8s.io/v1beta1 SubjectAccessReview": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5115)]).then(__webpack_require__.bind(__webpack_require__, 95115)),
    "autoscaling/v1 HorizontalPodAutoscaler": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5189)]).then(__webpack_require__.bind(__webpack_require__, 65189)),
    "autoscaling/v1 HorizontalPodAutoscalerList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5189)]).then(__webpack_require__.bind(__webpack_require__, 65189)),
    "autoscaling/v1 Scale": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5189)]).then(__webpack_require__.bind(__webpack_require__, 65189)),
    "autoscaling/v2 HorizontalPodAutoscaler": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6219)]).then(__webpack_require__.bind(__webpack_require__, 86219)),
    "autoscaling/v2 HorizontalPodAutoscalerList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6219)]).then(__webpack_require__.bind(__webpack_require__, 86219)),
    "autoscaling/v2beta1 HorizontalPodAutoscaler": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5654)]).then(__webpack_require__.bind(__webpack_require__, 75654)),
    "autoscaling/v2beta1 HorizontalPodAutoscalerList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(5654)]).then(__webpack_require__.bind(__webpack_require__, 75654)),
    "autoscaling/v2beta2 HorizontalPodAutoscaler": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6813)]).then(__webpack_require__.bind(__webpack_require__, 56813)),
    "autoscaling/v2beta2 HorizontalPodAutoscalerList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6813)]).then(__webpack_require__.bind(__webpack_require__, 56813)),
    "batch/v1 CronJob": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(1290), __webpack_require__.e(9302)]).then(__webpack_require__.bind(__webpack_require__, 39302)),
    "batch/v1 CronJobList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(1290), __webpack_require__.e(9302)]).then(__webpack_require__.bind(__webpack_require__, 39302)),
    "batch/v1 Job": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(1290), __webpack_require__.e(9302)]).then(__webpack_require__.bind(__webpack_require__, 39302)),
    "batch/v1 JobList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(1290), __webpack_require__.e(9302)]).then(__webpack_require__.bind(__webpack_require__, 39302)),
    "batch/v1beta1 CronJob": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(1290), __webpack_require__.e(3353)]).then(__webpack_require__.bind(__webpack_require__, 33353)),
    "batch/v1beta1 CronJobList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(1290), __webpack_require__.e(3353)]).then(__webpack_require__.bind(__webpack_require__, 33353)),
    "certificates.k8s.io/v1 CertificateSigningRequest": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4261)]).then(__webpack_require__.bind(__webpack_require__, 74261)),
    "certificates.k8s.io/v1 CertificateSigningRequestList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4261)]).then(__webpack_require__.bind(__webpack_require__, 74261)),
    "certificates.k8s.io/v1beta1 CertificateSigningRequest": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(1342)]).then(__webpack_require__.bind(__webpack_require__, 11342)),
    "certificates.k8s.io/v1beta1 CertificateSigningRequestList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(1342)]).then(__webpack_require__.bind(__webpack_require__, 11342)),
    "coordination.k8s.io/v1 Lease": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6664)]).then(__webpack_require__.bind(__webpack_require__, 36664)),
    "coordination.k8s.io/v1 LeaseList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6664)]).then(__webpack_require__.bind(__webpack_require__, 36664)),
    "coordination.k8s.io/v1beta1 Lease": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8676)]).then(__webpack_require__.bind(__webpack_require__, 28676)),
    "coordination.k8s.io/v1beta1 LeaseList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8676)]).then(__webpack_require__.bind(__webpack_require__, 28676)),
    "discovery.k8s.io/v1 EndpointSlice": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3299)]).then(__webpack_require__.bind(__webpack_require__, 33299)),
    "discovery.k8s.io/v1 EndpointSliceList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3299)]).then(__webpack_require__.bind(__webpack_require__, 33299)),
    "discovery.k8s.io/v1beta1 EndpointSlice": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6577)]).then(__webpack_require__.bind(__webpack_require__, 76577)),
    "discovery.k8s.io/v1beta1 EndpointSliceList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6577)]).then(__webpack_require__.bind(__webpack_require__, 76577)),
    "events.k8s.io/v1 Event": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4772)]).then(__webpack_require__.bind(__webpack_require__, 4772)),
    "events.k8s.io/v1 EventList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4772)]).then(__webpack_require__.bind(__webpack_require__, 4772)),
    "events.k8s.io/v1beta1 Event": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9206)]).then(__webpack_require__.bind(__webpack_require__, 79206)),
    "events.k8s.io/v1beta1 EventList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9206)]).then(__webpack_require__.bind(__webpack_require__, 79206)),
    "extensions/v1beta1 DaemonSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 DaemonSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 Deployment": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 DeploymentList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 DeploymentRollback": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 Ingress": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 IngressList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 NetworkPolicy": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 NetworkPolicyList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 PodSecurityPolicy": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 PodSecurityPolicyList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 ReplicaSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 ReplicaSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "extensions/v1beta1 Scale": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(9511)]).then(__webpack_require__.bind(__webpack_require__, 99511)),
    "flowcontrol.apiserver.k8s.io/v1 FlowSchema": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4820)]).then(__webpack_require__.bind(__webpack_require__, 44820)),
    "flowcontrol.apiserver.k8s.io/v1 FlowSchemaList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4820)]).then(__webpack_require__.bind(__webpack_require__, 44820)),
    "flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4820)]).then(__webpack_require__.bind(__webpack_require__, 44820)),
    "flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfigurationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4820)]).then(__webpack_require__.bind(__webpack_require__, 44820)),
    "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3257)]).then(__webpack_require__.bind(__webpack_require__, 43257)),
    "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchemaList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3257)]).then(__webpack_require__.bind(__webpack_require__, 43257)),
    "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3257)]).then(__webpack_require__.bind(__webpack_require__, 43257)),
    "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfigurationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3257)]).then(__webpack_require__.bind(__webpack_require__, 43257)),
    "flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7891)]).then(__webpack_require__.bind(__webpack_require__, 97891)),
    "flowcontrol.apiserver.k8s.io/v1beta2 FlowSchemaList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7891)]).then(__webpack_require__.bind(__webpack_require__, 97891)),
    "flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7891)]).then(__webpack_require__.bind(__webpack_require__, 97891)),
    "flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfigurationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7891)]).then(__webpack_require__.bind(__webpack_require__, 97891)),
    "flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8735)]).then(__webpack_require__.bind(__webpack_require__, 18735)),
    "flowcontrol.apiserver.k8s.io/v1beta3 FlowSchemaList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8735)]).then(__webpack_require__.bind(__webpack_require__, 18735)),
    "flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8735)]).then(__webpack_require__.bind(__webpack_require__, 18735)),
    "flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfigurationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8735)]).then(__webpack_require__.bind(__webpack_require__, 18735)),
    "networking.k8s.io/v1 Ingress": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1 IngressClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1 IngressClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1 IngressList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1 IPAddress": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1 IPAddressList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1 NetworkPolicy": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1 NetworkPolicyList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1 ServiceCIDR": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1 ServiceCIDRList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7047)]).then(__webpack_require__.bind(__webpack_require__, 77047)),
    "networking.k8s.io/v1beta1 Ingress": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3556)]).then(__webpack_require__.bind(__webpack_require__, 53556)),
    "networking.k8s.io/v1beta1 IngressClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3556)]).then(__webpack_require__.bind(__webpack_require__, 53556)),
    "networking.k8s.io/v1beta1 IngressClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3556)]).then(__webpack_require__.bind(__webpack_require__, 53556)),
    "networking.k8s.io/v1beta1 IngressList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3556)]).then(__webpack_require__.bind(__webpack_require__, 53556)),
    "node.k8s.io/v1 RuntimeClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4113)]).then(__webpack_require__.bind(__webpack_require__, 54113)),
    "node.k8s.io/v1 RuntimeClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4113)]).then(__webpack_require__.bind(__webpack_require__, 54113)),
    "node.k8s.io/v1beta1 RuntimeClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(740)]).then(__webpack_require__.bind(__webpack_require__, 40740)),
    "node.k8s.io/v1beta1 RuntimeClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(740)]).then(__webpack_require__.bind(__webpack_require__, 40740)),
    "policy/v1 Eviction": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2889), __webpack_require__.e(5612)]).then(__webpack_require__.bind(__webpack_require__, 45612)),
    "policy/v1 PodDisruptionBudget": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2889), __webpack_require__.e(5612)]).then(__webpack_require__.bind(__webpack_require__, 45612)),
    "policy/v1 PodDisruptionBudgetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2889), __webpack_require__.e(5612)]).then(__webpack_require__.bind(__webpack_require__, 45612)),
    "policy/v1beta1 Eviction": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2889), __webpack_require__.e(3065)]).then(__webpack_require__.bind(__webpack_require__, 33065)),
    "policy/v1beta1 PodDisruptionBudget": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2889), __webpack_require__.e(3065)]).then(__webpack_require__.bind(__webpack_require__, 33065)),
    "policy/v1beta1 PodDisruptionBudgetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2889), __webpack_require__.e(3065)]).then(__webpack_require__.bind(__webpack_require__, 33065)),
    "policy/v1beta1 PodSecurityPolicy": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2889), __webpack_require__.e(3065)]).then(__webpack_require__.bind(__webpack_require__, 33065)),
    "policy/v1beta1 PodSecurityPolicyList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2889), __webpack_require__.e(3065)]).then(__webpack_require__.bind(__webpack_require__, 33065)),
    "rbac.authorization.k8s.io/v1 ClusterRole": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6998)]).then(__webpack_require__.bind(__webpack_require__, 66998)),
    "rbac.authorization.k8s.io/v1 ClusterRoleBinding": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6998)]).then(__webpack_require__.bind(__webpack_require__, 66998)),
    "rbac.authorization.k8s.io/v1 ClusterRoleBindingList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6998)]).then(__webpack_require__.bind(__webpack_require__, 66998)),
    "rbac.authorization.k8s.io/v1 ClusterRoleList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6998)]).then(__webpack_require__.bind(__webpack_require__, 66998)),
    "rbac.authorization.k8s.io/v1 Role": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6998)]).then(__webpack_require__.bind(__webpack_require__, 66998)),
    "rbac.authorization.k8s.io/v1 RoleBinding": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6998)]).then(__webpack_require__.bind(__webpack_require__, 66998)),
    "rbac.authorization.k8s.io/v1 RoleBindingList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6998)]).then(__webpack_require__.bind(__webpack_require__, 66998)),
    "rbac.authorization.k8s.io/v1 RoleList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6998)]).then(__webpack_require__.bind(__webpack_require__, 66998)),
    "rbac.authorization.k8s.io/v1beta1 ClusterRole": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(572)]).then(__webpack_require__.bind(__webpack_require__, 20572)),
    "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(572)]).then(__webpack_require__.bind(__webpack_require__, 20572)),
    "rbac.authorization.k8s.io/v1beta1 ClusterRoleBindingList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(572)]).then(__webpack_require__.bind(__webpack_require__, 20572)),
    "rbac.authorization.k8s.io/v1beta1 ClusterRoleList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(572)]).then(__webpack_require__.bind(__webpack_require__, 20572)),
    "rbac.authorization.k8s.io/v1beta1 Role": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(572)]).then(__webpack_require__.bind(__webpack_require__, 20572)),
    "rbac.authorization.k8s.io/v1beta1 RoleBinding": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(572)]).then(__webpack_require__.bind(__webpack_require__, 20572)),
    "rbac.authorization.k8s.io/v1beta1 RoleBindingList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(572)]).then(__webpack_require__.bind(__webpack_require__, 20572)),
    "rbac.authorization.k8s.io/v1beta1 RoleList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(572)]).then(__webpack_require__.bind(__webpack_require__, 20572)),
    "resource.k8s.io/v1 DeviceClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8281)]).then(__webpack_require__.bind(__webpack_require__, 58281)),
    "resource.k8s.io/v1 DeviceClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8281)]).then(__webpack_require__.bind(__webpack_require__, 58281)),
    "resource.k8s.io/v1 ResourceClaim": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8281)]).then(__webpack_require__.bind(__webpack_require__, 58281)),
    "resource.k8s.io/v1 ResourceClaimList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8281)]).then(__webpack_require__.bind(__webpack_require__, 58281)),
    "resource.k8s.io/v1 ResourceClaimTemplate": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8281)]).then(__webpack_require__.bind(__webpack_require__, 58281)),
    "resource.k8s.io/v1 ResourceClaimTemplateList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8281)]).then(__webpack_require__.bind(__webpack_require__, 58281)),
    "resource.k8s.io/v1 ResourceSlice": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8281)]).then(__webpack_require__.bind(__webpack_require__, 58281)),
    "resource.k8s.io/v1 ResourceSliceList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(8281)]).then(__webpack_require__.bind(__webpack_require__, 58281)),
    "scheduling.k8s.io/v1 PriorityClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7204)]).then(__webpack_require__.bind(__webpack_require__, 57204)),
    "scheduling.k8s.io/v1 PriorityClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7204)]).then(__webpack_require__.bind(__webpack_require__, 57204)),
    "scheduling.k8s.io/v1beta1 PriorityClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(1541)]).then(__webpack_require__.bind(__webpack_require__, 91541)),
    "scheduling.k8s.io/v1beta1 PriorityClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(1541)]).then(__webpack_require__.bind(__webpack_require__, 91541)),
    "storage.k8s.io/v1 CSIDriver": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 CSIDriverList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 CSINode": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 CSINodeList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 CSIStorageCapacity": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 CSIStorageCapacityList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 StorageClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 StorageClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 VolumeAttachment": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 VolumeAttachmentList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 VolumeAttributesClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1 VolumeAttributesClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(8520)]).then(__webpack_require__.bind(__webpack_require__, 98520)),
    "storage.k8s.io/v1beta1 CSIDriver": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "storage.k8s.io/v1beta1 CSIDriverList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "storage.k8s.io/v1beta1 CSINode": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "storage.k8s.io/v1beta1 CSINodeList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "storage.k8s.io/v1beta1 CSIStorageCapacity": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "storage.k8s.io/v1beta1 CSIStorageCapacityList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "storage.k8s.io/v1beta1 StorageClass": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "storage.k8s.io/v1beta1 StorageClassList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "storage.k8s.io/v1beta1 VolumeAttachment": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "storage.k8s.io/v1beta1 VolumeAttachmentList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8619), __webpack_require__.e(9519)]).then(__webpack_require__.bind(__webpack_require__, 39519)),
    "v1 Binding": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ComponentStatus": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ComponentStatusList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ConfigMap": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ConfigMapList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 Endpoints": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 EndpointsList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 Event": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 EventList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 LimitRange": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 LimitRangeList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 Namespace": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 NamespaceList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 Node": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 NodeList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 PersistentVolume": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 PersistentVolumeClaim": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 PersistentVolumeClaimList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 PersistentVolumeList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 Pod": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 PodList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 PodTemplate": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 PodTemplateList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ReplicationController": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ReplicationControllerList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ResourceQuota": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ResourceQuotaList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 Secret": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 SecretList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 Service": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ServiceAccount": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ServiceAccountList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
    "v1 ServiceList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6817), __webpack_require__.e(8022), __webpack_require__.e(8619), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 90690)),
};
/** The shipped CRDs' kinds (Sealed Secrets, Argo CD, Flux), by `apiVersion kind` (typeKey). */
const CRD_MODELS = {
    "bitnami.com/v1alpha1 SealedSecret": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9161)]).then(__webpack_require__.bind(__webpack_require__, 29161)),
    "bitnami.com/v1alpha1 SealedSecretList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9161)]).then(__webpack_require__.bind(__webpack_require__, 29161)),
    "argoproj.io/v1alpha1 Application": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3046)]).then(__webpack_require__.bind(__webpack_require__, 33046)),
    "argoproj.io/v1alpha1 ApplicationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3046)]).then(__webpack_require__.bind(__webpack_require__, 33046)),
    "argoproj.io/v1alpha1 ApplicationSet": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3046)]).then(__webpack_require__.bind(__webpack_require__, 33046)),
    "argoproj.io/v1alpha1 ApplicationSetList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3046)]).then(__webpack_require__.bind(__webpack_require__, 33046)),
    "argoproj.io/v1alpha1 AppProject": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3046)]).then(__webpack_require__.bind(__webpack_require__, 33046)),
    "argoproj.io/v1alpha1 AppProjectList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3046)]).then(__webpack_require__.bind(__webpack_require__, 33046)),
    "helm.toolkit.fluxcd.io/v2 HelmRelease": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(3491)]).then(__webpack_require__.bind(__webpack_require__, 83491)),
    "helm.toolkit.fluxcd.io/v2 HelmReleaseList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(3491)]).then(__webpack_require__.bind(__webpack_require__, 83491)),
    "helm.toolkit.fluxcd.io/v2beta1 HelmRelease": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(9069), __webpack_require__.e(2872)]).then(__webpack_require__.bind(__webpack_require__, 32872)),
    "helm.toolkit.fluxcd.io/v2beta1 HelmReleaseList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(9069), __webpack_require__.e(2872)]).then(__webpack_require__.bind(__webpack_require__, 32872)),
    "helm.toolkit.fluxcd.io/v2beta2 HelmRelease": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(9069), __webpack_require__.e(5668)]).then(__webpack_require__.bind(__webpack_require__, 75668)),
    "helm.toolkit.fluxcd.io/v2beta2 HelmReleaseList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(9069), __webpack_require__.e(5668)]).then(__webpack_require__.bind(__webpack_require__, 75668)),
    "image.toolkit.fluxcd.io/v1 ImagePolicy": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6291)]).then(__webpack_require__.bind(__webpack_require__, 66291)),
    "image.toolkit.fluxcd.io/v1 ImagePolicyList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6291)]).then(__webpack_require__.bind(__webpack_require__, 66291)),
    "image.toolkit.fluxcd.io/v1 ImageRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6291)]).then(__webpack_require__.bind(__webpack_require__, 66291)),
    "image.toolkit.fluxcd.io/v1 ImageRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6291)]).then(__webpack_require__.bind(__webpack_require__, 66291)),
    "image.toolkit.fluxcd.io/v1 ImageUpdateAutomation": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6291)]).then(__webpack_require__.bind(__webpack_require__, 66291)),
    "image.toolkit.fluxcd.io/v1 ImageUpdateAutomationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(6291)]).then(__webpack_require__.bind(__webpack_require__, 66291)),
    "image.toolkit.fluxcd.io/v1beta1 ImagePolicy": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7181)]).then(__webpack_require__.bind(__webpack_require__, 97181)),
    "image.toolkit.fluxcd.io/v1beta1 ImagePolicyList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7181)]).then(__webpack_require__.bind(__webpack_require__, 97181)),
    "image.toolkit.fluxcd.io/v1beta1 ImageRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7181)]).then(__webpack_require__.bind(__webpack_require__, 97181)),
    "image.toolkit.fluxcd.io/v1beta1 ImageRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7181)]).then(__webpack_require__.bind(__webpack_require__, 97181)),
    "image.toolkit.fluxcd.io/v1beta1 ImageUpdateAutomation": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7181)]).then(__webpack_require__.bind(__webpack_require__, 97181)),
    "image.toolkit.fluxcd.io/v1beta1 ImageUpdateAutomationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7181)]).then(__webpack_require__.bind(__webpack_require__, 97181)),
    "image.toolkit.fluxcd.io/v1beta2 ImagePolicy": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2806)]).then(__webpack_require__.bind(__webpack_require__, 62806)),
    "image.toolkit.fluxcd.io/v1beta2 ImagePolicyList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2806)]).then(__webpack_require__.bind(__webpack_require__, 62806)),
    "image.toolkit.fluxcd.io/v1beta2 ImageRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2806)]).then(__webpack_require__.bind(__webpack_require__, 62806)),
    "image.toolkit.fluxcd.io/v1beta2 ImageRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2806)]).then(__webpack_require__.bind(__webpack_require__, 62806)),
    "image.toolkit.fluxcd.io/v1beta2 ImageUpdateAutomation": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2806)]).then(__webpack_require__.bind(__webpack_require__, 62806)),
    "image.toolkit.fluxcd.io/v1beta2 ImageUpdateAutomationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2806)]).then(__webpack_require__.bind(__webpack_require__, 62806)),
    "kustomize.toolkit.fluxcd.io/v1 Kustomization": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(4461)]).then(__webpack_require__.bind(__webpack_require__, 44461)),
    "kustomize.toolkit.fluxcd.io/v1 KustomizationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(4461)]).then(__webpack_require__.bind(__webpack_require__, 44461)),
    "kustomize.toolkit.fluxcd.io/v1beta1 Kustomization": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2093)]).then(__webpack_require__.bind(__webpack_require__, 2093)),
    "kustomize.toolkit.fluxcd.io/v1beta1 KustomizationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(2093)]).then(__webpack_require__.bind(__webpack_require__, 2093)),
    "kustomize.toolkit.fluxcd.io/v1beta2 Kustomization": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(728)]).then(__webpack_require__.bind(__webpack_require__, 60728)),
    "kustomize.toolkit.fluxcd.io/v1beta2 KustomizationList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9032), __webpack_require__.e(728)]).then(__webpack_require__.bind(__webpack_require__, 60728)),
    "notification.toolkit.fluxcd.io/v1 Receiver": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4843)]).then(__webpack_require__.bind(__webpack_require__, 74843)),
    "notification.toolkit.fluxcd.io/v1 ReceiverList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4843)]).then(__webpack_require__.bind(__webpack_require__, 74843)),
    "notification.toolkit.fluxcd.io/v1beta1 Alert": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9259)]).then(__webpack_require__.bind(__webpack_require__, 39259)),
    "notification.toolkit.fluxcd.io/v1beta1 AlertList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9259)]).then(__webpack_require__.bind(__webpack_require__, 39259)),
    "notification.toolkit.fluxcd.io/v1beta1 Provider": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9259)]).then(__webpack_require__.bind(__webpack_require__, 39259)),
    "notification.toolkit.fluxcd.io/v1beta1 ProviderList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9259)]).then(__webpack_require__.bind(__webpack_require__, 39259)),
    "notification.toolkit.fluxcd.io/v1beta1 Receiver": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9259)]).then(__webpack_require__.bind(__webpack_require__, 39259)),
    "notification.toolkit.fluxcd.io/v1beta1 ReceiverList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9259)]).then(__webpack_require__.bind(__webpack_require__, 39259)),
    "notification.toolkit.fluxcd.io/v1beta2 Alert": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4230)]).then(__webpack_require__.bind(__webpack_require__, 64230)),
    "notification.toolkit.fluxcd.io/v1beta2 AlertList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4230)]).then(__webpack_require__.bind(__webpack_require__, 64230)),
    "notification.toolkit.fluxcd.io/v1beta2 Provider": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4230)]).then(__webpack_require__.bind(__webpack_require__, 64230)),
    "notification.toolkit.fluxcd.io/v1beta2 ProviderList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4230)]).then(__webpack_require__.bind(__webpack_require__, 64230)),
    "notification.toolkit.fluxcd.io/v1beta2 Receiver": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4230)]).then(__webpack_require__.bind(__webpack_require__, 64230)),
    "notification.toolkit.fluxcd.io/v1beta2 ReceiverList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(4230)]).then(__webpack_require__.bind(__webpack_require__, 64230)),
    "notification.toolkit.fluxcd.io/v1beta3 Alert": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7334)]).then(__webpack_require__.bind(__webpack_require__, 67334)),
    "notification.toolkit.fluxcd.io/v1beta3 AlertList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7334)]).then(__webpack_require__.bind(__webpack_require__, 67334)),
    "notification.toolkit.fluxcd.io/v1beta3 Provider": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7334)]).then(__webpack_require__.bind(__webpack_require__, 67334)),
    "notification.toolkit.fluxcd.io/v1beta3 ProviderList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(7334)]).then(__webpack_require__.bind(__webpack_require__, 67334)),
    "source.toolkit.fluxcd.io/v1 Bucket": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 BucketList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 ExternalArtifact": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 ExternalArtifactList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 GitRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 GitRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 HelmChart": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 HelmChartList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 HelmRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 HelmRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 OCIRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1 OCIRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(7318)]).then(__webpack_require__.bind(__webpack_require__, 77318)),
    "source.toolkit.fluxcd.io/v1beta1 Bucket": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3579)]).then(__webpack_require__.bind(__webpack_require__, 93579)),
    "source.toolkit.fluxcd.io/v1beta1 BucketList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3579)]).then(__webpack_require__.bind(__webpack_require__, 93579)),
    "source.toolkit.fluxcd.io/v1beta1 GitRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3579)]).then(__webpack_require__.bind(__webpack_require__, 93579)),
    "source.toolkit.fluxcd.io/v1beta1 GitRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3579)]).then(__webpack_require__.bind(__webpack_require__, 93579)),
    "source.toolkit.fluxcd.io/v1beta1 HelmChart": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3579)]).then(__webpack_require__.bind(__webpack_require__, 93579)),
    "source.toolkit.fluxcd.io/v1beta1 HelmChartList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3579)]).then(__webpack_require__.bind(__webpack_require__, 93579)),
    "source.toolkit.fluxcd.io/v1beta1 HelmRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3579)]).then(__webpack_require__.bind(__webpack_require__, 93579)),
    "source.toolkit.fluxcd.io/v1beta1 HelmRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(3579)]).then(__webpack_require__.bind(__webpack_require__, 93579)),
    "source.toolkit.fluxcd.io/v1beta2 Bucket": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
    "source.toolkit.fluxcd.io/v1beta2 BucketList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
    "source.toolkit.fluxcd.io/v1beta2 GitRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
    "source.toolkit.fluxcd.io/v1beta2 GitRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
    "source.toolkit.fluxcd.io/v1beta2 HelmChart": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
    "source.toolkit.fluxcd.io/v1beta2 HelmChartList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
    "source.toolkit.fluxcd.io/v1beta2 HelmRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
    "source.toolkit.fluxcd.io/v1beta2 HelmRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
    "source.toolkit.fluxcd.io/v1beta2 OCIRepository": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
    "source.toolkit.fluxcd.io/v1beta2 OCIRepositoryList": () => Promise.all(/* import() */[__webpack_require__.e(8365), __webpack_require__.e(9654), __webpack_require__.e(3517)]).then(__webpack_require__.bind(__webpack_require__, 63517)),
};

;// CONCATENATED MODULE: ./src/gate/schema/unknown-fields.ts
/**
 * Wraps a value so that a compiled validator's property reads are recorded. Validators read every
 * property their schema defines, so an own key that was never read is one the schema does not
 * define. Objects whose keys the validator enumerates (maps) or never reads at all (free-form
 * objects: no properties in the schema) have no unknown fields.
 */
function trackReads(value) {
    const visits = [];
    const wrap = (current, path) => {
        if (current === null || typeof current !== "object")
            return current;
        const isList = Array.isArray(current);
        const visit = { path, value: current, read: new Set(), enumerated: false };
        if (!isList)
            visits.push(visit);
        const children = new Map();
        return new Proxy(current, {
            get(target, key, receiver) {
                if (typeof key !== "string")
                    return Reflect.get(target, key, receiver);
                // Reads of absent keys count: the schema defines them (a required check, say).
                visit.read.add(key);
                if (!Object.hasOwn(target, key))
                    return Reflect.get(target, key, receiver);
                if (!children.has(key)) {
                    children.set(key, wrap(target[key], [...path, isList ? Number(key) : key]));
                }
                return children.get(key);
            },
            has(target, key) {
                if (typeof key === "string")
                    visit.read.add(key);
                return Reflect.has(target, key);
            },
            getOwnPropertyDescriptor(target, key) {
                if (typeof key === "string")
                    visit.read.add(key);
                return Reflect.getOwnPropertyDescriptor(target, key);
            },
            ownKeys(target) {
                visit.enumerated = true;
                return Reflect.ownKeys(target);
            },
        });
    };
    const tracked = wrap(value, []);
    return {
        tracked,
        unknownFields: () => visits
            .filter((v) => !v.enumerated && v.read.size > 0)
            .flatMap((v) => Object.keys(v.value)
            .filter((key) => !v.read.has(key))
            .map((key) => [...v.path, key])),
    };
}

;// CONCATENATED MODULE: ./src/gate/schema/violations.ts
/**
 * Compiled validators (ajv's, and kubernetes-models', which ajv generated) report errors as JSON
 * pointers with keywords. This turns them into one message per broken field, in words a user
 * acts on: alternatives (int-or-string) collapse into one message, required fields are named.
 */
function violationsOf(errors, value) {
    const describe = describer(value?.kind === "Secret");
    const alternatives = new Set(errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf").map((e) => e.instancePath));
    const typesAt = new Map();
    const out = [];
    for (const error of errors) {
        const path = pathOf(error.instancePath, value);
        const where = error.instancePath;
        if (alternatives.has(where) && (error.keyword === "type" || error.keyword === "format")) {
            if (error.keyword === "type")
                typesAt.set(where, [...(typesAt.get(where) ?? []), String(error.params.type)]);
            continue;
        }
        switch (error.keyword) {
            case "anyOf":
            case "oneOf":
                break;
            case "required":
                out.push({
                    path,
                    message: `missing required field "${String(error.params.missingProperty)}"`,
                    missingField: true,
                });
                break;
            case "additionalProperties":
                out.push({
                    path: [...path, String(error.params.additionalProperty)],
                    message: `unknown field "${String(error.params.additionalProperty)}"`,
                    unknownField: true,
                });
                break;
            case "type":
                out.push({
                    path,
                    actual: violations_valueAt(value, path),
                    message: `must be ${String(error.params.type)}, not ${describe(violations_valueAt(value, path))}`,
                });
                break;
            case "enum":
                out.push({
                    path,
                    enum: true,
                    actual: violations_valueAt(value, path),
                    message: `must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}, not ${describe(violations_valueAt(value, path))}`,
                });
                break;
            case "format":
                out.push({
                    path,
                    actual: violations_valueAt(value, path),
                    message: `must be a valid ${String(error.params.format)}, not ${describe(violations_valueAt(value, path))}`,
                });
                break;
            case "pattern":
                out.push({ path, actual: violations_valueAt(value, path), message: `must match ${String(error.params.pattern)}` });
                break;
            default:
                out.push({ path, message: `${error.keyword} ${JSON.stringify(error.params)} not met` });
        }
    }
    for (const where of alternatives) {
        const path = pathOf(where, value);
        const types = typesAt.get(where);
        out.push({
            path,
            actual: violations_valueAt(value, path),
            message: types?.length
                ? `must be ${types.join(" or ")}, not ${describe(violations_valueAt(value, path))}`
                : "matches none of the forms the schema allows",
        });
    }
    return out;
}
/** "/spec/containers/0/image" → ["spec", "containers", 0, "image"], indexes as numbers. */
function pathOf(pointer, value) {
    const path = [];
    let current = value;
    for (const raw of pointer.split("/").slice(1)) {
        const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
        const segment = Array.isArray(current) && /^\d+$/.test(key) ? Number(key) : key;
        path.push(segment);
        current = current !== null && typeof current === "object" ? current[key] : undefined;
    }
    return path;
}
function violations_valueAt(value, path) {
    let current = value;
    for (const key of path)
        current =
            current !== null && typeof current === "object" ? current[key] : undefined;
    return current;
}
/** Enough of a wrong value to recognise it, not enough to carry a secret out of the repo. */
const QUOTED_PREFIX = 12;
/** Words for a value in a message; values of Secrets are never quoted. */
function describer(secret) {
    return (value) => {
        if (value === null)
            return "null";
        if (Array.isArray(value))
            return "a list";
        if (typeof value === "object")
            return "a mapping";
        if (secret)
            return `a ${typeof value} (${String(value).length} characters)`;
        if (typeof value === "string")
            return `string ${JSON.stringify(value.length > QUOTED_PREFIX ? `${value.slice(0, QUOTED_PREFIX)}…` : value)}`;
        const text = String(value);
        return `${typeof value} ${text.length > QUOTED_PREFIX ? `${text.slice(0, QUOTED_PREFIX)}…` : text}`;
    };
}

;// CONCATENATED MODULE: ./src/gate/schema/builtin-schemas.ts




/** The Kubernetes release whose GA APIs kubernetes-models 5.1.0 generates (older betas kept). */
const SCHEMA_KUBERNETES_VERSION = "1.36";
/** The origin of the Sealed Secrets, Argo CD and Flux schemas shipped with the tool. */
const SHIPPED_CRD = "built-in CRD";
function isModelClass(value) {
    return typeof value === "function" && typeof value.apiVersion === "string";
}
/** The apiVersions of every Kubernetes kind the shipped models know, by kind. */
function builtin_schemas_kubernetesKinds() {
    const kinds = new Map();
    for (const key of Object.keys(KUBERNETES_MODELS)) {
        const [apiVersion, kind] = key.split(" ");
        kinds.set(kind, [...(kinds.get(kind) ?? []), apiVersion]);
    }
    return kinds;
}
/** Whether a schema for this type ships with the tool. */
function isBuiltinType(key) {
    return Object.hasOwn(KUBERNETES_MODELS, key) || Object.hasOwn(CRD_MODELS, key);
}
/**
 * The shipped schema of one type (a Kubernetes kind from kubernetes-models, or a CRD of Sealed
 * Secrets, Argo CD or Flux), undefined for any other. Each API group version is its own module:
 * a run loads the compiled validators of the groups it meets, not the several MB of them all.
 */
async function loadBuiltinSchema(key) {
    const kubernetes = Object.hasOwn(KUBERNETES_MODELS, key);
    const load = kubernetes ? KUBERNETES_MODELS[key] : Object.hasOwn(CRD_MODELS, key) ? CRD_MODELS[key] : undefined;
    if (!load)
        return undefined;
    const kind = key.slice(key.indexOf(" ") + 1);
    const model = (await load())[kind];
    if (!isModelClass(model))
        throw new src_errors/* InternalError */.Gd(`the shipped model of ${key} exports no ${kind}`);
    return modelSchema(model, kubernetes ? `Kubernetes ${SCHEMA_KUBERNETES_VERSION}` : SHIPPED_CRD);
}
/**
 * A CRD's openAPIV3Schema is a JSON Schema document: kubernetes-models validates its shape but
 * does not read every keyword it allows (description, example, …), so --strict does not descend.
 */
function insideSchemaOfCrd(path) {
    const at = path.indexOf("openAPIV3Schema");
    return at >= 0 && at < path.length - 1;
}
function modelSchema(model, origin) {
    return {
        origin,
        check(object, strict) {
            // Tracking reads (for unknown fields) costs a proxy per value: only under --strict.
            const { tracked, unknownFields } = strict ? trackReads(object) : { tracked: object, unknownFields: () => [] };
            let errors = [];
            try {
                model.prototype.validate.call(tracked);
            }
            catch (error) {
                const list = error.errors;
                if (!Array.isArray(list))
                    throw new src_errors/* InternalError */.Gd(`validating ${model.kind}: ${error.message}`);
                errors = list;
            }
            const violations = violationsOf(errors, object);
            if (strict)
                // kubernetes-models leaves JSONSchemaProps' x-kubernetes-* fields out of its schemas.
                for (const path of unknownFields().filter((p) => !String(p.at(-1)).startsWith("x-kubernetes-") && !insideSchemaOfCrd(p)))
                    violations.push({ path, message: `unknown field "${String(path.at(-1))}"`, unknownField: true });
            return violations;
        },
    };
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
;// CONCATENATED MODULE: ./src/gate/schema/object-schema.ts
/** `apps/v1 Deployment`: how objects are keyed and named in messages. */
function typeKey(apiVersion, kind) {
    return `${apiVersion} ${kind}`;
}
/** `spec.template.spec.containers[0].image`, as kubectl explain and error messages print it. */
function formatPath(path) {
    return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(object)";
}

;// CONCATENATED MODULE: ./src/gate/schema/crd-schemas.ts



const crd_schemas_ajv = new ajv.Ajv({ strict: false, allErrors: true, validateFormats: false });
/**
 * For the schemas written in this code (the kustomization's): not checked against JSON Schema's
 * meta-schema, whose compilation alone was a tenth of a one-root run's CPU time. Schemas from a
 * repository or --schema-dir still are.
 */
const ownAjv = new ajv.Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
function asObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}
/**
 * The schemas a CustomResourceDefinition defines, one per served version, keyed like
 * `typeKey`. Both apiextensions.k8s.io/v1 (per-version schema) and v1beta1 (one validation
 * for all versions) are read; versions without a schema are left out.
 */
function schemasOfCrd(crd, origin) {
    const out = new Map();
    const spec = asObject(asObject(crd)?.spec);
    const group = spec?.group;
    const kind = asObject(spec?.names)?.kind;
    if (typeof group !== "string" || typeof kind !== "string")
        return out;
    const shared = asObject(asObject(spec?.validation)?.openAPIV3Schema);
    const versions = Array.isArray(spec?.versions)
        ? spec.versions.map(asObject)
        : [{ name: spec?.version }];
    for (const version of versions) {
        const schema = asObject(asObject(version?.schema)?.openAPIV3Schema) ?? shared;
        if (typeof version?.name !== "string" || !schema)
            continue;
        out.set(typeKey(`${group}/${version.name}`, kind), openApiSchema(schema, origin));
    }
    return out;
}
/** An ObjectSchema from a structural OpenAPI v3 schema (a CRD's, or a user's JSON Schema file). */
function openApiSchema(schema, origin) {
    return compiledWith(crd_schemas_ajv, schema, origin);
}
/** The same, for a schema this code defines. */
function ownOpenApiSchema(schema, origin) {
    return compiledWith(ownAjv, schema, origin);
}
function compiledWith(compiler, schema, origin) {
    const compiled = {};
    return {
        origin,
        check(object, strict) {
            const mode = strict ? "strict" : "lenient";
            compiled[mode] ??= compiler.compile(toJsonSchema(withTypeMeta(schema), strict));
            const validate = compiled[mode];
            return validate(object) ? [] : violationsOf(validate.errors ?? [], object);
        },
    };
}
/** CRD schemas may leave out apiVersion/kind/metadata; every object has them. */
function withTypeMeta(schema) {
    const properties = asObject(schema.properties) ?? {};
    return {
        ...schema,
        properties: {
            apiVersion: { type: "string" },
            kind: { type: "string" },
            metadata: { type: "object" },
            ...properties,
        },
    };
}
/**
 * Kubernetes' OpenAPI dialect as JSON Schema: `nullable`, `x-kubernetes-int-or-string`. In
 * strict mode objects with declared properties reject others, unless
 * `x-kubernetes-preserve-unknown-fields` keeps them (as the API server prunes).
 */
function toJsonSchema(node, strict) {
    if (Array.isArray(node))
        return node.map((n) => toJsonSchema(n, strict));
    const schema = asObject(node);
    if (!schema)
        return node;
    const out = {};
    for (const [key, value] of Object.entries(schema)) {
        if (key === "properties" || key === "patternProperties" || key === "definitions") {
            out[key] = Object.fromEntries(Object.entries(asObject(value) ?? {}).map(([k, v]) => [k, toJsonSchema(v, strict)]));
        }
        else if (key === "enum" || key === "required" || key === "default" || key === "example") {
            out[key] = value;
        }
        else {
            out[key] = toJsonSchema(value, strict);
        }
    }
    if (schema["x-kubernetes-int-or-string"] === true) {
        delete out.type;
        out.anyOf = [{ type: "integer" }, { type: "string" }];
    }
    if (schema.nullable === true && typeof out.type === "string")
        out.type = [out.type, "null"];
    if (strict &&
        out.properties &&
        out.additionalProperties === undefined &&
        schema["x-kubernetes-preserve-unknown-fields"] !== true)
        out.additionalProperties = false;
    return out;
}

;// CONCATENATED MODULE: ./src/gate/schema/kustomization-schema.ts

const strings = { type: "array", items: { type: "string" } };
const stringMap = { type: "object", additionalProperties: { type: "string" } };
const target = {
    type: "object",
    properties: Object.fromEntries(["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"].map((k) => [
        k,
        { type: "string" },
    ])),
};
const generatorOptions = {
    type: "object",
    properties: {
        labels: stringMap,
        annotations: stringMap,
        disableNameSuffixHash: { type: "boolean" },
        immutable: { type: "boolean" },
    },
};
const generator = {
    type: "array",
    items: {
        type: "object",
        properties: {
            name: { type: "string" },
            namespace: { type: "string" },
            behavior: { type: "string", enum: ["create", "replace", "merge"] },
            files: strings,
            literals: strings,
            envs: strings,
            env: { type: "string" },
            type: { type: "string" },
            options: generatorOptions,
        },
    },
};
/**
 * The fields of kustomize.config.k8s.io Kustomization and Component (kustomize v5), with the
 * types kustomize decodes them into. kustomize refuses unknown fields, so this is always strict.
 */
const KUSTOMIZATION = {
    type: "object",
    properties: {
        apiVersion: { type: "string" },
        kind: { type: "string", enum: ["Kustomization", "Component"] },
        metadata: { type: "object" },
        resources: strings,
        components: strings,
        bases: strings,
        crds: strings,
        configurations: strings,
        generators: strings,
        transformers: strings,
        validators: strings,
        patchesStrategicMerge: strings,
        buildMetadata: strings,
        namespace: { type: "string" },
        namePrefix: { type: "string" },
        nameSuffix: { type: "string" },
        commonLabels: stringMap,
        commonAnnotations: stringMap,
        labels: {
            type: "array",
            items: {
                type: "object",
                properties: {
                    pairs: stringMap,
                    includeSelectors: { type: "boolean" },
                    includeTemplates: { type: "boolean" },
                    fields: { type: "array" },
                },
            },
        },
        images: {
            type: "array",
            items: {
                type: "object",
                required: ["name"],
                properties: {
                    name: { type: "string" },
                    newName: { type: "string" },
                    newTag: { type: "string" },
                    digest: { type: "string" },
                    tagSuffix: { type: "string" },
                },
            },
        },
        replicas: {
            type: "array",
            items: {
                type: "object",
                required: ["name", "count"],
                properties: { name: { type: "string" }, count: { type: "integer" } },
            },
        },
        patches: {
            type: "array",
            items: {
                type: "object",
                properties: {
                    path: { type: "string" },
                    patch: { type: "string" },
                    target,
                    options: { type: "object", additionalProperties: { type: "boolean" } },
                },
            },
        },
        patchesJson6902: {
            type: "array",
            items: { type: "object", properties: { path: { type: "string" }, patch: { type: "string" }, target } },
        },
        configMapGenerator: generator,
        secretGenerator: generator,
        generatorOptions,
        vars: { type: "array" },
        replacements: { type: "array" },
        openapi: { type: "object" },
        helmCharts: { type: "array" },
        helmGlobals: { type: "object" },
        helmChartInflationGenerator: { type: "array" },
        sortOptions: { type: "object" },
    },
};
/** kustomize decodes with Go's YAML: a field written as null (every list entry commented out) is its zero value. */
const NULLABLE = {
    ...KUSTOMIZATION,
    properties: Object.fromEntries(Object.entries(KUSTOMIZATION.properties).map(([key, schema]) => [key, { ...schema, nullable: true }])),
};
const kustomizationSchema = ownOpenApiSchema(NULLABLE, "kustomize v5");

;// CONCATENATED MODULE: ./src/gate/rules/schema.ts









/** Files with apiVersion and kind that no API server receives: kubeconfig. */
const NOT_API_OBJECTS = new Set([typeKey("v1", "Config")]);
/** Tools whose configs look like objects: skaffold, kind, k3d, kpt, ctlptl, kustomize plugins. */
const TOOL_CONFIG = /^(skaffold\/|kind\.x-k8s\.io\/|k3d\.io\/|kpt\.dev\/|fn\.kpt\.dev\/|ctlptl\.dev\/|config\.kubernetes\.io\/|builtin$)/;
/**
 * Whether a document is an object some API server receives. Only `v1` has no group, so a
 * groupless `v1alpha1` (Talos machine configs) is a tool's document, as are the tool configs above.
 */
function isApiObject(apiVersion, kind) {
    if (NOT_API_OBJECTS.has(typeKey(apiVersion, kind)) || TOOL_CONFIG.test(apiVersion))
        return false;
    return apiVersion.includes("/") || apiVersion === "v1";
}
/**
 * The schema verdict on one object; undefined for values that are not API objects (no
 * apiVersion/kind, kubeconfig) and for SOPS-encrypted ones, whose values are ciphertext until
 * the deployer decrypts them.
 */
function judge(object, options) {
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== "string" || typeof kind !== "string")
        return undefined;
    if (!isApiObject(apiVersion, kind) || (object.sops?.mac && object.sops.version))
        return undefined;
    const reason = notServedReason(typeKey(apiVersion, kind), options.kubernetesMinor);
    if (reason)
        return { type: "not-served", reason };
    const schema = options.catalog.lookup(apiVersion, kind);
    if (!schema) {
        const rejected = options.catalog.rejectedKind(apiVersion, kind);
        return rejected ? { type: "rejected", reason: rejected } : { type: "unknown-kind" };
    }
    const all = schema.check(object, options.strict);
    const violations = misspelt(all.filter((v) => !holdsVariable(v.actual) && !injectedSecretValue(object, v, options.placeholders ?? [])));
    return {
        type: "checked",
        violations,
        origin: schema.origin,
        unresolved: all.filter((v) => holdsVariable(v.actual)).length,
    };
}
/**
 * `replica: 2` where `replicas` is required is one mistake, not two: the unknown field (at its
 * key) says which required field it is likely meant to be, and the missing-field finding goes.
 */
function misspelt(violations) {
    const merged = new Set();
    const out = violations.map((unknown) => {
        if (!unknown.unknownField)
            return unknown;
        const parent = formatPath(unknown.path.slice(0, -1));
        const typed = String(unknown.path.at(-1));
        const missing = violations.find((v) => v.missingField &&
            !merged.has(v) &&
            formatPath(v.path) === parent &&
            closeEnough(typed, /"(.+)"/.exec(v.message)?.[1] ?? ""));
        if (!missing)
            return unknown;
        merged.add(missing);
        const intended = /"(.+)"/.exec(missing.message)?.[1];
        return { ...unknown, message: `unknown field "${typed}" (did you mean "${intended}"? it is required)` };
    });
    return out.filter((v) => !merged.has(v));
}
/** Whether two field names differ by at most two edits (a typo), ignoring case. */
function closeEnough(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (Math.abs(x.length - y.length) > 2)
        return false;
    let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
    for (let i = 1; i <= x.length; i++) {
        const current = [i];
        for (let j = 1; j <= y.length; j++)
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        previous = current;
    }
    return previous[y.length] <= 2;
}
/**
 * A Secret value that is a reference an injector replaces before the API server sees it
 * (argocd-vault-plugin's `<path:…>` and `<secret:…>`, 1Password, vals, the repository's own
 * patterns): not base64 until then. Only a Secret's values: secret-placeholder lists each one, so
 * the reviewer still sees it; anywhere else a reference would let a change skip the schema unseen.
 */
function injectedSecretValue(object, violation, placeholders) {
    if (object.kind !== "Secret" || violation.path[0] !== "data" || typeof violation.actual !== "string")
        return false;
    const tool = (0,secret_placeholders/* placeholderOf */.h)(violation.actual, false, placeholders);
    return tool !== undefined && tool !== "empty";
}
/**
 * A Flux post-build variable (`${VAR}`, `${VAR:=default}`) is replaced by kustomize-controller
 * after the build: the value checked here is not the value applied, so it is not judged.
 */
function holdsVariable(value) {
    return typeof value === "string" && /\$\{[A-Za-z_][A-Za-z0-9_]*(:?[=-][^}]*)?\}/.test(value);
}
function describeObject(object) {
    const name = typeof object.metadata?.name === "string" ? ` ${object.metadata.name}` : "";
    return `${String(object.kind)}${name}`;
}
function at(source, node) {
    return { file: source.file, ...(0,source_files/* positionOf */.df)(source, node) };
}
function verdictFindings(verdict, object, source, map, place, options) {
    const what = describeObject(object);
    const apiVersion = String(object.apiVersion);
    if (verdict.type === "unknown-kind")
        return [
            {
                rule: "unknown-kind",
                severity: "warning",
                ...at(source, (0,yaml_nav/* valueOf */.RP)(map, "kind")),
                message: `no schema for ${apiVersion} ${String(object.kind)}: ${what} is not checked`,
                hint: "add its CustomResourceDefinition to the repo, or its schema to --schema-dir (a CRD manifest or <group>/<kind>_<version>.json)",
            },
        ];
    if (verdict.type === "rejected")
        return [
            {
                rule: "schema",
                severity: "error",
                ...at(source, (0,yaml_nav/* valueOf */.RP)(map, "kind")),
                message: `${apiVersion} ${String(object.kind)}: ${verdict.reason}`,
                hint: "the API server rejects this apiVersion/kind pair; fix apiVersion or kind",
            },
        ];
    if (verdict.type === "not-served")
        return [
            {
                rule: "schema",
                severity: "error",
                ...at(source, (0,yaml_nav/* valueOf */.RP)(map, "apiVersion")),
                message: `${apiVersion} ${String(object.kind)} is not served by Kubernetes 1.${options.kubernetesMinor}: ${verdict.reason}`,
                hint: "the API server rejects objects of API versions it does not serve; change apiVersion (and any fields that moved) before deploying",
            },
        ];
    return verdict.violations.map((violation) => {
        const { source: where, located } = place(violation);
        const finding = violationFinding(where, located, violation, what, violation.unknownField
            ? "remove it or fix its spelling: the API server drops fields it does not know, or rejects them under kubectl apply --validate=strict"
            : `kubectl explain ${String(object.kind).toLowerCase()}.${explainPath(violation.path)} --api-version=${apiVersion} describes the field`);
        // The shipped CRDs are a snapshot: a newer controller may allow values they do not list.
        if (violation.enum && verdict.origin === SHIPPED_CRD)
            return {
                ...finding,
                severity: "warning",
                hint: `the shipped ${apiVersion} CRD does not list it; if your cluster runs a newer controller that does, add its CRD to the repo or to --schema-dir`,
            };
        return finding;
    });
}
/** A `schema` finding at the field (at its key for unknown and missing fields). */
function violationFinding(source, located, violation, what, hint) {
    const node = violation.unknownField || violation.missingField ? (located.key ?? located.node) : located.node;
    return {
        rule: "schema",
        severity: "error",
        ...at(source, node),
        message: `${what}: ${formatPath(violation.path)}: ${newTagMessage(violation, located) ?? violation.message}`,
        hint,
    };
}
function explainPath(path) {
    return path.filter((p) => typeof p === "string").join(".");
}
/** `newTag: 1.10` is the number 1.1 to YAML: say so, with the text the user wrote. */
function newTagMessage(violation, located) {
    const node = located.node;
    if (violation.path.at(-1) !== "newTag" || !located.complete || !(0,dist/* isScalar */.jn)(node) || typeof node.value === "string")
        return undefined;
    const written = node.source ?? String(node.value);
    return `${written} is read as the ${typeof node.value} ${String(node.value)}, not the tag "${written}"; quote it: newTag: "${written}"`;
}
/** A verdict with nothing to report: not an API object, or one that passes its schema. */
function quiet(verdict) {
    return !verdict || (verdict.type === "checked" && verdict.violations.length === 0);
}
/** Whole objects in a file checked on their own (not under a rendered root), at their lines. */
function sourceSchemaFindings(source, options) {
    // Judged on the plain values first: only a file with something to report is read with positions.
    const clean = (0,yaml_nav/* plainObjectsOf */.kL)(source).every((o) => {
        if (o.kind?.endsWith("List") && Array.isArray(o.value.items))
            return true;
        return quiet(judge(o.value, options));
    });
    if (clean)
        return [];
    return (0,yaml_nav/* objectsOf */.iZ)(source).flatMap((object) => {
        if (object.kind?.endsWith("List") && (0,dist/* isSeq */.oP)((0,yaml_nav/* valueOf */.RP)(object.map, "items")))
            return [];
        const data = object.map.toJS(object.doc, { maxAliasCount: 100 });
        const verdict = judge(data, options);
        if (!verdict)
            return [];
        return verdictFindings(verdict, data, source, object.map, (v) => ({ source, located: (0,yaml_nav/* locate */.x5)(object.map, v.path) }), options);
    });
}
/** A kustomization file against kustomize's own fields (always strict: kustomize refuses unknown ones). */
function kustomizationSchemaFindings(source) {
    const contents = source.docs[0]?.contents;
    if (!contents)
        return [];
    const data = source.docs[0]?.toJS({ maxAliasCount: 100 });
    const object = { ...data, kind: typeof data.kind === "string" ? data.kind : "Kustomization" };
    return kustomizationSchema
        .check(data, true)
        .map((violation) => violationFinding(source, (0,yaml_nav/* locate */.x5)(contents, violation.path), violation, object.kind, violation.unknownField
        ? "kustomize refuses fields it does not know: fix the spelling or remove it (see kustomize's kustomization reference)"
        : "kustomize decodes this field into that type and fails otherwise (see kustomize's kustomization reference)"));
}
function rootSources(root, files, patchFiles, 
/** The name a written name becomes once the deployer substituted its variables. */
rename = (name) => name) {
    const out = { root, resources: [], patches: [] };
    const nameOf = (node) => {
        const name = (0,yaml_nav/* stringOf */.Je)(node);
        return name === undefined ? undefined : rename(name);
    };
    for (const source of files) {
        for (const patch of inlinePatchesOf(source))
            out.patches.push({ ...patch, name: patch.name === undefined ? undefined : rename(patch.name) });
        if (source.file === root.file) {
            out.kustomization = source;
            continue;
        }
        if (patchFiles.has(source.file)) {
            for (const doc of source.docs) {
                const node = doc.contents;
                if (!node)
                    continue;
                const jsonPatch = (0,dist/* isSeq */.oP)(node);
                out.patches.push({
                    source,
                    node,
                    jsonPatch,
                    kind: jsonPatch ? undefined : (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(node, "kind")),
                    name: jsonPatch ? undefined : nameOf((0,yaml_nav/* valueOf */.RP)(node, "metadata", "name")),
                });
            }
            continue;
        }
        for (const object of (0,yaml_nav/* objectsOf */.iZ)(source))
            if (object.kind)
                out.resources.push({ source, object, name: nameOf((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name")) });
    }
    return out;
}
/** kustomize keeps the source name inside the rendered one (prefix, suffix, hash): the longest match wins. */
function sameObject(rendered, kind, name) {
    const renderedName = rendered.metadata?.name;
    return kind === rendered.kind && !!name && typeof renderedName === "string" && renderedName.includes(name);
}
/**
 * Rendered objects of a root checked as the cluster receives them; each finding points at the
 * patch that set the field, else the resource file that defines the object, else the root's
 * kustomization (objects kustomize generated).
 */
function renderedSchemaFindings(objects, sourcesOf, options) {
    const findings = [];
    let unresolved = 0;
    // The sources are read with positions only when a finding has to point into them.
    let known;
    const root = () => (known ??= sourcesOf());
    for (const object of objects) {
        const verdict = judge(object, options);
        if (verdict?.type === "checked")
            unresolved += verdict.unresolved;
        if (!verdict || quiet(verdict))
            continue;
        const sources = root();
        const resource = sources.resources
            .filter((r) => sameObject(object, r.object.kind, r.name))
            .sort((a, b) => (b.name?.length ?? 0) - (a.name?.length ?? 0))[0];
        if (!resource) {
            findings.push(...generatedObjectFindings(object, verdict, sources, options));
            continue;
        }
        // a JSON patch with a target (inline ones have theirs beside them) applies to that object alone
        const patches = sources.patches.filter((p) => p.jsonPatch && p.kind === undefined ? true : sameObject(object, p.kind, p.name));
        const place = (violation) => {
            for (const patch of patches) {
                const located = patch.jsonPatch
                    ? locateInJsonPatch(patch.node, violation.path)
                    : (0,yaml_nav/* locate */.x5)(patch.node, violation.path, object);
                if (located?.complete)
                    return { source: patch.source, located };
            }
            return { source: resource.source, located: (0,yaml_nav/* locate */.x5)(resource.object.map, violation.path, object) };
        };
        findings.push(...verdictFindings(verdict, object, resource.source, resource.object.map, place, options));
    }
    const kustomization = unresolved > 0 ? root().kustomization : undefined;
    if (kustomization)
        findings.push({
            rule: "schema",
            severity: "info",
            file: kustomization.file,
            line: 1,
            column: 1,
            message: `${root().root.dir}: ${unresolved} field(s) still hold a post-build variable (\${VAR}) after substitution and were not checked`,
            hint: "the deployer substitutes them from values the repo does not hold (substituteFrom of a cluster object); nothing to fix if that is intended",
        });
    return findings;
}
function generatedObjectFindings(object, verdict, sources, options) {
    const kustomization = sources.kustomization;
    if (!kustomization)
        return [];
    const top = kustomization.docs[0]?.contents;
    return verdictFindings(verdict, object, kustomization, top, () => ({ source: kustomization, located: { node: top, complete: false } }), options).map((f) => ({ ...f, message: `rendered by ${sources.root.dir}: ${f.message}` }));
}
/** The value of the JSON Patch operation whose path leads to the field, followed to the field. */
function locateInJsonPatch(ops, path) {
    if (!(0,dist/* isSeq */.oP)(ops))
        return undefined;
    for (const op of ops.items) {
        const opPath = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(op, "path"));
        const value = (0,yaml_nav/* valueOf */.RP)(op, "value");
        if (!opPath || !value)
            continue;
        const segments = opPath
            .split("/")
            .slice(1)
            .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
        if (segments.length > path.length || segments.some((s, i) => s !== String(path[i])))
            continue;
        const located = (0,yaml_nav/* locate */.x5)(value, path.slice(segments.length));
        if (located.complete)
            return located;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/gate/rules/sealed-secret-scope.ts



const NAMESPACE_WIDE = "sealedsecrets.bitnami.com/namespace-wide";
const CLUSTER_WIDE = "sealedsecrets.bitnami.com/cluster-wide";
/**
 * A strict-scoped SealedSecret decrypts only under the name and namespace it was sealed for
 * (namespace-wide: only the namespace). When kustomize's namespace, namePrefix or nameSuffix
 * changes that identity in the rendered output, the controller will never decrypt it.
 * Source and rendered copies are matched by their ciphertext, which kustomize never changes.
 */
const sealedSecretScope = ({ objects, inputs }) => {
    const findings = [];
    const rendered = new Map();
    for (const object of objects) {
        if (object.kind !== "SealedSecret")
            continue;
        const first = firstCiphertext(object);
        if (first)
            rendered.set(first, object);
    }
    if (rendered.size === 0)
        return findings;
    const moved = (source) => (0,yaml_nav/* plainObjectsOf */.kL)(source).some((o) => o.kind === "SealedSecret" && movedPlain(o.value, rendered));
    for (const source of inputs.filter(moved)) {
        for (const object of (0,yaml_nav/* objectsOf */.iZ)(source, "SealedSecret")) {
            if (object.kind !== "SealedSecret")
                continue;
            const encrypted = (0,yaml_nav/* valueOf */.RP)(object.map, "spec", "encryptedData");
            const firstPair = (0,dist/* isMap */.jh)(encrypted) ? encrypted.items[0] : undefined;
            const first = (0,dist/* isScalar */.jn)(firstPair?.value) ? String(firstPair.value.value) : undefined;
            const after = first ? rendered.get(first) : undefined;
            if (!after)
                continue;
            const annotations = after.metadata?.annotations ?? {};
            if (annotations[CLUSTER_WIDE] === "true")
                continue;
            const name = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name"));
            const namespace = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "namespace"));
            const renamed = annotations[NAMESPACE_WIDE] !== "true" && name !== after.metadata?.name;
            const moved = namespace !== undefined && namespace !== after.metadata?.namespace;
            if (!renamed && !moved)
                continue;
            // at what changed: the name, else the namespace
            const node = (0,yaml_nav/* valueOf */.RP)(object.map, "metadata", renamed ? "name" : "namespace");
            findings.push({
                rule: "sealed-secret-scope",
                severity: "error",
                file: source.file,
                ...(0,source_files/* positionOf */.df)(source, node ?? object.map),
                message: `SealedSecret ${namespace ?? ""}/${name ?? ""} renders as ${after.metadata?.namespace ?? ""}/${after.metadata?.name ?? ""}: sealed for the first, it will never decrypt as the second`,
                hint: `re-seal it for the rendered name and namespace (kubeseal --name/--namespace), or seal it with --scope namespace-wide or cluster-wide`,
            });
        }
    }
    return findings;
};
/**
 * The same test on the plain values, so that only a file with something to report is read with
 * positions. A key JavaScript orders before the others (an integer) may not be the first written:
 * such a file is always read with positions.
 */
function movedPlain(object, rendered) {
    const spec = (0,yaml_nav/* isRecord */.u4)(object.spec) ? object.spec : {};
    const encrypted = spec.encryptedData;
    if (!(0,yaml_nav/* isRecord */.u4)(encrypted))
        return false;
    const keys = Object.keys(encrypted);
    if (keys.some((k) => /^\d+$/.test(k)))
        return true;
    const first = keys[0] === undefined ? undefined : String(encrypted[keys[0]]);
    const after = first ? rendered.get(first) : undefined;
    if (!after)
        return false;
    const annotations = after.metadata?.annotations ?? {};
    if (annotations[CLUSTER_WIDE] === "true")
        return false;
    const metadata = (0,yaml_nav/* isRecord */.u4)(object.metadata) ? object.metadata : {};
    const name = typeof metadata.name === "string" ? metadata.name : undefined;
    const namespace = typeof metadata.namespace === "string" ? metadata.namespace : undefined;
    const renamed = annotations[NAMESPACE_WIDE] !== "true" && name !== after.metadata?.name;
    return renamed || (namespace !== undefined && namespace !== after.metadata?.namespace);
}
function firstCiphertext(object) {
    const encrypted = object.spec?.encryptedData;
    const first = encrypted && Object.values(encrypted)[0];
    return typeof first === "string" ? first : undefined;
}

;// CONCATENATED MODULE: ./src/gate/schema/user-schemas.ts






function filesUnder(dir) {
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name))
        .map((e) => external_node_path_default().join(e.parentPath, e.name))
        .sort();
}
/**
 * A user's schema directory, in either of the layouts kubeconform users already have:
 * CustomResourceDefinition manifests (YAML or JSON, any file name), or JSON Schema files laid out
 * as the CRDs-catalog does, `<group>/<kind>_<version>.json` (kind in lower case, so lookups of
 * these are case-insensitive on kind).
 */
function loadSchemaDir(dir) {
    const out = new Map();
    let files;
    try {
        files = filesUnder(dir);
    }
    catch (error) {
        throw new src_errors/* PathError */.ER(`--schema-dir ${dir}: ${error.message}`);
    }
    for (const file of files) {
        const rel = external_node_path_default().relative(dir, file).split((external_node_path_default()).sep).join("/");
        const text = (0,external_node_fs_.readFileSync)(file, "utf8");
        const docs = (0,dist/* parseAllDocuments */.hR)(text, { prettyErrors: true });
        const values = (Array.isArray(docs) ? docs : []).map((d) => {
            const error = d.errors[0];
            if (error) {
                const [line, column] = [error.linePos?.[0].line ?? 1, error.linePos?.[0].col ?? 1];
                throw new src_errors/* InputFileError */.TH({ file: external_node_path_default().join(dir, rel), line, column }, error.message.split("\n")[0] ?? "");
            }
            return d.toJS();
        });
        const crds = values.filter((v) => v?.kind === "CustomResourceDefinition");
        for (const crd of crds)
            for (const [key, schema] of schemasOfCrd(crd, `CRD in ${rel}`))
                out.set(key, schema);
        const catalogName = /^(?<group>[^/]+)\/(?<kind>[^/_]+)_(?<version>[^/_]+)\.json$/.exec(rel)?.groups;
        if (!crds.length && catalogName && values[0]) {
            const { group, kind, version } = catalogName;
            out.set(typeKey(`${group}/${version}`, kind.toLowerCase()), openApiSchema(values[0], `schema ${rel}`));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/gate/schema/catalog.ts





/** The API group of an apiVersion: "" for the core `v1`; other slash-less values name no group. */
const groupOf = (apiVersion) => apiVersion.includes("/") ? apiVersion.split("/")[0] : apiVersion === "v1" ? "" : `(${apiVersion})`;
async function createSchemaCatalog(options) {
    const kubernetesKinds = builtin_schemas_kubernetesKinds();
    const builtin = new Map();
    const kubernetesGroups = new Set([...kubernetesKinds.values()].flat().map(groupOf));
    const repo = new Map();
    for (const { file, crd } of options.repoCrds)
        for (const [key, schema] of schemasOfCrd(crd, `CRD in ${file}`))
            repo.set(key, schema);
    const user = options.schemaDir ? loadSchemaDir(options.schemaDir) : new Map();
    const own = (apiVersion, kind) => {
        const key = typeKey(apiVersion, kind);
        return user.get(key) ?? user.get(typeKey(apiVersion, kind.toLowerCase())) ?? repo.get(key);
    };
    return {
        async prepare(objects) {
            const wanted = new Set();
            for (const { apiVersion, kind } of objects) {
                if (typeof apiVersion !== "string" || typeof kind !== "string" || own(apiVersion, kind))
                    continue;
                const key = typeKey(apiVersion, kind);
                if (!builtin.has(key) && isBuiltinType(key))
                    wanted.add(key);
            }
            await Promise.all([...wanted].map(async (key) => builtin.set(key, await loadBuiltinSchema(key))));
        },
        lookup(apiVersion, kind) {
            const found = own(apiVersion, kind);
            if (found)
                return found;
            const key = typeKey(apiVersion, kind);
            if (isBuiltinType(key) && !builtin.has(key))
                throw new src_errors/* InternalError */.Gd(`the schema of ${key} was looked up before it was loaded`);
            return builtin.get(key);
        },
        rejectedKind(apiVersion, kind) {
            const group = groupOf(apiVersion);
            if (!kubernetesGroups.has(group))
                return undefined;
            const served = kubernetesKinds.get(kind) ?? [];
            if (served.some((v) => groupOf(v) === group))
                return undefined;
            return served.length
                ? `Kubernetes serves ${kind} as ${served.join(", ")}, not ${apiVersion}`
                : `Kubernetes has no kind ${kind} in ${apiVersion}`;
        },
    };
}

;// CONCATENATED MODULE: ./src/gate/deployers/overlay.ts




/**
 * The kustomization a deployer builds: the one at the build's directory with the deployer's
 * components, namespace, prefixes, images and patches written in, as kustomize-controller writes
 * them. It is built from another directory (`from`), so every path it names is rewritten
 * relative to that one (kustomize refuses absolute directories).
 */
function overlayKustomization(kustomization, build, checkout, from) {
    const doc = (0,dist/* parseDocument */.Tp)(kustomization.text);
    const copy = (0,source_files/* sourceOf */.vz)(kustomization.file, kustomization.text, [doc], new dist/* LineCounter */.HN());
    const dir = external_node_path_default().posix.dirname(kustomization.file);
    for (const reference of referencesOf(copy, new Map())) {
        const node = reference.node;
        if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== "string" || looksRemote(reference.value))
            continue;
        const moved = external_node_path_default().relative(from, external_node_path_default().resolve(checkout, dir, reference.value));
        // generator files keep their `key=` prefix
        node.value = node.value.endsWith(reference.value)
            ? `${node.value.slice(0, node.value.length - reference.value.length)}${moved}`
            : node.value;
    }
    const append = (key, items) => {
        if (items.length === 0)
            return;
        const existing = doc.get(key);
        const list = (0,dist/* isSeq */.oP)(existing) ? existing : new dist/* YAMLSeq */.Rw();
        for (const item of items)
            list.add(doc.createNode(item));
        doc.set(key, list);
    };
    append("components", build.components.map((c) => external_node_path_default().relative(from, external_node_path_default().resolve(checkout, c))));
    append("images", build.images);
    append("patches", build.patches);
    if (build.namespace)
        doc.set("namespace", build.namespace);
    if (build.namePrefix)
        doc.set("namePrefix", build.namePrefix);
    if (build.nameSuffix)
        doc.set("nameSuffix", build.nameSuffix);
    for (const key of ["commonLabels", "commonAnnotations"]) {
        const extra = build[key];
        if (!extra)
            continue;
        const existing = doc.get(key);
        doc.set(key, doc.createNode({ ...((0,dist/* isMap */.jh)(existing) ? existing.toJSON() : {}), ...extra }));
    }
    return doc.toString();
}

;// CONCATENATED MODULE: ./src/gate/repo-boundary.ts


function repoBoundaryOf(dir) {
    const checkout = (0,external_node_fs_.realpathSync)(dir);
    let at = checkout;
    for (;;) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(at, ".git")))
            return { root: at, checkout };
        const parent = external_node_path_default().dirname(at);
        if (parent === at)
            return { root: checkout, checkout };
        at = parent;
    }
}
/** Whether an absolute path stays in the repository (and out of its .git). */
function insideRepo(boundary, absolute) {
    const relative = external_node_path_default().relative(boundary.root, absolute);
    if (relative === "")
        return true;
    if (relative.startsWith("..") || external_node_path_default().isAbsolute(relative))
        return false;
    return relative.split((external_node_path_default()).sep)[0] !== ".git";
}
/**
 * Paths already resolved, per boundary: overlays share their bases, so one run asks about the same
 * paths once per root that reads them, and each answer costs a system call per path component.
 * The checkout does not change during a run.
 */
const resolved = new WeakMap();
/** Where a path leads once symlinks are followed; a missing path is judged by its text alone. */
function resolveInRepo(boundary, absolute) {
    let known = resolved.get(boundary);
    if (!known)
        resolved.set(boundary, (known = new Map()));
    let resolution = known.get(absolute);
    if (!resolution)
        known.set(absolute, (resolution = resolve(boundary, absolute)));
    return resolution;
}
function resolve(boundary, absolute) {
    if (!insideRepo(boundary, absolute))
        return { place: "outside", through: "path" };
    if (!exists(absolute))
        return { place: "missing" };
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(absolute);
    }
    catch {
        // a dangling or looping symlink: kustomize cannot read it either, but it does not stay inside
        return { place: "outside", through: "symlink" };
    }
    return insideRepo(boundary, real) ? { place: "inside" } : { place: "outside", through: "symlink" };
}
function exists(absolute) {
    try {
        (0,external_node_fs_.lstatSync)(absolute);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/gate/rules/reference-boundary.ts





/**
 * The references of a root that kustomize must not follow: paths that leave the repository
 * (absolute, `../` above its root, through a symlink, into .git) and, unless remote loading is
 * allowed, anything it would fetch over the network. A root with any of these is not rendered.
 */
function referenceFindings(references, boundary, allowRemote) {
    const findings = [];
    for (const reference of references) {
        const finding = reference_boundary_judge(reference, boundary, allowRemote);
        if (finding)
            findings.push(finding);
    }
    return findings;
}
function reference_boundary_judge(reference, boundary, allowRemote) {
    const at = { file: reference.source.file, ...(0,source_files/* positionOf */.df)(reference.source, reference.node) };
    const absolute = external_node_path_default().resolve(boundary.checkout, reference.baseDir, reference.value);
    const resolution = resolveInRepo(boundary, absolute);
    if (resolution.place === "missing" && looksRemote(reference.value)) {
        if (allowRemote)
            return undefined;
        return {
            rule: "remote-resource",
            severity: "error",
            ...at,
            message: `${reference.field} entry "${reference.value}" is fetched from the network; the root is not rendered`,
            hint: "vendor it into the repository (the gate renders offline), or pass --allow-remote to let this repository's content make the runner fetch URLs",
        };
    }
    const outside = resolution.place === "outside"
        ? resolution.through
        : reference.kind === "build" && resolution.place === "inside"
            ? kustomizationOutside(boundary, absolute)
            : undefined;
    if (!outside)
        return undefined;
    return {
        rule: "path-outside-repo",
        severity: "error",
        ...at,
        message: `${reference.field} entry "${reference.value}" ${outside === "symlink" ? "is a symlink that leads" : "points"} outside the repository; the root is not rendered`,
        hint: "a kustomization may read only files of its own repository (not .git, not the runner's disk); copy what it needs into the repo",
    };
}
/** A referenced directory whose kustomization file is a symlink out of the repository. */
function kustomizationOutside(boundary, dir) {
    for (const name of kustomization_file/* KUSTOMIZATION_FILE_NAMES */.YU) {
        const resolution = resolveInRepo(boundary, external_node_path_default().join(dir, name));
        if (resolution.place === "outside")
            return "symlink";
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/commands/validate/render-job.ts





/**
 * Why a root is not rendered: a reference that leaves the repository or reaches the network, a
 * Helm chart it would inflate, or an input that did not parse (rendering would meet the same bomb).
 */
function renderRefusal(job, found, boundary, allowRemote) {
    const references = referenceFindings(job.inputs.references, boundary, allowRemote);
    const charts = [...job.inputs.dirs].flatMap((dir) => {
        const kustomization = kustomizationIn(dir, found.sourcesByFile);
        return kustomization ? helmChartEntries(kustomization) : [];
    });
    const findings = [...references, ...charts];
    return { refused: findings.length > 0 || readsUnreadable(job.inputs, found.unreadable), findings };
}
/** Renders a root as its deployer builds it: plainly, or through the overlay of the deployer's options. */
function renderJob(renderer, checkout, job, sources) {
    if (!job.build)
        return renderer.render(checkout, job.root.dir);
    const kustomization = sources.get(job.root.file);
    const build = job.build;
    return renderer.renderOverlay(checkout, (dir) => overlayKustomization(kustomization, build, checkout, dir), job.root.dir);
}
function readsUnreadable(inputs, unreadable) {
    for (const file of unreadable) {
        if (inputs.files.has(file))
            return true;
        if (isKustomizationFile(file) && inputs.files.has(external_node_path_default().posix.dirname(file)))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/commands/validate/render-and-check.ts















const RENDERED_RULES = [sealedSecretScope, imageEntryUnused, plaintextSecretRendered];
/**
 * The third phase of validate: each root in scope that stays inside the repository rendered with
 * the real kustomize (as its deployer builds it), its objects checked by the rendered rules and
 * the schemas; then every source file no rendered root covered checked against the schemas.
 */
async function renderAndCheck(scope, found, options) {
    const { boundary, settings, inScope, loaded } = scope;
    const { sources, sourcesByFile, patchFiles, used } = found;
    const findings = [];
    const progress = options.progress ?? NO_PROGRESS;
    const schema = {
        catalog: await createSchemaCatalog({
            schemaDir: options.schemaDir && external_node_path_default().resolve(options.dir, options.schemaDir),
            repoCrds: repoCrds(sources),
        }),
        strict: settings.strict,
        kubernetesMinor: scope.kubernetesMinor,
        placeholders: loaded.policy.placeholders,
    };
    const renderer = options.plan
        ? undefined
        : await createRenderer(options.renderer ?? "auto", {
            limits: options.limits?.render,
            allowRemote: settings.allowRemote,
        });
    let rendered = 0;
    let renderFailures = 0;
    let resources = 0;
    /** Files whose objects were checked as part of a rendered root (another shard's included). */
    const covered = new Set(found.otherShards?.files);
    let renderMs = 0;
    let renderCache;
    // Nothing a root names may lead kustomize out of the repository or onto the network.
    const renderable = found.jobs.filter((job) => {
        const refusal = renderRefusal(job, found, boundary, settings.allowRemote);
        findings.push(...refusal.findings);
        return !refusal.refused;
    });
    if (renderer) {
        const renderStart = performance.now();
        progress.begin("rendering", renderable.length);
        const cache = options.cacheDir ? await openRenderCache(options.cacheDir, boundary.checkout) : undefined;
        const results = await mapConcurrent(renderable, async (job) => {
            const render = () => renderJob(renderer, boundary.checkout, job, sourcesByFile);
            const key = cache && (await cacheKey(cache, renderer, job, settings.allowRemote));
            const result = cache && key ? await cache.through(key, render) : await render();
            progress.tick();
            return result;
        });
        if (cache) {
            await cache.prune();
            renderCache = { hits: cache.hits, misses: cache.misses };
        }
        renderMs = performance.now() - renderStart;
        progress.begin("checking", results.length);
        for (const [i, result] of results.entries()) {
            progress.tick();
            const { root, inputs: rootInputs, build } = renderable[i];
            if (!result.ok) {
                renderFailures++;
                // a kustomization kustomize rejects (`newTag: 1.10`) is already a schema finding at its line
                const explained = [...rootInputs.dirs].some((dir) => {
                    const kustomization = kustomizationIn(dir, sourcesByFile);
                    return kustomization && kustomizationSchemaFindings(kustomization).length > 0;
                });
                if (!explained || result.limit)
                    findings.push(renderFailure(root, build ? `${root.dir} (as ${build.by} builds it)` : root.dir, result, rootInputs.references));
                continue;
            }
            rendered++;
            const output = build?.substitute ? substituteVariables(result.output, build.substitute) : result.output;
            const objects = (0,plain_yaml/* loadAllPlain */.qY)(output);
            resources += objects.length;
            await schema.catalog.prepare(objects);
            // its kustomizations first (the root's own leads), then the files they name
            const rootFiles = [
                ...new Set([
                    ...[...rootInputs.dirs].flatMap((dir) => kustomizationIn(dir, sourcesByFile) ?? []),
                    ...[...rootInputs.files].flatMap((f) => sourcesByFile.get(f) ?? []),
                ]),
            ];
            const fromRoot = (list) => findings.push(...list.map((f) => ({ ...f, renderedBy: root.dir })));
            for (const rule of RENDERED_RULES)
                fromRoot(rule({
                    root,
                    objects,
                    sources: sourcesByFile,
                    inputs: rootFiles,
                    placeholders: loaded.policy.placeholders,
                    build,
                }));
            const substitute = build?.substitute;
            const rename = substitute && ((name) => substituteVariables(name, substitute));
            fromRoot(renderedSchemaFindings(objects, () => rootSources(root, rootFiles, patchFiles, rename), schema));
            for (const f of rootFiles)
                covered.add(f.file);
        }
        progress.end();
    }
    // A plain directory renders to its own files, which the source checks below read.
    for (const plain of found.plainRoots) {
        rendered++;
        resources += plain.files
            .flatMap((f) => (0,yaml_nav/* plainObjectsOf */.kL)(sourcesByFile.get(f)))
            .filter((o) => o.kind).length;
    }
    // A file beside a kustomization that no kustomization names is never deployed: not an object to check.
    const kustomizationDirs = new Set(sources.filter((s) => isKustomizationFile(s.file)).map((s) => external_node_path_default().posix.dirname(s.file)));
    const unused = (file) => kustomizationDirs.has(external_node_path_default().posix.dirname(file)) && !used.has(file);
    const checkedAlone = (source) => inScope(source.file) &&
        !patchFiles.has(source.file) &&
        !isKustomizationFile(source.file) &&
        !covered.has(source.file) &&
        !(renderer && unused(source.file));
    await schema.catalog.prepare(sources.filter(checkedAlone).flatMap(yaml_nav/* plainObjectsOf */.kL));
    for (const source of sources) {
        if (isKustomizationFile(source.file) && inScope(source.file) && !patchFiles.has(source.file))
            findings.push(...kustomizationSchemaFindings(source));
        else if (checkedAlone(source))
            findings.push(...sourceSchemaFindings(source, schema));
    }
    return { findings, rendered, renderFailures, resources, renderMs, ...(renderCache && { renderCache }) };
}
/** A root with a remote input (only with --allow-remote) renders what the network says: never cached. */
async function cacheKey(cache, renderer, job, allowRemote) {
    if (allowRemote && job.inputs.references.some((r) => looksRemote(r.value)))
        return undefined;
    return cache.key({
        renderer: await renderer.identity(),
        root: job.root.dir,
        build: job.build,
        limits: renderer.sandbox.limits,
        inputs: [...job.inputs.dirs, ...job.inputs.files],
    });
}
function renderFailure(root, dir, result, references) {
    const file = root.file;
    if (result.limit)
        return {
            rule: "render-limit",
            severity: "error",
            file,
            line: 1,
            column: 1,
            message: `${dir}: ${result.error}`,
            hint: "a root this large is not reviewable; split it, or look for a YAML bomb or a generator that loops",
        };
    // at the entry kustomize names ('deployment.yaml', "../base"), when it names one
    const named = references.find((r) => new RegExp(`['"\`]${escapeRegExp(r.value)}['"\`]`).test(result.error));
    return {
        rule: "render-failed",
        severity: "error",
        ...(named ? { file: named.source.file, ...(0,source_files/* positionOf */.df)(named.source, named.node) } : { file, line: 1, column: 1 }),
        message: `kustomize cannot build ${dir}: ${result.error}`,
        hint: "run kustomize build on it locally; the deployer renders this root the same way and would fail too",
    };
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function repoCrds(sources) {
    return sources.flatMap((source) => (0,yaml_nav/* objectsOf */.iZ)(source, "CustomResourceDefinition").map((o) => ({
        file: source.file,
        crd: o.map.toJS(o.doc, { maxAliasCount: 100 }),
    })));
}

;// CONCATENATED MODULE: ./src/gate/finding.ts
const RANK = { error: 0, warning: 1, info: 2 };
/** Whether a finding is at or above the --fail-on threshold. */
function fails(severity, failOn) {
    return RANK[severity] <= RANK[failOn];
}
/** The public rule ids; each is documented with a failing and a passing example. */
const RULE_IDS = [
    "yaml-syntax",
    "duplicate-key",
    "render-failed",
    "schema",
    "unknown-kind",
    "plaintext-secret",
    "secret-generator",
    "sealed-secret-malformed",
    "sealed-secret-scope",
    "image-entry-unused",
    "sops-unencrypted-value",
    "cluster-credential",
    "path-outside-repo",
    "remote-resource",
    "kustomization-cycle",
    "render-limit",
    "parse-limit",
    "not-rendered",
    "secret-placeholder",
    "gate-config",
];
function bySeverityThenPlace(a, b) {
    return (RANK[a.severity] - RANK[b.severity] ||
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        a.rule.localeCompare(b.rule));
}

;// CONCATENATED MODULE: ./src/gate/policy/globs.ts
/**
 * A path glob as .gitignore-style tools write them, relative to the checkout: `*` within a path
 * segment, `**` across segments, `?` one character; a pattern ending in `/` is everything under it.
 */
function globMatcher(pattern) {
    const source = pattern.replace(/^\.\//, "").replace(/\/$/, "/**");
    let regex = "";
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === "*" && source[i + 1] === "*") {
            const slash = source[i + 2] === "/";
            regex += slash ? "(?:.*/)?" : ".*";
            i += slash ? 2 : 1;
        }
        else if (c === "*")
            regex += "[^/]*";
        else if (c === "?")
            regex += "[^/]";
        else
            regex += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
    const compiled = new RegExp(`^${regex}$`);
    return (file) => compiled.test(file);
}

;// CONCATENATED MODULE: ./src/gate/policy/repo-policy.ts




/** The repository's own gate policy file, at the top of --dir. */
const POLICY_FILE = ".gitops-ci.yaml";
const EMPTY_POLICY = { exclude: [], severity: {}, overrides: [], placeholders: [] };
const LEVELS = ["error", "warning", "info", "off"];
const KEYS = [
    "exclude",
    "severity",
    "overrides",
    "placeholders",
    "kubernetes-version",
    "strict",
    "sealed-secrets-cert",
    "allow-remote",
];
/**
 * Reads the policy, checking its own schema: every bad key or value is a gate-config error at
 * its line, and the rest of the file still applies.
 */
function parsePolicy(text, file = POLICY_FILE) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, logLevel: "error" });
    const source = (0,source_files/* sourceOf */.vz)(file, text, [doc], lines);
    const findings = [];
    const bad = (node, message) => findings.push({
        rule: "gate-config",
        severity: "error",
        file,
        ...(0,source_files/* positionOf */.df)(source, node),
        message,
        hint: `see the README's ${POLICY_FILE} reference`,
    });
    const policy = { exclude: [], severity: {}, overrides: [], placeholders: [] };
    for (const error of doc.errors)
        bad(undefined, `not YAML: ${error.message.split("\n")[0]}`);
    if (doc.errors.length)
        return { policy, findings };
    if (doc.contents === null)
        return { policy, findings };
    if (!(0,dist/* isMap */.jh)(doc.contents)) {
        bad(doc.contents, `${file} must be a mapping`);
        return { policy, findings };
    }
    const strings = (pair, what) => {
        if (!(0,dist/* isSeq */.oP)(pair.value) || !pair.value.items.every((i) => (0,dist/* isScalar */.jn)(i) && typeof i.value === "string")) {
            bad(pair.value ?? pair.key, `${what} must be a list of strings`);
            return [];
        }
        return pair.value.items.map((i) => String(i.value));
    };
    const levels = (node, what) => {
        const out = {};
        if (!(0,dist/* isMap */.jh)(node)) {
            bad(node, `${what} must map rule ids to ${LEVELS.join("|")}`);
            return out;
        }
        for (const pair of node.items) {
            const rule = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "";
            const level = (0,dist/* isScalar */.jn)(pair.value) ? String(pair.value.value) : "";
            if (!RULE_IDS.includes(rule))
                bad(pair.key, `${what}: no rule "${rule}"`);
            else if (!LEVELS.includes(level))
                bad(pair.value, `${what}.${rule}: "${level}" is not ${LEVELS.join("|")}`);
            else
                out[rule] = level;
        }
        return out;
    };
    for (const pair of doc.contents.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "";
        const value = (0,dist/* isScalar */.jn)(pair.value) ? pair.value.value : undefined;
        switch (key) {
            case "exclude":
                policy.exclude = strings(pair, "exclude");
                break;
            case "severity":
                policy.severity = levels(pair.value, "severity");
                break;
            case "overrides":
                if (!(0,dist/* isSeq */.oP)(pair.value))
                    bad(pair.value ?? pair.key, "overrides must be a list of {paths, severity}");
                else
                    for (const entry of pair.value.items) {
                        const paths = (0,dist/* isMap */.jh)(entry)
                            ? entry.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === "paths")
                            : undefined;
                        const severity = (0,dist/* isMap */.jh)(entry) ? entry.get("severity", true) : undefined;
                        if (!paths)
                            bad(entry, "an override needs paths (a list of globs) and severity");
                        else
                            policy.overrides.push({
                                paths: strings(paths, "overrides[].paths"),
                                severity: levels(severity, "overrides[].severity"),
                            });
                    }
                break;
            case "placeholders":
                for (const [i, text] of strings(pair, "placeholders").entries()) {
                    const pattern = placeholderPattern(text);
                    if (pattern)
                        policy.placeholders.push(pattern);
                    else
                        bad((0,dist/* isSeq */.oP)(pair.value) ? pair.value.items[i] : pair.value, `placeholders: "${text}" is too broad: give at least ${MIN_LITERAL} characters besides *`);
                }
                break;
            case "kubernetes-version":
            case "sealed-secrets-cert":
                if (typeof value !== "string" || value === "")
                    bad(pair.value ?? pair.key, `${key} must be a string (quote versions: "1.33")`);
                else if (key === "kubernetes-version")
                    policy.kubernetesVersion = value;
                else
                    policy.sealedSecretsCert = value;
                break;
            case "strict":
            case "allow-remote":
                if (typeof value !== "boolean")
                    bad(pair.value ?? pair.key, `${key} must be true or false`);
                else if (key === "strict")
                    policy.strict = value;
                else
                    policy.allowRemote = value;
                break;
            default:
                bad(pair.key, `unknown key "${key}"; the keys are ${KEYS.join(", ")}`);
        }
    }
    return { policy, findings };
}
/** A placeholder pattern must say this much of the reference itself: `*` alone would mark every value. */
const MIN_LITERAL = 3;
/**
 * A placeholder pattern: the whole value, `*` standing for any run of non-space characters. Not a
 * regular expression: the file may come from the change under review, and a regular expression
 * from there could take the gate's time for ever (catastrophic backtracking).
 */
function placeholderPattern(text) {
    const literal = text.split("*");
    if (literal.join("").length < MIN_LITERAL)
        return undefined;
    return new RegExp(`^${literal.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("\\S*")}$`);
}
/** Whether a file is excluded from the gate. */
function excluder(policy) {
    const matchers = policy.exclude.map(globMatcher);
    return (file) => matchers.some((m) => m(file));
}
/**
 * The findings as the policy wants them: excluded files dropped, each rule at its level (the last
 * override whose paths match wins over `severity`), rules turned off dropped.
 */
function applyPolicy(findings, policy) {
    const excluded = excluder(policy);
    const overrides = policy.overrides.map((o) => ({ matches: o.paths.map(globMatcher), severity: o.severity }));
    const out = [];
    for (const finding of findings) {
        if (finding.rule !== "gate-config" && excluded(finding.file))
            continue;
        let level = policy.severity[finding.rule] ?? finding.severity;
        for (const o of overrides)
            if (o.matches.some((m) => m(finding.file)))
                level = o.severity[finding.rule] ?? level;
        if (finding.rule === "gate-config")
            level = finding.severity;
        if (level !== "off")
            out.push({ ...finding, severity: level });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/gate/policy/load-policy.ts




/**
 * With a base commit the policy is the base branch's `.gitops-ci.yaml`: the PR under review is
 * judged by the rules it is merged under, and a PR that changes them gets a warning saying so.
 * Without one it is the checkout's, except `allow-remote`, which only a trusted source may set.
 */
async function loadPolicy(dir, base) {
    const local = external_node_path_default().join(dir, POLICY_FILE);
    const checkoutText = (0,external_node_fs_.existsSync)(local) ? (0,external_node_fs_.readFileSync)(local, "utf8") : undefined;
    if (base) {
        const baseText = await fileAtCommit(dir, base, POLICY_FILE);
        const parsed = baseText === undefined ? { policy: EMPTY_POLICY, findings: [] } : parsePolicy(baseText);
        const findings = parsed.findings.map((f) => ({ ...f, message: `(the base branch's ${POLICY_FILE}) ${f.message}` }));
        if (checkoutText !== baseText)
            findings.push({
                rule: "gate-config",
                severity: "warning",
                file: POLICY_FILE,
                line: 1,
                column: 1,
                message: `this change ${checkoutText === undefined ? "removes" : baseText === undefined ? "adds" : "changes"} the gate's policy; it was checked under the base branch's, and the new one applies once merged`,
                hint: "review the policy change itself: it decides what the gate lets through",
            });
        return { policy: parsed.policy, from: baseText === undefined ? "none" : "base", findings };
    }
    if (checkoutText === undefined)
        return { policy: EMPTY_POLICY, from: "none", findings: [] };
    const parsed = parsePolicy(checkoutText);
    if (parsed.policy.allowRemote === undefined)
        return { policy: parsed.policy, from: "checkout", findings: parsed.findings };
    return {
        policy: { ...parsed.policy, allowRemote: undefined },
        from: "checkout",
        findings: [
            ...parsed.findings,
            {
                rule: "gate-config",
                severity: "warning",
                file: POLICY_FILE,
                line: 1,
                column: 1,
                message: "allow-remote is ignored in the checkout's policy: it would let the change under review turn on fetching",
                hint: "pass --allow-remote (or the allow-remote input) on trusted branches, or run with --base-ref so the base branch's policy applies",
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/commands/validate/scope.ts













/** The default sealed-secrets controller key is RSA 4096: 512-byte session keys. */
const DEFAULT_KEY_BYTES = 512;
/**
 * The scope of a run: the checkout and its repository's bounds, the policy (from the base commit
 * with --base-ref), the settings it yields, and the files to read, excluded ones left out.
 */
async function scopeOf(options) {
    if (!(0,external_node_fs_.existsSync)(options.dir) || !(0,external_node_fs_.statSync)(options.dir).isDirectory())
        throw new src_errors/* UsageError */.eb(`--dir ${options.dir}: no such directory`);
    registerEnvironmentSecrets();
    const boundary = repoBoundaryOf(options.dir);
    const parseLimits = { ...source_files/* DEFAULT_PARSE_LIMITS */.tN, ...options.limits?.parse };
    const base = options.baseRef ? await baseCommit(options.dir, options.baseRef) : undefined;
    const read = await loadPolicy(options.dir, base);
    const loaded = { ...read, policy: { ...read.policy, exclude: [...read.policy.exclude, ...(options.exclude ?? [])] } };
    const settings = effectiveSettings(options, loaded);
    const context = {
        sealedSecretsKeyBytes: settings.sealedSecretsCert
            ? keyBytesOf(options.dir, settings.sealedSecretsCert)
            : DEFAULT_KEY_BYTES,
        placeholders: loaded.policy.placeholders,
    };
    const kubernetesMinor = kubernetesMinorOf(settings.kubernetesVersion ?? SCHEMA_KUBERNETES_VERSION, SCHEMA_KUBERNETES_VERSION);
    const changed = base ? await changedFiles(options.dir, options.baseRef, base) : undefined;
    const policyExcluded = excluder(loaded.policy);
    const cacheDir = cacheDirInside(options.cacheDir, boundary.checkout);
    const excluded = (file) => policyExcluded(file) || (!!cacheDir && file.startsWith(`${cacheDir}/`));
    const listed = (0,source_files/* listRepoFiles */.c$)(options.dir);
    return {
        dir: options.dir,
        boundary,
        parseLimits,
        loaded,
        settings,
        context,
        kubernetesMinor,
        baseCommit: base,
        changed,
        inScope: (file) => !changed || changed.has(file),
        excluded,
        files: {
            manifests: listed.manifests.filter((f) => !excluded(f)),
            others: listed.others.filter((f) => !excluded(f)),
        },
    };
}
function effectiveSettings(options, loaded) {
    const policy = loaded.policy;
    return {
        policyFrom: loaded.from,
        kubernetesVersion: options.kubernetesVersion ?? policy.kubernetesVersion,
        strict: options.strict ?? policy.strict ?? false,
        sealedSecretsCert: options.sealedSecretsCert ?? policy.sealedSecretsCert,
        allowRemote: options.allowRemote || (policy.allowRemote ?? false),
        exclude: policy.exclude,
        severity: policy.severity,
        overrides: policy.overrides,
        placeholders: policy.placeholders.map((p) => p.source),
    };
}
function keyBytesOf(dir, certPath) {
    const full = external_node_path_default().resolve(dir, certPath);
    try {
        const key = new external_node_crypto_.X509Certificate((0,external_node_fs_.readFileSync)(full)).publicKey;
        const bits = key.asymmetricKeyDetails?.modulusLength;
        if (key.asymmetricKeyType !== "rsa" || !bits)
            throw new src_errors/* PathError */.ER("not an RSA certificate");
        return bits / 8;
    }
    catch (error) {
        throw new src_errors/* PathError */.ER(`--sealed-secrets-cert ${certPath}: ${error.message}; give the PEM certificate that kubeseal --fetch-cert prints`);
    }
}

;// CONCATENATED MODULE: ./src/gate/shards/partial-report.ts




/** Marks a partial report, and the version of its shape. */
const PARTIAL_FORMAT = "gitops-ci-validate-shard/1";
/** The default file name of a shard's report. */
const partialFileName = (shard) => `gitops-ci-validate-shard-${shard.index}-of-${shard.total}.json`;
function partialReportText(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}
const REPORT_NAME = /^gitops-ci-validate-shard-\d+-of-\d+\.json$/;
/** The report files among paths: files as given, and in directories every file named as shards name theirs. */
function shardReportFiles(paths) {
    return paths.flatMap((p) => {
        const info = (0,external_node_fs_.statSync)(p, { throwIfNoEntry: false });
        if (!info)
            throw new src_errors/* PathError */.ER(`--merge-reports ${p}: no such file or directory`);
        if (!info.isDirectory())
            return [p];
        return (0,external_node_fs_.readdirSync)(p)
            .filter((name) => REPORT_NAME.test(name))
            .sort()
            .map((name) => external_node_path_default().join(p, name));
    });
}
const SEVERITIES = ["error", "warning", "info"];
/**
 * Reads a shard's report. It comes from another job's artifact, so it is checked field by field
 * like any input: a wrong one is an error naming the file and the field, never a half-merged verdict.
 */
function readPartialReport(file) {
    let value;
    try {
        value = JSON.parse((0,external_node_fs_.readFileSync)(file, "utf8"));
    }
    catch (error) {
        throw new src_errors/* PathError */.ER(`${file}: not a shard report (${error.message})`);
    }
    const bad = (field, what) => {
        throw new src_errors/* PathError */.ER(`${file}: ${field} ${what}; give the files validate --shard wrote`);
    };
    const report = record(value) ?? bad("the report", "is not a JSON object");
    if (report.format !== PARTIAL_FORMAT)
        bad("format", `is not "${PARTIAL_FORMAT}"`);
    const shard = record(report.shard) ?? bad("shard", "is missing");
    if (!isCount(shard.index) || !isCount(shard.total) || shard.index < 1 || shard.index > shard.total)
        bad("shard", "is not { index, total } with 1 <= index <= total");
    if (report.failOn !== "error" && report.failOn !== "warning")
        bad("failOn", "is not error or warning");
    if (typeof report.repoPath !== "string")
        bad("repoPath", "is not a string");
    const summary = record(report.summary) ?? bad("summary", "is missing");
    for (const key of ["roots", "rendered", "skipped", "resources"])
        if (!isCount(summary[key]))
            bad(`summary.${key}`, "is not a count");
    if (typeof summary.checkedNothing !== "boolean")
        bad("summary.checkedNothing", "is not a boolean");
    if (!Array.isArray(report.findings))
        bad("findings", "is not a list");
    report.findings.forEach((f, i) => checkFinding(f, `findings[${i}]`, bad));
    if (!Array.isArray(report.roots))
        bad("roots", "is not a list");
    report.roots.forEach((r, i) => {
        const root = record(r);
        if (!root || typeof root.dir !== "string" || typeof root.how !== "string")
            bad(`roots[${i}]`, "is not { dir, how }");
    });
    return report;
}
function checkFinding(value, at, bad) {
    const f = record(value) ?? bad(at, "is not an object");
    if (!RULE_IDS.includes(f.rule))
        bad(`${at}.rule`, "is not a rule of this version");
    if (!SEVERITIES.includes(f.severity))
        bad(`${at}.severity`, "is not error, warning or info");
    for (const key of ["file", "message", "hint"])
        if (typeof f[key] !== "string")
            bad(`${at}.${key}`, "is not a string");
    for (const key of ["line", "column"])
        if (!isCount(f[key]) || f[key] < 1)
            bad(`${at}.${key}`, "is not a position");
    if (f.renderedBy !== undefined && typeof f.renderedBy !== "string")
        bad(`${at}.renderedBy`, "is not a string");
}
function record(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value)
        ? value
        : undefined;
}
function isCount(value) {
    return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

;// CONCATENATED MODULE: ./src/commands/validate/summarise.ts






function runStart() {
    return { at: performance.now(), cpu: process.cpuUsage() };
}
function cpuMsSince(start) {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
}
/**
 * The last phase of validate: every finding through the repository's policy (severities,
 * overrides), redacted, deduplicated and sorted, then counted into the verdict and the summary.
 */
function summarise(scope, found, checked, options, started) {
    const findings = [...scope.loaded.findings, ...found.findings, ...checked.findings];
    const policed = applyPolicy(findings, scope.loaded.policy).map(redacted);
    const failOn = options.failOn ?? "error";
    const rootCount = found.allJobs.length + found.allPlain.length;
    const manifests = found.sources.some((s) => (0,yaml_nav/* plainObjectsOf */.kL)(s).some((o) => o.kind && o.apiVersion));
    const counts = {
        roots: rootCount,
        rendered: checked.rendered,
        skipped: rootCount - checked.rendered - checked.renderFailures,
        resources: checked.resources,
        checkedNothing: rootCount + (found.otherShards?.roots ?? 0) === 0 && !manifests,
    };
    const roots = [
        ...found.allJobs.map((job) => ({
            dir: job.root.dir,
            how: job.build ? `kustomize, as ${job.build.by} (${job.build.file}) builds it` : "kustomize",
        })),
        ...found.allPlain.map((plain) => ({ dir: plain.dir, how: "plain manifests" })),
        ...found.charts.map((chart) => ({ dir: chart, how: "Helm chart: not rendered" })),
    ].sort((a, b) => a.dir.localeCompare(b.dir));
    const repoPath = external_node_path_default().relative(scope.boundary.root, scope.boundary.checkout).split((external_node_path_default()).sep).join("/");
    return {
        ...conclude(policed, counts, failOn),
        failOn,
        timings: { renderMs: checked.renderMs, totalMs: performance.now() - started.at, cpuMs: cpuMsSince(started.cpu) },
        ...(checked.renderCache && { renderCache: checked.renderCache }),
        read: found.read,
        repoPath,
        settings: scope.settings,
        roots,
        ...(options.shard && {
            partial: {
                format: PARTIAL_FORMAT,
                shard: options.shard,
                findings: policed,
                summary: counts,
                failOn,
                repoPath,
                roots,
            },
        }),
    };
}
/**
 * Findings that went through the policy into the verdict: one per place (across roots, and
 * across shards when merging), sorted, counted into the summary.
 */
function conclude(policed, counts, failOn) {
    const unique = dedupe(policed).sort(bySeverityThenPlace);
    const count = (severity) => unique.filter((f) => f.severity === severity).length;
    return {
        findings: unique,
        summary: { ...counts, errors: count("error"), warnings: count("warning"), info: count("info") },
        failed: unique.some((f) => fails(f.severity, failOn)),
    };
}
function redacted(finding) {
    return { ...finding, message: redact(finding.message), hint: redact(finding.hint) };
}
/**
 * A base shared by several overlays breaks the same way in each: one finding per place. Objects
 * rendered from one line under different names (a prefix per overlay, a name per Flux app) give
 * messages that differ in a word or two: one finding too, saying how many more it stands for.
 */
function dedupe(findings) {
    const groups = new Map();
    for (const f of findings) {
        const key = `${f.rule}\0${f.severity}\0${f.file}\0${f.line}\0${f.column}`;
        const words = f.message.split(" ");
        const group = groups.get(key) ?? [];
        let same = group.find((g) => g.finding.message === f.message || namesDiffer(g.words, words));
        if (same && same.finding.message !== f.message)
            same.count++;
        if (!same)
            group.push((same = { finding: f, words, count: 0, roots: new Set() }));
        if (f.renderedBy !== undefined)
            same.roots.add(f.renderedBy);
        groups.set(key, group);
    }
    return [...groups.values()].flat().map(({ finding, count, roots }) => {
        const { renderedBy: _, ...plain } = finding;
        if (roots.size > 1)
            return { ...plain, message: `${plain.message} (rendered by ${listed([...roots].sort())})` };
        return count ? { ...plain, message: `${plain.message} (and ${count} more rendered from this line)` } : plain;
    });
}
/** Up to three names, then how many more. */
function listed(names) {
    return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}
/** The same message about objects of other names: as many words, at most two of them different. */
function namesDiffer(a, b) {
    return a.length === b.length && a.filter((word, i) => word !== b[i]).length <= 2;
}

;// CONCATENATED MODULE: ./src/commands/validate.ts





/**
 * The merge gate over a checkout, in four phases (src/commands/validate/): the scope (policy,
 * settings, the files), discovery (every file parsed and checked at its own lines, the roots
 * found), rendering and checking (each root with the real kustomize, its objects against the
 * rules and schemas), and the summary (policy applied, findings deduplicated, the verdict).
 */
async function validate(options) {
    const started = runStart();
    const scope = await scopeOf(options);
    const everything = await discover(scope, { read: options.parse, threads: options.threads });
    const found = options.shard ? shareOf(everything, options.shard) : everything;
    const checked = await renderAndCheck(scope, found, options);
    return summarise(scope, found, checked, options, started);
}

;// CONCATENATED MODULE: ./src/commands/validate/merge-reports.ts


/**
 * Combines every shard's report into one verdict: findings deduplicated across shards as across
 * roots, counts summed. All n shards of one split must be there, each once: a missing shard
 * would pass what it never checked.
 */
function mergeReports(reports) {
    const first = reports[0];
    if (!first)
        throw new src_errors/* PathError */.ER("--merge-reports: no shard reports given");
    const { total } = first.report.shard;
    const byIndex = new Map();
    for (const { file, report } of reports) {
        if (report.shard.total !== total)
            throw new src_errors/* PathError */.ER(`${file}: shard of ${report.shard.total}, but ${first.file} is a shard of ${total}`);
        const seen = byIndex.get(report.shard.index);
        if (seen)
            throw new src_errors/* PathError */.ER(`${file}: shard ${report.shard.index}/${total} again (also ${seen})`);
        byIndex.set(report.shard.index, file);
        for (const field of ["failOn", "repoPath"])
            if (report[field] !== first.report[field])
                throw new src_errors/* PathError */.ER(`${file}: ${field} "${report[field]}" differs from ${first.file}'s "${first.report[field]}"`);
    }
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
    if (missing.length)
        throw new src_errors/* PathError */.ER(`--merge-reports: shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${total}`).join(", ")} missing; a verdict without them would pass roots nobody checked`);
    const sum = (key) => reports.reduce((n, { report }) => n + report.summary[key], 0);
    const counts = {
        roots: sum("roots"),
        rendered: sum("rendered"),
        skipped: sum("skipped"),
        resources: sum("resources"),
        checkedNothing: reports.every(({ report }) => report.summary.checkedNothing),
    };
    const { failOn, repoPath } = first.report;
    const roots = [
        ...new Map(reports.flatMap(({ report }) => report.roots).map((r) => [`${r.dir}\0${r.how}`, r])).values(),
    ];
    return {
        ...conclude(inRootOrder(reports.flatMap(({ report }) => report.findings)), counts, failOn),
        failOn,
        repoPath,
        roots: roots.sort((a, b) => a.dir.localeCompare(b.dir)),
    };
}
/**
 * One run meets its roots in order of their directory, and where findings merge the first one
 * met gives the message: the same order here, whichever shard checked which root.
 */
function inRootOrder(findings) {
    const unrendered = findings.filter((f) => f.renderedBy === undefined);
    const rendered = findings.filter((f) => f.renderedBy !== undefined);
    return [...unrendered, ...rendered.sort((a, b) => a.renderedBy.localeCompare(b.renderedBy))];
}

;// CONCATENATED MODULE: ./src/preview/commit-tree.ts







const commit_tree_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** What a base commit may hold before the preview stops: as much as validate reads of a repository. */
const MAX_TREE_BYTES = 256 * 1024 * 1024;
/**
 * The files of `commit` in the repository holding `dir`. Submodules are left out, and any path
 * git would refuse to check out (`..`, `.git`). Writing only what a render reads matters: creating
 * files is most of the cost of a whole tree (2 s for 5,000 files on this project's CI machine).
 */
async function commitFiles(dir, commit) {
    const prefix = (await git(dir, ["rev-parse", "--show-prefix"])).trim();
    const entries = new Map(parseTree(await git(dir, ["ls-tree", "-r", "-z", "--full-tree", commit]))
        .filter((e) => e.mode !== "160000" && safePath(e.path))
        .map((e) => [e.path, e]));
    const inRepo = (file) => external_node_path_default().posix.normalize(external_node_path_default().posix.join(prefix || ".", file));
    return {
        commit,
        has: (file) => entries.has(inRepo(file)),
        async read(files) {
            const wanted = files.flatMap((f) => entries.get(inRepo(f)) ?? []);
            const blobs = await readBlobs(dir, wanted);
            return new Map(files.flatMap((f) => {
                const entry = entries.get(inRepo(f));
                return entry ? [[f, blobs.get(entry.sha)]] : [];
            }));
        },
        async write(paths) {
            const under = [...new Set([...paths].map(inRepo))];
            const chosen = [...entries.values()].filter((e) => under.some((p) => p === "." || e.path === p || e.path.startsWith(`${p}/`)));
            const top = await (0,external_node_fs_promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), "gitops-ci-base-"));
            const remove = () => (0,external_node_fs_promises_.rm)(top, { recursive: true, force: true });
            try {
                writeTree(top, chosen, await readBlobs(dir, chosen));
            }
            catch (error) {
                await remove();
                throw error;
            }
            const checkout = external_node_path_default().join(top, prefix);
            (0,external_node_fs_.mkdirSync)(checkout, { recursive: true });
            return { checkout, remove };
        },
    };
}
/** Synchronous writes: thousands of small files, where one awaited call per file costs ten times more. */
function writeTree(top, blobs, contents) {
    (0,external_node_fs_.mkdirSync)(external_node_path_default().join(top, ".git"));
    const made = new Set();
    const parentOf = (target) => {
        const parent = external_node_path_default().dirname(target);
        if (!made.has(parent))
            (0,external_node_fs_.mkdirSync)(parent, { recursive: true });
        made.add(parent);
    };
    // files before symlinks: no file is ever written through a link the tree made
    for (const entry of blobs.filter((e) => e.mode !== "120000")) {
        const target = external_node_path_default().join(top, entry.path);
        parentOf(target);
        (0,external_node_fs_.writeFileSync)(target, contents.get(entry.sha), { mode: entry.mode === "100755" ? 0o755 : 0o644 });
    }
    for (const entry of blobs.filter((e) => e.mode === "120000")) {
        const target = external_node_path_default().join(top, entry.path);
        parentOf(target);
        (0,external_node_fs_.symlinkSync)(contents.get(entry.sha).toString("utf8"), target);
    }
}
async function git(dir, args) {
    try {
        const { stdout } = await commit_tree_run("git", ["-C", dir, ...args], { maxBuffer: 256 * 1024 * 1024 });
        return stdout;
    }
    catch (error) {
        const detail = String(error.stderr ?? error.message)
            .trim()
            .split("\n")[0];
        throw new src_errors/* UsageError */.eb(`git ${args[0]} in ${dir}: ${detail}`);
    }
}
function parseTree(listing) {
    return listing
        .split("\0")
        .filter(Boolean)
        .map((line) => {
        const tab = line.indexOf("\t");
        const [mode, , sha] = line.slice(0, tab).split(" ");
        return { mode: mode, sha: sha, path: line.slice(tab + 1) };
    });
}
/** A tree path git would check out: relative, no `..`, nothing in a `.git` directory. */
function safePath(file) {
    const parts = file.split("/");
    return (!external_node_path_default().isAbsolute(file) && parts.every((p) => p !== "" && p !== "." && p !== ".." && p.toLowerCase() !== ".git"));
}
/** Every blob's bytes in one `git cat-file --batch`, bounded by MAX_TREE_BYTES. */
function readBlobs(dir, entries) {
    const wanted = [...new Set(entries.map((e) => e.sha))];
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)("git", ["-C", dir, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"] });
        const chunks = [];
        let received = 0;
        let stderr = "";
        child.stderr.on("data", (chunk) => {
            stderr += chunk.toString("utf8");
        });
        child.stdout.on("data", (chunk) => {
            chunks.push(chunk);
            received += chunk.length;
            if (received > MAX_TREE_BYTES + wanted.length * 64) {
                child.kill();
                reject(new src_errors/* UsageError */.eb(`the base commit holds more than ${MAX_TREE_BYTES} bytes: too large to preview`));
            }
        });
        child.on("error", reject);
        child.on("close", (code) => {
            const blobs = splitBatch(Buffer.concat(chunks));
            if (blobs.size === wanted.length)
                resolve(blobs);
            else
                reject(new src_errors/* UsageError */.eb(`git cat-file in ${dir} gave ${blobs.size} of ${wanted.length} files (exit ${code}): ${stderr.trim()}`));
        });
        child.stdin.end(wanted.map((sha) => `${sha}\n`).join(""));
    });
}
/** `<sha> <type> <size>\n<bytes>\n`, repeated. */
function splitBatch(output) {
    const blobs = new Map();
    let at = 0;
    while (at < output.length) {
        const newline = output.indexOf(10, at);
        if (newline < 0)
            break;
        const [sha, type, size] = output.subarray(at, newline).toString("utf8").split(" ");
        if (type !== "blob")
            break;
        const end = newline + 1 + Number(size);
        blobs.set(sha, output.subarray(newline + 1, end));
        at = end + 1;
    }
    return blobs;
}

;// CONCATENATED MODULE: ./src/kustomize/yaml-source.ts


/**
 * Parses a file that must hold exactly one YAML document. Syntax errors, duplicate keys and
 * extra documents are reported at their file:line:column.
 */
function parseYamlSource(file, text) {
    const lines = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [];
    const first = list[0];
    const error = list.flatMap((d) => d.errors)[0];
    if (error) {
        const pos = lines.linePos(error.pos[0]);
        throw new InputFileError({ file, line: pos.line, column: pos.col }, `invalid YAML: ${yaml_source_firstLine(error.message)}`);
    }
    const second = list[1];
    if (second) {
        const pos = lines.linePos(second.range[0]);
        throw new InputFileError({ file, line: pos.line, column: pos.col }, "expected one YAML document, found more");
    }
    if (!first) {
        // A file of only comments or nothing is an empty stream; as one document it has no contents.
        return { file, text, doc: parseDocument(text), lines, eol: detectEol(text) };
    }
    return { file, text, doc: first, lines, eol: detectEol(text) };
}
function yaml_source_firstLine(message) {
    return message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
}
function detectEol(text) {
    return text.includes("\r\n") ? "\r\n" : "\n";
}
/** An InputFileError at a source offset. */
function errorAt(source, offset, problem) {
    const pos = source.lines.linePos(offset);
    return new InputFileError({ file: source.file, line: pos.line, column: pos.col }, problem);
}
/** Start of the line holding `offset`; a BOM before the first line is not part of it. */
function lineStart(text, offset) {
    const start = text.lastIndexOf("\n", offset - 1) + 1;
    return start === 0 && text.startsWith("\ufeff") && offset > 0 ? 1 : start;
}
function yaml_source_columnOf(text, offset) {
    return offset - lineStart(text, offset);
}
/** Applies non-overlapping splices; later ones first so earlier offsets stay valid. */
function yaml_source_applySplices(text, splices) {
    const ordered = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
    let out = text;
    for (const s of ordered)
        out = out.slice(0, s.start) + s.text + out.slice(s.end);
    return out;
}

;// CONCATENATED MODULE: ./src/kustomize/yaml-scalar.ts

const FLOW_INDICATORS = /[,[\]{}]/;
function readsBackAs(text, schema) {
    try {
        return parse(text, { schema });
    }
    catch {
        return undefined;
    }
}
/**
 * A plain scalar is safe only when every YAML reader a deployer may use reads it back as the
 * same string: the 1.2 core schema (kyaml) and the 1.1 schema (older tools read `yes`, `1_000`,
 * `2024-01-01`, `0o17` as non-strings). Anything else gets quotes, so `1.10` stays `"1.10"`.
 */
function isPlainSafe(value) {
    if (value === "" || FLOW_INDICATORS.test(value) || value !== value.trim())
        return false;
    return readsBackAs(value, "core") === value && readsBackAs(value, "yaml-1.1") === value;
}
/** Renders a string value for a YAML file, in the requested style when that style can hold it. */
function yaml_scalar_formatScalar(value, style = "PLAIN") {
    if (style === "QUOTE_SINGLE")
        return `'${value.replaceAll("'", "''")}'`;
    if (style === "PLAIN" && isPlainSafe(value))
        return value;
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/pins/embedded-values.ts

/**
 * A splice of the values file a literal block holds (`helm.values: |`), as a splice of the outer
 * file: same line, the block's indentation added to the column and to every line it inserts, the
 * outer file's line endings.
 */
function embedded_values_outerSplice(outer, block, indent, inner, splice) {
    const content = outer.text.indexOf("\n", rangeOf(block)[0]) + 1;
    const lineStarts = [content];
    for (let at = outer.text.indexOf("\n", content); at >= 0 && at < rangeOf(block)[1]; at = outer.text.indexOf("\n", at + 1))
        lineStarts.push(at + 1);
    const place = (offset) => {
        const pos = inner.lines.linePos(offset);
        const start = lineStarts[pos.line - 1];
        return pos.col === 1 ? start : start + indent + pos.col - 1;
    };
    const pad = " ".repeat(indent);
    const atLineStart = inner.lines.linePos(splice.start).col === 1 && splice.start === splice.end && splice.text !== "";
    const text = splice.text.replace(/\n(?=.)/g, `${outer.eol}${pad}`).replace(/\n$/, outer.eol);
    return { start: place(splice.start), end: place(splice.end), text: atLineStart ? `${pad}${text}` : text };
}

;// CONCATENATED MODULE: ./src/pins/image-string.ts


/** The parts of a pinned image the specs speak of, as kustomize's images entries name them. */
function image_string_fieldsOfReference(ref) {
    const { tag, digest } = image_ref_splitReference(ref);
    return { ...(tag !== undefined && { newTag: tag }), ...(digest !== undefined && { digest }) };
}
/** Whether a spec is for this image, by name (`nginx` is `docker.io/library/nginx`). */
function image_string_specFor(specs, name) {
    const wanted = normalizeImageName(name);
    return specs.find((s) => normalizeImageName(s.name) === wanted);
}
/**
 * `name[:tag][@digest]` with the spec applied as to a kustomization entry: a new name, a tag
 * (a stale digest dropped), a digest (the tag it replaces dropped), or both.
 */
function image_string_retargetReference(ref, spec) {
    const current = splitReference(ref);
    const changes = changesFor(spec);
    const name = changes.newName ?? current.name;
    const tag = changes.newTag === undefined ? current.tag : (changes.newTag ?? undefined);
    const digest = changes.digest === undefined ? current.digest : (changes.digest ?? undefined);
    return `${name}${tag === undefined ? "" : `:${tag}`}${digest === undefined ? "" : `@${digest}`}`;
}
/** What a `kustomize edit set image` string sets: the part after `=`, or the whole. */
function image_string_kustomizeImageTarget(value) {
    const eq = value.indexOf("=");
    return eq >= 0 ? value.slice(eq + 1) : value;
}
/** `name=newName:tag@digest` (or `name:tag`) with the spec applied, in the form it was written. */
function image_string_retargetKustomizeImage(value, spec) {
    const eq = value.indexOf("=");
    const name = eq >= 0 ? value.slice(0, eq) : splitReference(value).name;
    const target = image_string_retargetReference(image_string_kustomizeImageTarget(value), spec);
    return eq >= 0 || spec.newName !== undefined ? `${name}=${target}` : target;
}

;// CONCATENATED MODULE: ./src/pins/set-pins.ts










/**
 * Applies image specs to a file that pins images outside a kustomization (plain manifests, Helm
 * values, a HelmRelease's values, Flux setter markers), changing only the scalars that hold the
 * images. Every spec must match a pin; nothing changes when one does not.
 */
function setPins(file, text, specs, options = {}) {
    const source = parseYamlDocuments(file, text);
    const pins = pinsFor(source, specs, options);
    if (pins.length === 0)
        throw new InputFileError({ file, line: 1, column: 1 }, "pins no image: no container image, Helm values repository or image, or Flux $imagepolicy marker");
    const splices = [];
    const edits = [];
    for (const spec of specs) {
        const matched = pins.filter((p) => pinImage(p) !== undefined && sameImage(pinImage(p), spec.name));
        if (matched.length === 0)
            throw noMatch(source, spec, pins);
        for (const pin of matched) {
            const made = editPin(source, pin, spec);
            // a marked name is reported only when the spec renames: the tag beside it is the edit
            if (pin.kind === "marked-part" && pin.part === "name" && spec.newName === undefined)
                continue;
            splices.push(...made);
            const before = pinFields(pin);
            edits.push({
                spec: spec.raw,
                name: pinImage(pin),
                action: made.length ? "updated" : "unchanged",
                before,
                after: expectedAfter(pin, before, spec),
                line: source.lines.linePos(pinOffset(pin)).line,
            });
        }
    }
    const edited = applySplices(text, splices);
    if (edited !== text)
        verify(file, edited, specs, options);
    return { text: edited, edits };
}
/** The pins the specs may match: the named policies' markers only, a nameless pin the one image given. */
function pinsFor(source, specs, options) {
    const only = specs.length === 1 ? specs[0]?.name : undefined;
    const nameless = (pin) => pin.image === undefined && (pin.kind === "keyed" || (pin.kind === "embedded" && pin.pin.kind === "keyed"));
    return selectedPolicies(findPins(source, options), options.policies ?? [], specs).map((pin) => nameless(pin) && only ? { ...pin, image: only } : pin);
}
/** What a pin holds once a spec is applied, as kustomize's images fields name it. */
function expectedAfter(pin, before, spec) {
    const name = spec.newName === undefined ? {} : { newName: spec.newName };
    if (pin.kind === "reference")
        return { ...name, ...fieldsOfReference(retargetReference(pin.node.value, spec)) };
    if (pin.kind === "kustomize-image")
        return { ...name, ...fieldsOfReference(kustomizeImageTarget(retargetKustomizeImage(pin.node.value, spec))) };
    if (pin.kind === "embedded")
        return expectedAfter(pin.pin, before, spec);
    if (pin.kind === "keyed" && pin.scalars.image)
        return { ...name, ...fieldsOfReference(retargetReference(String(pin.scalars.image.value), spec)) };
    if (pin.kind === "marked-part") {
        if (pin.part === "name")
            return name;
        const value = pin.part === "tag" ? (spec.tag ?? before.newTag) : (spec.digest ?? before.digest);
        return value === undefined ? {} : { [pin.part === "tag" ? "newTag" : "digest"]: value };
    }
    const tag = spec.tag ?? before.newTag;
    const digest = spec.digest ?? (spec.tag === undefined ? before.digest : undefined);
    return { ...name, ...(tag !== undefined && { newTag: tag }), ...(digest !== undefined && { digest }) };
}
/** The pin options of a command's flags; a key that does not parse is a usage error. */
function pinOptionsOf(flags) {
    return {
        ...(flags.policies?.length && { policies: flags.policies }),
        ...(flags.keys?.length && { keys: flags.keys.map(parseValuesKey) }),
        ...(flags.values && { asValues: true }),
    };
}
/**
 * With policies named, only their markers are pins, and a marked `:tag` or `:digest` whose
 * policy has no `:name` scalar is for the one image given (with several, which would it be?).
 */
function selectedPolicies(pins, policies, specs) {
    if (policies.length === 0)
        return pins;
    const policyOf = (pin) => (pin.kind === "marked-part" || pin.kind === "reference" ? pin.policy : undefined);
    const only = specs.length === 1 ? specs[0]?.name : undefined;
    return pins
        .filter((pin) => {
        const policy = policyOf(pin);
        return policy !== undefined && policies.includes(policy);
    })
        .map((pin) => (pin.kind === "marked-part" && pin.image === undefined && only ? { ...pin, image: only } : pin));
}
function sameImage(a, b) {
    return normalizeImageName(a) === normalizeImageName(b);
}
function pinImage(pin) {
    return pin.image;
}
function noMatch(source, spec, pins) {
    const seen = [...new Set(pins.map((p) => pinImage(p) ?? `(${unnamed(p)})`))].sort();
    return new InputFileError({ file: source.file, line: 1, column: 1 }, `pins no image ${spec.name}; it pins ${seen.join(", ")}`);
}
/** What a pin with no image name is, for messages: its policy or its key. */
function unnamed(pin) {
    if (pin.kind === "embedded")
        return unnamed(pin.pin);
    return pin.kind === "keyed" ? `--key ${pin.key.raw}` : pin.kind === "marked-part" ? pin.policy : pin.kind;
}
/** The scalar edits one spec makes to one pin. */
function editPin(source, pin, spec) {
    if (pin.kind === "reference")
        return replaceIfChanged(source, pin.node, retargetReference(pin.node.value, spec));
    if (pin.kind === "marked-part")
        return editMarkedPart(source, pin, spec);
    if (pin.kind === "kustomize-image")
        return replaceIfChanged(source, pin.node, retargetKustomizeImage(pin.node.value, spec));
    if (pin.kind === "helm-parameters")
        return editParameters(source, pin, spec);
    if (pin.kind === "keyed")
        return editKeyed(source, pin, spec);
    if (pin.kind === "embedded")
        return editPin(pin.inner, pin.image === undefined ? pin.pin : { ...pin.pin, image: pin.image }, spec).map((splice) => outerSplice(source, pin.block, pin.indent, pin.inner, splice));
    return editValuesMapping(source, pin.map, spec);
}
/**
 * A chart's own keys: `image=` takes the spec as a reference does; otherwise `name=` the new name,
 * `tag=` the tag (a stale digest emptied) and `digest=` the digest. A part the key does not name,
 * or the values lack, is refused: the chart would not read it.
 */
function editKeyed(source, pin, spec) {
    const { scalars, key } = pin;
    if (scalars.image)
        return replaceIfChanged(source, scalars.image, retargetReference(String(scalars.image.value), spec));
    const at = pinOffset(pin);
    const part = (name, value) => {
        const node = scalars[name];
        if (node)
            return replaceIfChanged(source, node, value);
        const path = key.parts[name];
        throw errorIn(source, at, path
            ? `no value at ${path.text} to set the ${name} of ${spec.raw} in; add it (as the chart reads it)`
            : `--key ${key.raw} names no ${name}= for the ${name} of ${spec.raw}; add ${name}=<path>`);
    };
    const splices = [];
    if (spec.newName !== undefined)
        splices.push(...part("name", spec.newName));
    if (spec.tag !== undefined) {
        splices.push(...part("tag", spec.tag));
        if (spec.digest === undefined && scalars.digest && String(scalars.digest.value ?? "") !== "")
            splices.push(...replaceIfChanged(source, scalars.digest, ""));
    }
    if (spec.digest !== undefined)
        splices.push(...part("digest", spec.digest));
    return splices;
}
/**
 * Argo CD's `helm.parameters` of one prefix: the `repository` (and `registry`) parameters take a
 * new name, `tag` the tag, `digest` the digest. A part with no parameter is refused: adding a
 * parameter is a decision about the chart, not an edit.
 */
function editParameters(source, pin, spec) {
    const splices = [];
    const missing = (part) => errorIn(source, rangeOf(pin.repository)[0], `no ${part} parameter beside this repository to set for ${spec.raw}; add one`);
    if (spec.newName !== undefined)
        splices.push(...replaceIfChanged(source, pin.repository, spec.newName));
    if (spec.tag !== undefined) {
        if (!pin.tag)
            throw missing("tag");
        splices.push(...replaceIfChanged(source, pin.tag, spec.tag));
        if (spec.digest === undefined && pin.digest && String(pin.digest.value ?? "") !== "")
            splices.push(...replaceIfChanged(source, pin.digest, ""));
    }
    if (spec.digest !== undefined) {
        if (!pin.digest)
            throw missing("digest");
        splices.push(...replaceIfChanged(source, pin.digest, spec.digest));
    }
    return splices;
}
/** A marked scalar holds one part; a spec part no marker holds cannot be written. */
function editMarkedPart(source, pin, spec) {
    const value = pin.part === "name" ? spec.newName : pin.part === "tag" ? spec.tag : spec.digest;
    return value === undefined ? [] : replaceIfChanged(source, pin.node, value);
}
/**
 * A values mapping: `repository` (and `registry`) take a new name, `tag` the tag, `digest` the
 * digest; a tag the mapping lacks is added beside `repository`. A stale digest is emptied when
 * only a tag is given. A digest the mapping has no field for is refused: charts read it under
 * different keys, and one the chart ignores would pin nothing.
 */
function editValuesMapping(source, map, spec) {
    const splices = [];
    const field = (key) => scalarField(source, map, key);
    if (spec.newName !== undefined) {
        const registry = field("registry");
        const { domain, rest } = splitRegistry(spec.newName);
        if (registry && domain)
            splices.push(...replaceIfChanged(source, registry, domain));
        splices.push(...replaceIfChanged(source, field("repository"), registry && domain ? rest : spec.newName));
    }
    const digest = field("digest");
    const tag = field("tag");
    // `tag: 1.2.3@sha256:…` (the tag field holding the digest too) is how many charts take a digest
    if (!digest && tag && String(tag.value ?? "").includes("@")) {
        const kept = spec.tag ?? splitTagField(String(tag.value)).tag ?? "";
        const value = spec.digest !== undefined ? `${kept}@${spec.digest}` : (spec.tag ?? String(tag.value));
        splices.push(...replaceIfChanged(source, tag, value));
        return splices;
    }
    if (spec.tag !== undefined) {
        splices.push(...(tag ? replaceIfChanged(source, tag, spec.tag) : [addField(source, map, "tag", spec.tag)]));
        if (spec.digest === undefined && digest && String(digest.value ?? "") !== "")
            splices.push(...replaceIfChanged(source, digest, ""));
    }
    if (spec.digest !== undefined) {
        if (!digest)
            throw errorIn(source, rangeOf(map)[0], `these values have no digest field to pin ${spec.digest} in; add one (as the chart reads it), write the tag as tag@digest, or give a tag`);
        splices.push(...replaceIfChanged(source, digest, spec.digest));
    }
    return splices;
}
/** A field of a values mapping that must be a plain scalar if present: an alias would change elsewhere too. */
function scalarField(source, map, key) {
    const pair = map.items.find((p) => keyOf(p) === key);
    if (!pair)
        return undefined;
    const value = pair.value;
    if (value === null)
        throw errorIn(source, rangeOf(pair.key)[0], `${key} has no value; give it one first`);
    if (isAlias(value) || !isScalar(value))
        throw errorIn(source, rangeOf(value)[0], `${key} is not a plain value (an alias or a collection); edit it by hand`);
    return value;
}
function splitRegistry(name) {
    const slash = name.indexOf("/");
    const first = slash < 0 ? "" : name.slice(0, slash);
    return first.includes(".") || first.includes(":") || first === "localhost"
        ? { domain: first, rest: name.slice(slash + 1) }
        : { rest: name };
}
function replaceIfChanged(source, node, value) {
    if (node.value === value)
        return [];
    refuseAliased(source, node);
    const [start, end] = rangeOf(node);
    const old = source.text.slice(start, end);
    let text = formatScalar(value, styleOf(node));
    if (start === end)
        text = ` ${text}`;
    if (/\r?\n$/.test(old))
        text += source.eol;
    return [{ start, end, text }];
}
/** A new `key: value` beside `repository`, in the mapping's own layout. */
function addField(source, map, key, value) {
    const repository = map.items.find((p) => keyOf(p) === "repository");
    const valueNode = repository.value;
    if (map.flow) {
        const at = rangeOf(valueNode)[1];
        return { start: at, end: at, text: `, ${key}: ${formatScalar(value)}` };
    }
    const indent = " ".repeat(columnOf(source.text, rangeOf(repository.key)[0]));
    const at = rangeOf(valueNode)[2];
    const line = `${indent}${key}: ${formatScalar(value)}`;
    return source.text[at - 1] === "\n"
        ? { start: at, end: at, text: `${line}${source.eol}` }
        : { start: at, end: at, text: `${source.eol}${line}` };
}
/** An anchored scalar other nodes alias would change them too: a careful human decides that. */
function refuseAliased(source, node) {
    const anchor = node.anchor;
    if (!anchor)
        return;
    let aliased = false;
    for (const doc of source.docs)
        visit(doc, {
            Alias(_, alias) {
                if (alias.source === anchor)
                    aliased = true;
            },
        });
    if (aliased)
        throw errorIn(source, source.text.lastIndexOf(`&${anchor}`, rangeOf(node)[0]), `this value carries the anchor &${anchor}, which *${anchor} elsewhere refers to; changing it would change that too, so set-image leaves this file alone`);
}
function styleOf(node) {
    return node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? node.type : "PLAIN";
}
/** What a pin holds now, as kustomize's images fields name it. */
function pinFields(pin) {
    if (pin.kind === "reference")
        return image_string_fieldsOfReference(pin.node.value);
    if (pin.kind === "kustomize-image")
        return image_string_fieldsOfReference(image_string_kustomizeImageTarget(pin.node.value));
    if (pin.kind === "embedded")
        return pinFields(pin.pin);
    if (pin.kind === "keyed" && pin.scalars.image)
        return image_string_fieldsOfReference(String(pin.scalars.image.value));
    if (pin.kind === "helm-parameters" || pin.kind === "keyed") {
        const text = (node) => (node && node.value !== null && node.value !== "" ? String(node.value) : undefined);
        const [tag, digest] = pin.kind === "keyed" ? [text(pin.scalars.tag), text(pin.scalars.digest)] : [text(pin.tag), text(pin.digest)];
        return { ...(tag !== undefined && { newTag: tag }), ...(digest !== undefined && { digest }) };
    }
    if (pin.kind === "marked-part")
        return pin.part === "name" ? {} : { [pin.part === "tag" ? "newTag" : "digest"]: pin.node.value };
    const text = (key) => {
        const v = valueAt(pin.map, key);
        return (0,dist/* isScalar */.jn)(v) && v.value !== null && v.value !== "" ? String(v.value) : undefined;
    };
    const field = text("tag");
    const split = field?.includes("@") && text("digest") === undefined ? splitTagField(field) : { tag: field };
    const tag = split.tag;
    const digest = split.digest ?? text("digest");
    return { ...(tag !== undefined && { newTag: tag }), ...(digest !== undefined && { digest }) };
}
/** `1.2.3@sha256:…` as a tag and a digest. */
function splitTagField(value) {
    const at = value.indexOf("@");
    return at < 0 ? { tag: value } : { ...(at > 0 && { tag: value.slice(0, at) }), digest: value.slice(at + 1) };
}
/**
 * Re-reads the edited text: it must parse, and every pin a spec names must now hold what the spec
 * asked, so that a bug in the splicing never reaches a file or a commit.
 */
function verify(file, text, specs, options) {
    let pins;
    try {
        pins = pinsFor(parseYamlDocuments(file, text), specs, options);
    }
    catch (error) {
        throw new InternalError(`editing ${file} produced invalid YAML (${error.message}); nothing was written`);
    }
    for (const pin of pins) {
        const image = pinImage(pin);
        const spec = image === undefined
            ? undefined
            : (specFor(specs, image) ?? specs.find((s) => s.newName !== undefined && sameImage(s.newName, image)));
        if (spec && !holds(pin, spec))
            throw new InternalError(`editing ${file} did not yield ${spec.raw} on re-reading; nothing was written`);
    }
}
function holds(pin, spec) {
    const fields = pinFields(pin);
    if (pin.kind === "marked-part") {
        const wanted = pin.part === "tag" ? spec.tag : pin.part === "digest" ? spec.digest : undefined;
        return wanted === undefined || (pin.part === "tag" ? fields.newTag : fields.digest) === wanted;
    }
    if (spec.tag !== undefined && fields.newTag !== spec.tag)
        return false;
    if (spec.digest !== undefined && fields.digest !== spec.digest)
        return false;
    const reference = pin.kind === "reference" || pin.kind === "kustomize-image" || (pin.kind === "keyed" && !!pin.scalars.image);
    if (reference && spec.tag !== undefined && spec.digest === undefined && fields.digest)
        return false;
    return true;
}

;// CONCATENATED MODULE: ./src/pins/pin-entries.ts





/**
 * The images a file pins, one entry per image, for promote to compare with another file's: two
 * pins of one image that disagree are refused (which one would be promoted?).
 */
function pinEntries(file, text, options = {}) {
    const source = yaml_documents_parseYamlDocuments(file, text);
    const entries = new Map();
    for (const pin of find_pins_findPins(source, options)) {
        if (pin.image === undefined || (pin.kind === "marked-part" && pin.part === "name"))
            continue;
        const pos = source.lines.linePos(find_pins_pinOffset(pin));
        const at = { file, line: pos.line, column: pos.col };
        const entry = { name: pin.image, ...pinFields(pin), at: { name: at, newTag: at, digest: at } };
        const key = image_ref_normalizeImageName(pin.image);
        const seen = entries.get(key);
        if (seen && (seen.newTag !== entry.newTag || seen.digest !== entry.digest))
            throw new src_errors/* InputFileError */.TH(at, `pins ${pin.image} at ${seen.newTag ?? seen.digest} (line ${seen.at.name?.line}) and at ${entry.newTag ?? entry.digest} here; promote copies one version per image`);
        if (!seen)
            entries.set(key, entry);
    }
    return [...entries.values()];
}

;// CONCATENATED MODULE: ./src/preview/pinned-image-changes.ts



/**
 * Image changes in files no render shows (a Helm values file, an Argo CD Application's
 * parameters or values, a HelmRelease): the pins set-image edits, compared between base and head.
 * A file whose pins cannot be read on a side is left out; the gate reports what is wrong with it.
 */
function pinnedImageChanges(files) {
    return files.flatMap(({ file, base, head }) => {
        const before = entriesOf(file, base);
        const after = entriesOf(file, head);
        if (!before || !after)
            return [];
        const names = new Set([...before.keys(), ...after.keys()]);
        return [...names].flatMap((key) => {
            const a = before.get(key);
            const b = after.get(key);
            const from = a && versionOf(a.fields);
            const to = b && versionOf(b.fields);
            if (from === to)
                return [];
            return [{ root: file, image: (b ?? a)?.name ?? key, ...(from && { from }), ...(to && { to }), objects: [] }];
        });
    });
}
function entriesOf(file, text) {
    if (text === undefined)
        return new Map();
    try {
        return new Map(pinEntries(file, text).map((e) => [image_ref_normalizeImageName(e.name), { name: e.name, fields: e }]));
    }
    catch (error) {
        if (error instanceof src_errors/* GitopsCiError */.p)
            return undefined;
        throw error;
    }
}
function versionOf(fields) {
    if (fields.newTag && fields.digest)
        return `${fields.newTag}@${fields.digest}`;
    if (fields.digest)
        return `@${fields.digest}`;
    return fields.newTag ?? "(chart default)";
}

;// CONCATENATED MODULE: ./src/preview/rendered-objects.ts

const HASH_PLACEHOLDER = "<hash>";
/**
 * kustomize's hash suffix on generated ConfigMaps and Secrets: the first ten hex digits of a
 * SHA-256 with 0, 1, 3, a, e spelled g, h, k, m, t (api/hasher's encode), after a dash.
 */
const HASH_SUFFIX = /^(.+)-([2456789bcdfghkmt]{10})$/;
/** Fields the API server writes, which a render should not hold and a reviewer does not want. */
const SERVER_FIELDS = ["generation", "resourceVersion", "uid", "creationTimestamp", "managedFields", "selfLink"];
const NOISE_ANNOTATIONS = ["kubectl.kubernetes.io/last-applied-configuration"];
function rendered_objects_groupOf(apiVersion) {
    const slash = apiVersion.indexOf("/");
    return slash < 0 ? "" : apiVersion.slice(0, slash);
}
/** What pairs an object of the base render with one of the head render. */
function identityOf(object) {
    return [object.group, object.kind, object.namespace ?? "", object.name].join("/");
}
/** A render's objects: the hash suffixes normalised, in names and in every reference to them. */
function previewObjects(rendered) {
    const objects = rendered.flatMap(listItems).filter(isObject);
    const hashed = new Map();
    for (const object of objects) {
        const name = nameOf(object);
        const match = name && isGenerated(object) ? HASH_SUFFIX.exec(name) : null;
        if (match)
            hashed.set(name, `${match[1]}-${HASH_PLACEHOLDER}`);
    }
    return objects.map((object) => {
        const rendered = nameOf(object) ?? "";
        const value = replaceStrings(withoutNoise(object), hashed);
        const apiVersion = String(object.apiVersion ?? "");
        const metadata = (0,yaml_nav/* isRecord */.u4)(object.metadata) ? object.metadata : {};
        return {
            group: rendered_objects_groupOf(apiVersion),
            apiVersion,
            kind: String(object.kind ?? ""),
            ...(typeof metadata.namespace === "string" && { namespace: metadata.namespace }),
            name: hashed.get(rendered) ?? rendered,
            ...(hashed.has(rendered) && { hashedName: rendered }),
            value,
        };
    });
}
function listItems(value) {
    if ((0,yaml_nav/* isRecord */.u4)(value) && typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items))
        return value.items.flatMap(listItems);
    return [value];
}
function isObject(value) {
    return (0,yaml_nav/* isRecord */.u4)(value) && typeof value.kind === "string";
}
function nameOf(object) {
    const metadata = object.metadata;
    return (0,yaml_nav/* isRecord */.u4)(metadata) && typeof metadata.name === "string" ? metadata.name : undefined;
}
function isGenerated(object) {
    return rendered_objects_groupOf(String(object.apiVersion ?? "")) === "" && (object.kind === "ConfigMap" || object.kind === "Secret");
}
function withoutNoise(object) {
    const { status: _status, ...rest } = object;
    if (!(0,yaml_nav/* isRecord */.u4)(rest.metadata))
        return rest;
    const metadata = Object.fromEntries(Object.entries(rest.metadata).filter(([k]) => !SERVER_FIELDS.includes(k)));
    if ((0,yaml_nav/* isRecord */.u4)(metadata.annotations)) {
        const annotations = Object.fromEntries(Object.entries(metadata.annotations).filter(([k]) => !NOISE_ANNOTATIONS.includes(k)));
        if (Object.keys(annotations).length)
            metadata.annotations = annotations;
        else
            delete metadata.annotations;
    }
    return { ...rest, metadata };
}
/** Every string equal to a key of `names` replaced by its value, everywhere in the value. */
function replaceStrings(value, names) {
    if (names.size === 0)
        return value;
    if (typeof value === "string")
        return names.get(value) ?? value;
    if (Array.isArray(value))
        return value.map((item) => replaceStrings(item, names));
    if ((0,yaml_nav/* isRecord */.u4)(value))
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, names)]));
    return value;
}

;// CONCATENATED MODULE: ./src/preview/compare-objects.ts


/**
 * The objects that differ: paired by API group, kind, namespace and name; an object gone from
 * the base and one new in the head with the same content under another name are one `renamed`
 * object (a namePrefix change), also when their only other difference is a reference to another
 * renamed object (a Deployment's ConfigMap). Unchanged objects are left out.
 */
function compareObjects(base, head) {
    const baseBy = new Map(base.map((o) => [identityOf(o), o]));
    const headBy = new Map(head.map((o) => [identityOf(o), o]));
    const pairs = [];
    for (const [key, h] of headBy) {
        const b = baseBy.get(key);
        if (b && !(0,external_node_util_.isDeepStrictEqual)(b.value, h.value))
            pairs.push({ change: "modified", base: b, head: h });
    }
    let removed = [...baseBy].filter(([key]) => !headBy.has(key)).map(([, o]) => o);
    let added = [...headBy].filter(([key]) => !baseBy.has(key)).map(([, o]) => o);
    const renames = new Map();
    for (;;) {
        const found = matchRenames(removed, added, renames);
        if (found.length === 0)
            break;
        for (const pair of found) {
            pairs.push(pair);
            const b = pair.base;
            const h = pair.head;
            renames.set(b.name, h.name);
        }
        removed = removed.filter((o) => !found.some((p) => p.base === o));
        added = added.filter((o) => !found.some((p) => p.head === o));
    }
    pairs.push(...removed.map((o) => ({ change: "removed", base: o })));
    pairs.push(...added.map((o) => ({ change: "added", head: o })));
    return pairs.sort((a, b) => order(a).localeCompare(order(b)));
}
/**
 * Removed and added objects of one kind whose content, names aside, is the same, a string where
 * they differ being a reference to an object already found renamed (`api-config` → `v2-api-config`).
 */
function matchRenames(removed, added, renames) {
    const pairs = [];
    const taken = new Set();
    for (const b of removed) {
        const h = added.find((a) => !taken.has(a) &&
            a.group === b.group &&
            a.kind === b.kind &&
            sameModuloRenames(withoutIdentity(b.value), withoutIdentity(a.value), renames));
        if (!h)
            continue;
        taken.add(h);
        pairs.push({ change: "renamed", base: b, head: h });
    }
    return pairs;
}
function withoutIdentity(value) {
    const { name: _name, namespace: _namespace, ...metadata } = (value.metadata ?? {});
    return { ...value, metadata };
}
function sameModuloRenames(base, head, renames) {
    if (typeof base === "string")
        return base === head || renames.get(base) === head;
    if (Array.isArray(base))
        return (Array.isArray(head) && base.length === head.length && base.every((b, i) => sameModuloRenames(b, head[i], renames)));
    if (base !== null && typeof base === "object") {
        if (head === null || typeof head !== "object" || Array.isArray(head))
            return false;
        const b = base;
        const h = head;
        const keys = Object.keys(b);
        return keys.length === Object.keys(h).length && keys.every((k) => k in h && sameModuloRenames(b[k], h[k], renames));
    }
    return (0,external_node_util_.isDeepStrictEqual)(base, head);
}
function order(pair) {
    const o = (pair.head ?? pair.base);
    return [o.namespace ?? "", o.kind, o.name].join("\0");
}

;// CONCATENATED MODULE: ./src/preview/image-changes.ts


const image_changes_CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);
/** Every container image of an object, by the path to its container: any pod template in any kind. */
function image_changes_containerImages(value, at = "") {
    const images = new Map();
    if (Array.isArray(value))
        value.forEach((item, i) => mergeInto(images, image_changes_containerImages(item, `${at}[${i}]`)));
    else if ((0,yaml_nav/* isRecord */.u4)(value))
        for (const [key, child] of Object.entries(value)) {
            if (image_changes_CONTAINER_LISTS.has(key) && Array.isArray(child))
                for (const container of child)
                    if ((0,yaml_nav/* isRecord */.u4)(container) && typeof container.image === "string")
                        images.set(`${at}.${key}[${String(container.name ?? "")}]`, container.image);
            mergeInto(images, image_changes_containerImages(child, `${at}.${key}`));
        }
    return images;
}
function mergeInto(into, from) {
    for (const [k, v] of from)
        into.set(k, v);
}
/** The image changes of one root's object pairs, one line per image and version change. */
function imageChanges(root, pairs) {
    const lines = new Map();
    for (const pair of pairs) {
        const before = pair.base ? image_changes_containerImages(pair.base.value) : new Map();
        const after = pair.head ? image_changes_containerImages(pair.head.value) : new Map();
        const object = pair.head ?? pair.base;
        for (const container of new Set([...before.keys(), ...after.keys()])) {
            const from = before.get(container);
            const to = after.get(container);
            if (from === to)
                continue;
            const change = versionChange(from, to);
            const key = [change.image, change.from ?? "", change.to ?? ""].join("\0");
            const line = lines.get(key) ?? { root, ...change, objects: [] };
            const name = `${object.kind}/${object.name}`;
            if (!line.objects.includes(name))
                line.objects.push(name);
            lines.set(key, line);
        }
    }
    return [...lines.values()];
}
function versionChange(from, to) {
    const a = from === undefined ? undefined : image_ref_splitReference(from);
    const b = to === undefined ? undefined : image_ref_splitReference(to);
    const image = (b ?? a)?.name ?? "";
    const version = (ref) => ref.name !== image
        ? `${ref.name}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`
        : image_changes_versionOf(ref);
    return { image, ...(a && { from: version(a) }), ...(b && { to: version(b) }) };
}
function image_changes_versionOf(ref) {
    if (ref.tag && ref.digest)
        return `${ref.tag}@${ref.digest}`;
    if (ref.digest)
        return `@${ref.digest}`;
    return ref.tag ?? "latest";
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(37291);
;// CONCATENATED MODULE: ./src/preview/object-diff.ts



/** Keys that lead, in this order (elsewhere `name`); the rest follow sorted, so both sides print alike. */
const LEADING = {
    "": ["apiVersion", "kind", "metadata"],
    metadata: ["name", "namespace", "labels", "annotations"],
};
/** An object as YAML with its keys in a stable order: what the diff compares. */
function stableYaml(value) {
    if (!value)
        return "";
    return (0,dist/* stringify */.As)(ordered(value, ""), { lineWidth: 0, aliasDuplicateObjects: false });
}
function ordered(value, key) {
    if (Array.isArray(value))
        return value.map((item) => ordered(item, "[]"));
    if (!(0,yaml_nav/* isRecord */.u4)(value))
        return value;
    const leading = LEADING[key] ?? ["name"];
    const keys = [
        ...leading.filter((k) => k in value),
        ...Object.keys(value)
            .filter((k) => !leading.includes(k))
            .sort(),
    ];
    return Object.fromEntries(keys.map((k) => [k, ordered(value[k], k)]));
}
/**
 * Past this many changed lines an object's diff is not computed: the algorithm's cost grows with
 * the edits times the length, and a change that large is not read line by line anyway.
 */
const MAX_EDIT_LINES = 5000;
/**
 * A unified diff of two YAML texts (hunks only, `context` lines around each change), at most
 * `maxLines` lines; an added or removed object is all `+` or all `-` lines.
 */
function unifiedDiff(before, after, context, maxLines) {
    const patch = (0,create/* structuredPatch */.YB)("base", "head", before, after, "", "", { context, maxEditLength: MAX_EDIT_LINES });
    if (!patch) {
        const count = (text) => text.split("\n").length - 1;
        return {
            text: `@@ more than ${MAX_EDIT_LINES} lines changed (${count(before)} before, ${count(after)} after): not shown @@`,
            cut: 0,
        };
    }
    const lines = [];
    for (const hunk of patch.hunks) {
        lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
        lines.push(...hunk.lines.filter((l) => !l.startsWith("\\")));
    }
    if (maxLines === undefined || lines.length <= maxLines)
        return { text: lines.join("\n"), cut: 0 };
    return { text: lines.slice(0, maxLines).join("\n"), cut: lines.length - maxLines };
}

;// CONCATENATED MODULE: ./src/preview/secret-values.ts


const REDACTED_CHANGED = "<redacted: changed>";
const REDACTED_UNCHANGED = "<redacted: unchanged>";
/** The base side of a changed secret value: the diff shows `<redacted>` → `<redacted: changed>`. */
const REDACTED_BEFORE = "<redacted>";
/** SOPS writes every encrypted value as ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]. */
const SOPS_VALUE = /^ENC\[[A-Z0-9_]+,.*\]$/s;
/**
 * The two sides of one object with every secret value replaced by whether it changed: Secret
 * `data` and `stringData`, SealedSecret `encryptedData`, and SOPS `ENC[…]` values anywhere. A
 * value that left the process in a diff would be in every PR comment and job log for good.
 */
function redactedPair(base, head) {
    const object = (head ?? base);
    const secretAt = secretFields(object);
    return {
        ...(base && { base: secret_values_redact(base.value, head?.value, "base", secretAt, []) }),
        ...(head && { head: secret_values_redact(head.value, base?.value, "head", secretAt, []) }),
    };
}
/** Whether a field path holds secret values, by the object's kind. */
function secretFields(object) {
    if (object.group === "" && object.kind === "Secret")
        return (p) => p.length === 2 && (p[0] === "data" || p[0] === "stringData");
    if (object.group === "bitnami.com" && object.kind === "SealedSecret")
        return (p) => p.length === 3 && p[0] === "spec" && p[1] === "encryptedData";
    return () => false;
}
function secret_values_redact(value, other, side, secretAt, at) {
    if (at.length > 0 && secretAt(at) && !(0,yaml_nav/* isRecord */.u4)(value) && !Array.isArray(value))
        return placeholder(value, other, side);
    if (typeof value === "string")
        return SOPS_VALUE.test(value) ? placeholder(value, other, side) : value;
    if (Array.isArray(value))
        return value.map((item, i) => secret_values_redact(item, Array.isArray(other) ? other[i] : undefined, side, secretAt, [...at, String(i)]));
    if ((0,yaml_nav/* isRecord */.u4)(value))
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [
            k,
            secret_values_redact(v, (0,yaml_nav/* isRecord */.u4)(other) ? other[k] : undefined, side, secretAt, [...at, k]),
        ]));
    return value;
}
function placeholder(mine, theirs, side) {
    if (theirs !== undefined && (0,external_node_util_.isDeepStrictEqual)(mine, theirs))
        return REDACTED_UNCHANGED;
    return side === "head" ? REDACTED_CHANGED : REDACTED_BEFORE;
}

;// CONCATENATED MODULE: ./src/preview/root-preview.ts





/** One root's base and head renders (undefined: the root is not there on that side), compared. */
function previewRoot(root, deployedBy, base, head, limits) {
    const pairs = compareObjects(previewObjects(base ?? []), previewObjects(head ?? []));
    const objects = pairs.map((pair) => objectChange(pair, limits));
    return { preview: { root, deployedBy, counts: countsOf(objects), objects }, images: imageChanges(root, pairs) };
}
function objectChange(pair, limits) {
    const object = (pair.head ?? pair.base);
    const sides = redactedPair(pair.base, pair.head);
    const diff = pair.change === "renamed"
        ? { text: "", cut: 0 }
        : unifiedDiff(stableYaml(sides.base), stableYaml(sides.head), limits.context, limits.maxLines);
    return {
        apiVersion: object.apiVersion,
        kind: object.kind,
        ...(object.namespace !== undefined && { namespace: object.namespace }),
        name: object.name,
        change: pair.change,
        ...(pair.change === "renamed" && { previousName: pair.base?.name }),
        ...hashChange(pair),
        diff: diff.text,
        cut: diff.cut,
    };
}
function hashChange(pair) {
    const from = pair.base?.hashedName;
    const to = pair.head?.hashedName;
    if (!from || !to || from === to || pair.head.kind === "Secret")
        return {};
    return { hash: { from, to } };
}
function countsOf(objects) {
    const counts = { added: 0, removed: 0, modified: 0, renamed: 0 };
    for (const o of objects)
        counts[o.change]++;
    return counts;
}

;// CONCATENATED MODULE: ./src/commands/diff/unread-change.ts


const MANIFEST = /\.(ya?ml|json)$/;
/**
 * Whether no render can read the change, known without parsing the repository: no changed file
 * is a manifest, and no manifest's text holds a changed file's name. kustomize reads another file
 * only where a kustomization (or a generator or transformer config it names, YAML too) names it,
 * so a file no YAML text mentions is read by no root; a name that merely appears (a README in a
 * comment) only sends the change the full way. Files the gate would not parse (past the limits)
 * read no file in any render, and past the total budget the answer is "maybe".
 */
function unreadChange(dir, manifests, changed, limits) {
    if ([...changed].some((file) => MANIFEST.test(file)))
        return false;
    const names = [...new Set([...changed].map((file) => external_node_path_default().posix.basename(file)))];
    let total = 0;
    for (const file of manifests) {
        const full = external_node_path_default().join(dir, file);
        const bytes = (0,external_node_fs_.statSync)(full).size;
        if (bytes > limits.maxFileBytes)
            continue;
        total += bytes;
        if (total > limits.maxTotalBytes)
            return false;
        const text = (0,external_node_fs_.readFileSync)(full, "utf8");
        if (names.some((name) => text.includes(name)))
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/commands/diff/side.ts





/**
 * The roots of one side that read a changed file: kustomization roots (as their deployers build
 * them) and directories of plain manifests, each ready to render in that side's tree.
 */
function affectedRoots(scope, found, changed) {
    const deployers = deployerPaths(found.sources);
    const deployedBy = (dir) => [...new Set(deployers.filter((d) => d.dir === dir).map((d) => d.by))];
    const jobs = found.allJobs.filter((job) => readsChange(job, changed));
    const plain = found.allPlain.filter((p) => p.files.some((f) => changed.has(f)));
    return [
        ...jobs.map((job) => kustomizationRoot(scope, found, job, job.build ? [job.build.by] : deployedBy(job.root.dir))),
        ...plain.map((p) => plainRoot(found.sourcesByFile, p, deployedBy(p.dir))),
    ];
}
function jobName(job) {
    return job.build ? `${job.root.dir} (as ${job.build.by} builds it)` : job.root.dir;
}
function kustomizationRoot(scope, found, job, deployedBy) {
    return {
        name: jobName(job),
        deployedBy,
        async render(renderer) {
            const refusal = renderRefusal(job, found, scope.boundary, scope.settings.allowRemote);
            if (refusal.refused)
                return {
                    ok: false,
                    problem: refusal.findings[0]
                        ? `${refusal.findings[0].file}:${refusal.findings[0].line}: ${refusal.findings[0].message}`
                        : "it reads a file that does not parse",
                };
            const result = await renderJob(renderer, scope.boundary.checkout, job, found.sourcesByFile);
            if (!result.ok)
                return { ok: false, problem: `kustomize cannot build ${jobName(job)}: ${result.error}` };
            const substitute = job.build?.substitute;
            return {
                ok: true,
                objects: (0,plain_yaml/* loadAllPlain */.qY)(substitute ? substituteVariables(result.output, substitute) : result.output),
            };
        },
    };
}
/** A directory of plain manifests renders to its files' objects, as Argo CD and Flux apply them. */
function plainRoot(sources, plain, deployedBy) {
    return {
        name: plain.dir,
        deployedBy,
        render: async () => ({ ok: true, objects: plain.files.flatMap((f) => sources.get(f)?.values ?? []) }),
    };
}

;// CONCATENATED MODULE: ./src/commands/diff/base-sources.ts


const base_sources_MANIFEST = /\.(ya?ml|json)$/;
/**
 * The base commit's manifests without reading the repository again: a file the change did not
 * touch is the same at the base, so the head's parse of it stands; only changed files are read
 * from the commit and parsed.
 */
async function baseSources(head, found, base) {
    const changed = head.changed ?? new Set();
    const changedThere = [...changed].filter((f) => base_sources_MANIFEST.test(f) && !head.excluded(f) && base.has(f)).sort();
    const manifests = [...head.files.manifests.filter((f) => !changed.has(f)), ...changedThere];
    const charts = chartDirs(manifests);
    const texts = await base.read(changedThere.filter((f) => !insideChart(f, charts)));
    const unreadable = new Set();
    const parsed = [];
    for (const [file, bytes] of texts) {
        const { source } = (0,source_files/* parseSourceText */.U4)(file, bytes.toString("utf8"), head.parseLimits);
        if (source)
            parsed.push(source);
        else
            unreadable.add(file);
    }
    const kept = found.sources.filter((s) => !changed.has(s.file) && !insideChart(s.file, charts));
    return {
        sources: [...kept, ...parsed].sort((a, b) => a.file.localeCompare(b.file)),
        unreadable: new Set([...unreadable, ...[...found.unreadable].filter((f) => !changed.has(f))]),
        charts,
    };
}

;// CONCATENATED MODULE: ./src/commands/diff.ts














const diff_MANIFEST = /\.(ya?ml|json)$/;
/**
 * The rendered diff of a change: each root that reads a file changed since `baseRef` rendered at
 * the base commit and in the work tree, in the same sandbox as validate, and the two renders
 * compared object by object. The base is the head's parse with the changed files read from the
 * commit; only what its affected roots read is written out, from git's objects.
 */
async function diff(options) {
    if (options.renderer === "none")
        throw new src_errors/* UsageError */.eb("diff compares renders: --renderer none renders nothing; use auto, kustomize or kubectl");
    const limits = { context: options.context ?? 3, maxLines: options.maxLines };
    const headScope = await scopeOf({ ...options, baseRef: options.baseRef });
    const changed = headScope.changed;
    const baseCommit = headScope.baseCommit;
    const result = {
        baseRef: options.baseRef,
        baseCommit,
        roots: [],
        images: [],
        unchanged: [],
        changedFiles: changed.size,
    };
    if (unreadChange(options.dir, headScope.files.manifests, changed, headScope.parseLimits))
        return result;
    const headFound = await discover(headScope);
    const head = affectedRoots(headScope, headFound, changed);
    // a root only the base has (its files deleted) is found among changed manifests; no manifest changed, no root did
    if (head.length === 0 && ![...changed].some((f) => diff_MANIFEST.test(f)))
        return result;
    const files = await commitFiles(options.dir, baseCommit);
    const base = await baseSources(headScope, headFound, files);
    const baseFound = rootsOf(base.sources, { inScope: () => true }, base.unreadable, base.charts);
    const reads = baseFound.allJobs.filter((job) => readsChange(job, changed));
    const tree = await files.write(reads.flatMap((job) => [...job.inputs.dirs, ...job.inputs.files]));
    try {
        const baseScope = { ...headScope, boundary: repoBoundaryOf(tree.checkout) };
        const renderer = await createRenderer(options.renderer ?? "auto", {
            limits: options.limits?.render,
            allowRemote: headScope.settings.allowRemote,
        });
        const baseRoots = affectedRoots(baseScope, baseFound, changed);
        const compared = await compareSides(renderer, baseRoots, head, limits);
        const rendered = new Set(compared.images.map((i) => [image_ref_normalizeImageName(i.image), i.from, i.to].join(" ")));
        const candidates = [...changed]
            .filter((f) => diff_MANIFEST.test(f) && !headFound.used.has(f) && !baseFound.used.has(f) && !headScope.excluded(f))
            .sort();
        const baseTexts = await files.read(candidates);
        const pinned = pinnedImageChanges(candidates.map((file) => ({
            file,
            base: baseTexts.get(file)?.toString("utf8"),
            head: headTextOf(options.dir, file, headScope.parseLimits.maxFileBytes),
        }))).filter((i) => !rendered.has([image_ref_normalizeImageName(i.image), i.from, i.to].join(" ")));
        return { ...result, ...compared, images: [...compared.images, ...pinned] };
    }
    finally {
        await tree.remove();
    }
}
async function compareSides(renderer, base, head, limits) {
    const names = [...new Set([...base, ...head].map((r) => r.name))].sort();
    const find = (side, name) => side.find((r) => r.name === name);
    const tasks = names.flatMap((name) => [find(base, name), find(head, name)]);
    const renders = await mapConcurrent(tasks, async (root) => root?.render(renderer));
    const roots = [];
    const images = [];
    const unchanged = [];
    names.forEach((name, i) => {
        const [b, h] = [renders[2 * i], renders[2 * i + 1]];
        const deployedBy = (find(head, name) ?? find(base, name))?.deployedBy ?? [];
        const problem = [b && !b.ok && `base: ${b.problem}`, h && !h.ok && `head: ${h.problem}`].filter(Boolean).join("; ");
        if (problem) {
            roots.push({ root: name, deployedBy, counts: countsOf([]), objects: [], problem });
            return;
        }
        const objects = (side) => (side?.ok ? side.objects : undefined);
        const compared = previewRoot(name, deployedBy, objects(b), objects(h), limits);
        if (compared.preview.objects.length === 0)
            unchanged.push(name);
        else
            roots.push(compared.preview);
        images.push(...compared.images);
    });
    return { roots, images, unchanged };
}
/** A changed file as the work tree has it (a chart's values too, which discovery leaves out). */
function headTextOf(dir, file, maxBytes) {
    const full = external_node_path_default().join(dir, file);
    if (!(0,external_node_fs_.existsSync)(full) || !(0,external_node_fs_.lstatSync)(full).isFile() || (0,external_node_fs_.lstatSync)(full).size > maxBytes)
        return undefined;
    return (0,external_node_fs_.readFileSync)(full, "utf8");
}

;// CONCATENATED MODULE: ./src/preview/format/text.ts

const MARK = { added: "+", removed: "-", modified: "~", renamed: ">" };
/** For a terminal and a job log: everything, nothing cut but --max-lines. */
function diffText(result) {
    const lines = [headline(result)];
    if (result.images.length) {
        lines.push("", "Images:");
        for (const image of result.images)
            lines.push(`  ${image.image}  ${versionText(image.from)} -> ${versionText(image.to)}  in ${imageWhere(image)}`);
    }
    for (const root of result.roots) {
        lines.push("", `${rootTitle(root)}: ${root.problem ? `not compared: ${root.problem}` : countsText(root.counts)}`);
        for (const object of root.objects) {
            lines.push(`  ${MARK[object.change]} ${object.change} ${objectTitle(object)}`);
            const hash = hashLine(object);
            if (hash)
                lines.push(`      ${hash}`);
            if (object.diff)
                lines.push(...object.diff.split("\n").map((l) => `    ${l}`));
            if (object.cut)
                lines.push(`    … ${object.cut} more line(s) (raise --max-lines)`);
        }
    }
    if (result.unchanged.length)
        lines.push("", `Render the same: ${result.unchanged.join(", ")}`);
    return `${lines.join("\n")}\n`;
}

;// CONCATENATED MODULE: ./src/files/temp-file.ts




/**
 * Writes `content` to a new file beside `target` and returns its path: a random name, created
 * exclusively and without following links, so a symlink planted under a predictable temp name
 * cannot send the bytes elsewhere. The caller renames it over the target.
 */
function writeTempBeside(target, content, mode = 0o644) {
    const temporary = external_node_path_default().join(external_node_path_default().dirname(target), `.${external_node_path_default().basename(target)}.${(0,external_node_crypto_.randomBytes)(8).toString("hex")}.tmp`);
    const fd = (0,external_node_fs_.openSync)(temporary, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW, mode);
    try {
        (0,external_node_fs_.writeSync)(fd, content);
    }
    catch (error) {
        (0,external_node_fs_.closeSync)(fd);
        (0,external_node_fs_.rmSync)(temporary, { force: true });
        throw error;
    }
    (0,external_node_fs_.closeSync)(fd);
    return temporary;
}
/** The target as it is on disk, without following a link; undefined when it does not exist. */
function lstatOrUndefined(file) {
    try {
        return (0,external_node_fs_.lstatSync)(file);
    }
    catch {
        return undefined;
    }
}
/** Refuses to replace anything but a regular file (or nothing): never a link, a directory or a device. */
function refuseNonRegular(target, what) {
    const existing = lstatOrUndefined(target);
    if (existing?.isSymbolicLink())
        throw new src_errors/* PathError */.ER(`${target} is a symlink; gitops-ci never writes ${what} through one (remove it)`);
    if (existing && !existing.isFile())
        throw new src_errors/* PathError */.ER(`${target} exists and is not a regular file`);
}

;// CONCATENATED MODULE: ./src/files/report-file.ts



/**
 * Writes a report (or any file the suite makes for the job), redacted, never through a symlink:
 * a PR can commit `gl-code-quality-report.json -> ~/.ssh/authorized_keys`. The text goes to a
 * new file with a random name, created exclusively without following links, then renamed over
 * the target, so a reader never sees half a report either.
 */
function writeReportFile(target, text) {
    refuseNonRegular(target, "a report");
    (0,external_node_fs_.renameSync)(writeTempBeside(target, redact(text)), target);
}

;// CONCATENATED MODULE: ./src/forge/forge.ts

/** The host answered with an error the user must act on (auth, permission, missing repo or branch). */
class ForgeError extends src_errors/* GitopsCiError */.p {
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
    if (error instanceof ForgeError)
        return error;
    const status = error.status;
    const message = error.response?.data?.message ?? error.message;
    const said = message ? ` ${message}` : "";
    switch (status) {
        case 401:
            return new ForgeError(`${what}: ${host.product} rejected the token (401${said}); check that it is valid and not expired`, 401);
        case 403:
            return new ForgeError(`${what}: the token may not do this in ${host.repo} (403${said}); it needs ${host.needs}`, 403);
        case 404:
            return new ForgeError(`${what}: ${host.repo} not found, or the token cannot see it (404${said})`, 404);
        case 422:
            return new ForgeError(`${what} in ${host.repo} was refused (422${said})`, 422);
        default:
            return new ForgeError(`${what} in ${host.repo} failed${status ? ` (${status})` : ""}: ${message}`, status);
    }
}

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
function batches_batchesOf(items, size) {
    const batches = [];
    for (let i = 0; i < items.length; i += size)
        batches.push(items.slice(i, i + size));
    return batches;
}

;// CONCATENATED MODULE: ./src/forge/retry-policy.ts
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

;// CONCATENATED MODULE: ./src/retry.ts

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
        const delay = asked ?? backoffDelay(plan.backoff, Math.min(n - 1, 30));
        const elapsedMs = Date.now() - startedAt;
        const tooLong = asked !== undefined && plan.maxAskedWaitMs !== undefined && asked > plan.maxAskedWaitMs;
        if (tooLong || n > plan.maxRetries || elapsedMs + delay > plan.deadlineMs)
            return exhausted({ attempts: n, elapsedMs, why: outcome.why });
        plan.onWait?.(n, delay, outcome.why);
        await sleep(delay);
    }
}

;// CONCATENATED MODULE: ./src/forge/create-once.ts


/**
 * A POST that creates something is not retried blindly: a 5xx or a dropped connection may come
 * after the host made the object. Before each retry the object is looked up; if the failed attempt
 * made it, that is the answer, so at most one exists after any sequence of faults.
 */
async function createOnce(options) {
    let failed;
    return retry({
        ...planOf(options.policy),
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
class HostTooOldError extends ForgeError {
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
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 3 modules
var dist_src = __webpack_require__(11267);
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
            await sleep(wait);
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
    return retry({
        ...planOf(policy),
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
        const jitter = kind === "secondary" ? backoffDelay(policy, retryCount) : 0;
        const key = options.request ?? options;
        const total = (waited.get(key) ?? 0) + asked + jitter;
        if (asked > policy.maxRateLimitWaitMs || total > policy.maxRateLimitTotalWaitMs) {
            log(`GitHub ${kind} rate limit: not waiting ${retryAfterSeconds}s`);
            return false;
        }
        log(`GitHub ${kind} rate limit: waiting ${((asked + jitter) / 1000).toFixed(1)}s`);
        waited.set(key, total);
        await sleep(jitter);
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
            throw new ForgeError(`GitHub repository "${options.repo}" must be owner/name`);
        this.repo = options.repo;
        this.owner = owner;
        this.name = name;
        const policy = options.retry ?? DEFAULT_RETRY_POLICY;
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
        const [first = [], ...rest] = batches_batchesOf(paths, READ_BATCH);
        const data = await this.graphql(this.filesQuery("ref", first), { ...this.fileVariables(first), at: `refs/heads/${branch}` }, `read ${branch}`);
        const target = data.repository?.ref?.target;
        if (!target)
            throw new BranchNotFoundError(`branch "${branch}" does not exist in ${this.repo}`);
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
                throw new ForgeError(`${path} in ${this.repo} is not a text file`);
            if (blob.isTruncated)
                throw new ForgeError(`${path} in ${this.repo} is too large to read through the API`);
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
        const batches = batches_batchesOf(check.annotations, 50);
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
                throw new ForgeError(`${this.repo} does not allow auto-merge: enable "Allow auto-merge" in the repository settings (${message})`);
            }
            if (/(clean|unstable) status/i.test(message))
                throw new AlreadyMergeableError(`#${number} can merge now: GitHub has no required check to wait for (${message})`);
            if (/protected branch rules/i.test(message)) {
                throw new ForgeError(`auto-merge needs branch protection with required checks on the base branch of #${number}; without it GitHub merges only by hand (${message})`);
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
                throw new ForgeError(`repository ${this.repo} not found, or the token cannot see it`, 404);
            return data.repository.id;
        });
        return this.repositoryNodeId;
    }
    async branchHeadOrNull(branch) {
        try {
            return (await this.readFiles(branch, [])).head;
        }
        catch (error) {
            if (error instanceof BranchNotFoundError)
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
                throw new ForgeError(`${what}: repository ${this.repo} not found, or the token cannot see it (${errors[0]?.message})`, 404);
            }
            if (errors?.length)
                throw new ForgeError(`${what} in ${this.repo} failed: ${errors.map((e) => e.message).join("; ")}`);
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
            throw new ForgeError(`GitLab project "${options.repo}" must be group/project`);
        this.repo = options.repo;
        this.token = options.token;
        this.policy = options.retry ?? DEFAULT_RETRY_POLICY;
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
        const read = await Promise.all(batches_batchesOf(paths, gitlab_READ_BATCH).map((batch) => this.readBlobs(head, batch)));
        return { branch, head, files: new Map(read.flat()) };
    }
    /** One batch: fewer paths than a page holds (100 nodes), so one request reads them all. */
    async readBlobs(ref, paths) {
        const query = `query($project: ID!, $ref: String!, $paths: [String!]!) {
  project(fullPath: $project) { repository { blobs(ref: $ref, paths: $paths) { nodes { path rawBlob } } } }
}`;
        const data = await this.graphql(query, { project: this.repo, ref, paths });
        if (!data.project)
            throw new ForgeError(`GitLab project ${this.repo} not found, or the token cannot see it`, 404);
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
            if (error instanceof BranchNotFoundError)
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
                throw new ForgeError(`no GitLab user named "${username}" to ask for review`);
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
        await retry({
            ...planOf(this.policy),
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
            throw new NoPipelineYetError(`merge request !${number} has no pipeline yet; setting auto-merge now would merge it at once, untested`);
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
                throw new BranchNotFoundError(`branch "${branch}" does not exist in ${this.repo}`, 404);
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
            throw new ForgeError(`reading ${this.repo} failed: ${(body.errors ?? []).map((e) => e.message).join("; ")}`);
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
    throw new src_errors/* UsageError */.eb("cannot tell whether the config repo is on GitHub or GitLab: give --forge github|gitlab");
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
            registerSecret(value);
            return value;
        }
    }
    throw new UsageError(`no token for the config repo: set ${names.join(" or ")} (the token itself never goes on the command line)`);
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
        throw new src_errors/* UsageError */.eb(`${shown} is not a URL`);
    }
    if (parsed.username || parsed.password) {
        for (const part of [parsed.password, parsed.username, decodeURIComponent(parsed.password)])
            secrets_registerSecret(part);
        throw new src_errors/* UsageError */.eb(`${shown} carries credentials (${redact(url)}): remove them; the token goes in GITOPS_TOKEN (or --token-variable), never in a URL`);
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
        throw new src_errors/* UsageError */.eb(`${shown} must be an http(s) URL, not ${parsed.protocol}`);
    return url;
}
function connectForge(options) {
    const env = options.env ?? process.env;
    const kind = options.kind ?? detectForgeKind(env, options.apiUrl);
    secrets_registerSecret(options.token);
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

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
;// CONCATENATED MODULE: ./src/gate/young-generation.ts

/**
 * The checks allocate mostly short-lived objects (parsed documents, validator results). V8 keeps
 * doubling its young generation while they do, which on a 10,200-resource repository adds about
 * 30 MiB of peak memory (120 -> 88 MiB) and saves no CPU time (npm run bench:gate-scale). Set
 * once by the CLI and the action before validate allocates; a flag this V8 lacks is ignored.
 */
function keepYoungGenerationSmall() {
    (0,external_node_v8_.setFlagsFromString)("--semi-space-growth-factor=1");
}

;// CONCATENATED MODULE: ./src/gate/reporters/codequality.ts


/**
 * GitLab Code Quality (artifacts:reports:codequality): the fingerprint is stable across runs, so
 * GitLab shows which findings an MR introduced or fixed.
 */
const codeQualityReporter = (report) => `${JSON.stringify(report.findings.map((f) => ({
    description: `${f.message}. ${f.hint}`,
    check_name: f.rule,
    fingerprint: (0,external_node_crypto_.createHash)("sha256")
        .update(`${f.rule}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`)
        .digest("hex"),
    severity: f.severity === "error" ? "major" : f.severity === "warning" ? "minor" : "info",
    location: { path: repoFile(report, f.file), lines: { begin: f.line } },
})), null, 2)}\n`;

;// CONCATENATED MODULE: ./src/gate/reporters/json.ts
/** The public contract: exactly { findings: [...], summary: {...} }. */
const jsonReporter = ({ findings, summary }) => `${JSON.stringify({
    findings: findings.map(({ rule, severity, file, line, column, message, hint }) => ({
        rule,
        severity,
        file,
        line,
        column,
        message,
        hint,
    })),
    summary,
}, null, 2)}\n`;

;// CONCATENATED MODULE: ./src/gate/reporters/junit.ts

const escapeXml = (s) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
/**
 * JUnit XML (artifacts:reports:junit): one test case per file with findings at or above
 * --fail-on, failing with every such finding in it, so GitLab's test report lists them by file and
 * agrees with the exit code; a run that passes is one passing case.
 */
const junitReporter = (report) => {
    const findings = report.findings.filter((f) => fails(f.severity, report.failOn));
    const byFile = new Map();
    for (const f of findings)
        byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    const cases = [...byFile].map(([file, list]) => {
        const failures = list
            .map((f) => `      <failure type="${escapeXml(f.rule)}" message="${escapeXml(`${f.file}:${f.line}:${f.column}: ${f.message}`)}">${escapeXml(`${f.severity}: ${f.message}\nhint: ${f.hint}`)}</failure>`)
            .join("\n");
        return `    <testcase classname="gitops-ci.validate" name="${escapeXml(file)}">\n${failures}\n    </testcase>`;
    });
    if (cases.length === 0)
        cases.push(`    <testcase classname="gitops-ci.validate" name="config repository"/>`);
    const failed = byFile.size;
    return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="gitops-ci validate" tests="${Math.max(1, byFile.size)}" failures="${failed}">
  <testsuite name="gitops-ci validate" tests="${Math.max(1, byFile.size)}" failures="${failed}">
${cases.join("\n")}
  </testsuite>
</testsuites>
`;
};

;// CONCATENATED MODULE: ./src/gate/reporters/sarif.ts

/** SARIF 2.1.0 for GitHub code scanning: one rule per rule id, one result per finding. */
const sarifReporter = (report) => {
    const { findings } = report;
    const ruleIds = [...new Set(findings.map((f) => f.rule))].sort();
    const sarif = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "gitops-ci validate",
                        informationUri: "https://github.com/gitops-ci/gitops-ci#gitops-ci-validate-in-progress",
                        rules: ruleIds.map((id) => ({
                            id,
                            name: id,
                            shortDescription: { text: id },
                            help: { text: findings.find((f) => f.rule === id)?.hint ?? "" },
                        })),
                    },
                },
                results: findings.map((f) => ({
                    ruleId: f.rule,
                    ruleIndex: ruleIds.indexOf(f.rule),
                    level: f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "note",
                    message: { text: `${f.message}. ${f.hint}` },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: repoFile(report, f.file) },
                                region: { startLine: f.line, startColumn: f.column },
                            },
                        },
                    ],
                })),
            },
        ],
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
};

;// CONCATENATED MODULE: ./src/gate/reporters/text.ts

/** For people: one finding per line as file:line:column, its hint below, a summary last. */
const textReporter = ({ findings, summary: s }) => {
    const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${f.message}\n    hint: ${f.hint}`);
    lines.push(`${s.roots} root(s), ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped; ${s.errors} error(s), ${s.warnings} warning(s).`);
    if (s.checkedNothing)
        lines.push(CHECKED_NOTHING);
    return `${lines.join("\n")}\n`;
};

;// CONCATENATED MODULE: ./src/gate/reporters/index.ts






const REPORTERS = {
    text: textReporter,
    json: jsonReporter,
    sarif: sarifReporter,
    junit: junitReporter,
    codequality: codeQualityReporter,
    markdown: markdownReporter,
};

;// CONCATENATED MODULE: ./src/commands/shared-options.ts
/** Options several commands share, with the same words on every surface (see src/surfaces/). */
const JSON_OPTION = {
    type: "boolean",
    default: false,
    help: "Print the outputs as one JSON object.",
    surfaces: ["cli"],
    why: "the action and the component have outputs",
};
/** `--dotenv`, which the command's component always sets to its own report file. */
function dotenvOption(file) {
    return {
        type: "string",
        value: "<file>",
        help: "Also write the outputs as GITOPS_CI_<OUTPUT> lines for GitLab's artifacts:reports:dotenv.",
        surfaces: ["cli"],
        why: `the component always writes ${file}; the action sets outputs`,
        componentFixed: file,
    };
}
const TOKEN_VARIABLE_OPTION = {
    type: "string",
    aliases: [{ name: "token-env", on: ["cli"] }],
    value: "<NAME>",
    help: "Name of the variable holding the config repo's token (default: GITOPS_TOKEN, then GITHUB_TOKEN / GITLAB_TOKEN); the token itself never goes on the command line.",
    surfaces: ["cli", "component"],
    componentDefault: "GITOPS_TOKEN",
    why: "the action takes the token itself",
};
/** The host: asked on the CLI only; each action runs on GitHub, each component on GitLab. */
const FORGE_OPTION = {
    type: "string",
    choices: ["github", "gitlab"],
    value: "<kind>",
    help: "github or gitlab (default: detected from the CI runner or api-url).",
    surfaces: ["cli"],
    why: "the action runs on GitHub, the component on GitLab",
    componentFixed: "gitlab",
};
/** The action's token input, described for what the command does with it. */
function actionTokenOption(help) {
    return {
        secret: true,
        type: "string",
        help,
        surfaces: ["action"],
        why: "the CLI and the component read the token from a variable (token-variable)",
    };
}
/** Where charts with their own value names keep an image (set-image and promote; src/pins/values-keys.ts). */
const KEY_OPTION = {
    type: "string",
    list: true,
    words: true,
    inputName: "keys",
    value: "<parts>",
    help: "Where a chart that does not use repository/tag keeps an image, one a line: tag=<path> (for the one image given), name=<path>,tag=<path>[,digest=<path>], or image=<path> for a whole reference. Paths in Helm's --set notation (api.imageVersion, sidecars[0].image), which are also the names of an Argo CD Application's helm.parameters. With keys, only they are read in values.",
};
/** Values files that content alone would take for Kubernetes objects. */
const VALUES_OPTION = {
    type: "boolean",
    default: false,
    help: "Read every file of path as Helm values, whatever it holds: for a values file whose top level has apiVersion and kind keys, which would otherwise be read as an object.",
};
/** The pin flags of a command's option values (`policy`, `key`, `values`), as its command takes them. */
function pinFlagsOf(values) {
    return { policies: values.policy, keys: values.key, values: values.values };
}

;// CONCATENATED MODULE: ./src/commands/validate/options.ts

/** Every option of `validate`, on every surface (see src/surfaces/). */
const VALIDATE_OPTIONS = {
    dir: { type: "string", default: ".", value: "<checkout>", help: "The config repo checkout." },
    renderer: {
        type: "string",
        default: "auto",
        choices: ["auto", "kustomize", "kubectl", "none"],
        value: "<r>",
        help: "auto (kustomize, else kubectl kustomize), kustomize, kubectl, or none (raw files only).",
    },
    "cache-dir": {
        type: "string",
        value: "<dir>",
        help: "Keep renders in this directory, keyed by the content of every file a root reads, the renderer and its version: a later run re-renders only the roots whose inputs changed. Point the platform's cache at it (the component does); git must not track it.",
        componentDefault: ".gitops-ci-render-cache",
    },
    threads: {
        type: "string",
        default: "auto",
        value: "<n|auto>",
        help: "Threads that read and check the files, this one included: auto uses the cores this process may use, 1 reads in one thread. A repository gets at most one thread per 4 MiB of YAML, so below 8 MiB it is read in one.",
    },
    shard: {
        type: "string",
        value: "<i>/<n>",
        help: "Check only the i-th of n shares of the roots (split the same way by every job, balanced by their input size), write this shard's report (shard-report) and publish nothing; exit 0 once the report is written. On GitLab, parallel: N sets it (CI_NODE_INDEX/CI_NODE_TOTAL).",
    },
    "shard-report": {
        type: "string",
        value: "<file>",
        help: "Where --shard writes its report (default gitops-ci-validate-shard-<i>-of-<n>.json).",
    },
    "merge-reports": {
        type: "string",
        list: true,
        value: "<file|dir>",
        help: "Combine the shards' reports (files, or directories holding them) into the one verdict, reported and published as a single run's; every shard of the split must be there.",
    },
    "sealed-secrets-cert": {
        type: "string",
        value: "<path>",
        help: "The PEM certificate kubeseal --fetch-cert prints, relative to dir; sealed values must match its key size (default 4096-bit).",
    },
    format: {
        type: "string",
        default: "text",
        choices: ["text", "json", "sarif", "junit", "codequality", "markdown"],
        value: "<f>",
        help: "text, json, sarif (GitHub code scanning), junit, codequality (GitLab artifacts:reports), or markdown.",
        surfaces: ["cli"],
        why: "the action and the component write the reports their host reads (SARIF; Code Quality and JUnit)",
    },
    output: {
        type: "string",
        value: "<file>",
        help: "Write the report there instead of stdout.",
        surfaces: ["cli"],
        why: "see format",
    },
    report: {
        type: "string",
        list: true,
        value: "<format>=<file>",
        help: "Also write a report in another format, e.g. --report codequality=gl-code-quality.json.",
        surfaces: ["cli"],
        why: "the action has sarif; the component always writes Code Quality and JUnit reports",
    },
    sarif: {
        type: "string",
        help: "Also write the findings as SARIF to this file, for github/codeql-action/upload-sarif.",
        surfaces: ["action"],
        why: "the CLI writes it with --report sarif=<file>; GitLab reads Code Quality",
    },
    "fail-on": {
        type: "string",
        default: "error",
        choices: ["error", "warning"],
        value: "<severity>",
        help: "Fail on findings of this severity or worse (error or warning).",
    },
    "base-ref": {
        type: "string",
        value: "<ref>",
        help: "Check only what changed since this git ref (fetch it first): the changed files, and the kustomization roots that read any of them; judged by that commit's .gitops-ci.yaml.",
    },
    diff: {
        type: "boolean",
        default: false,
        help: "Also preview what the change deploys (needs base-ref): each affected root rendered at the base commit and in the checkout, compared object by object, secret values redacted; below the findings in the PR/MR note, in the job summary and in the job log.",
    },
    "kubernetes-version": {
        type: "string",
        value: "<v>",
        help: "The target cluster's Kubernetes version, e.g. 1.33; API versions it does not serve are errors. Empty checks against the newest shipped schemas.",
    },
    strict: {
        type: "boolean",
        help: "Reject fields the schemas do not define (typos the API server would silently drop). Unset follows the repository's .gitops-ci.yaml, else off.",
    },
    "schema-dir": {
        type: "string",
        value: "<dir>",
        help: "More schemas, relative to dir, for CRDs the repo does not define; CRD manifests or <group>/<kind>_<version>.json files.",
    },
    exclude: {
        type: "string",
        list: true,
        value: "<glob>",
        help: "Leave these paths out (relative to dir; * ** ?, dir/ for all under it); adds to .gitops-ci.yaml's exclude.",
        surfaces: ["cli"],
        why: "in a pipeline the repository's .gitops-ci.yaml holds exclusions, reviewed like any change",
    },
    "print-config": {
        type: "boolean",
        default: false,
        help: "Print the settings the run would use (flags, then .gitops-ci.yaml, then defaults) and where the policy came from, and exit.",
        surfaces: ["cli"],
        why: "a local question",
    },
    "list-roots": {
        type: "boolean",
        default: false,
        help: "Print every root and how it is rendered, and exit.",
        surfaces: ["cli"],
        why: "a local question",
    },
    "allow-remote": {
        type: "boolean",
        default: false,
        help: "Fetch remote bases and resources (URLs, git repositories) while rendering. This lets the repository's content make the runner fetch URLs; never set it for untrusted changes. Off, they are remote-resource errors.",
    },
    publish: {
        type: "boolean",
        default: false,
        help: "Publish the verdict: the check run (GitHub; a commit status with a personal access token) or commit status (GitLab) gitops-ci/validate on the commit, and one PR/MR note with the findings, updated in place on every run.",
        surfaces: ["cli", "component"],
        why: "the action always publishes its check run when its token may",
        componentDefault: true,
    },
    repo: {
        type: "string",
        value: "<repo>",
        help: "The config repo to publish to (default: GITHUB_REPOSITORY / CI_PROJECT_PATH).",
        surfaces: ["cli"],
        why: "the runner says it",
    },
    sha: {
        type: "string",
        value: "<sha>",
        help: "The commit to publish on (default: the PR head / CI_COMMIT_SHA).",
        surfaces: ["cli"],
        why: "the runner says it",
    },
    "change-request": {
        type: "string",
        value: "<n>",
        help: "The PR/MR number for the note (default: the event's PR / CI_MERGE_REQUEST_IID).",
        surfaces: ["cli"],
        why: "the runner says it",
    },
    forge: {
        type: "string",
        choices: ["github", "gitlab"],
        value: "<kind>",
        help: "github or gitlab (default: detected from the CI runner).",
        surfaces: ["cli"],
        why: "each action and component knows its host",
        componentFixed: "gitlab",
    },
    "api-url": {
        type: "string",
        value: "<url>",
        help: "REST API base for publish; empty uses the one the pipeline runs on (GITHUB_API_URL / CI_API_V4_URL).",
        surfaces: ["cli", "component"],
        why: "the action publishes to the repository the workflow runs in",
    },
    "token-variable": {
        ...TOKEN_VARIABLE_OPTION,
        help: "Name of the variable holding the token for publish (default: GITOPS_TOKEN, then GITHUB_TOKEN / GITLAB_TOKEN); the token itself never goes on the command line.",
    },
    token: {
        secret: true,
        type: "string",
        help: "Token that writes the gitops-ci/validate check run with the findings as annotations (needs checks write); without it, or without that permission, findings are annotated through workflow commands.",
        surfaces: ["action"],
        actionDefault: "${{ github.token }}",
        why: "the CLI and the component read the token from a variable (token-variable)",
    },
};

;// CONCATENATED MODULE: ./src/surfaces/option-table.ts
function offeredOn(spec, surface) {
    return spec.surfaces === undefined || spec.surfaces.includes(surface);
}
/**
 * The environment variable the CLI falls back to for an option: `GITOPS_CI_INPUT_FAIL_ON`. Not
 * `GITOPS_CI_<OPTION>`: that is how outputs reach later GitLab jobs (dotenv), and GitLab lets a
 * dotenv variable outrank a job's own variables, so an earlier job's output would become an input.
 */
function envName(option) {
    return `GITOPS_CI_INPUT_${option.toUpperCase().replaceAll("-", "_")}`;
}
/** The option's name on one surface: the flag, the action input, the component input. */
function nameOn(option, spec, surface) {
    if (surface === "cli")
        return option;
    if (surface === "component" && spec.componentName)
        return spec.componentName;
    return spec.inputName ?? option;
}
/** The option's old names on one surface. */
function aliasesOn(spec, surface) {
    return (spec.aliases ?? []).filter((a) => a.on === undefined || a.on.includes(surface)).map((a) => a.name);
}
/** The option's default on one surface, as that surface writes it. */
function defaultOn(spec, surface) {
    const base = "default" in spec ? spec.default : undefined;
    if (surface === "component" && spec.componentDefault !== undefined)
        return spec.componentDefault;
    if (surface === "action" && spec.actionDefault !== undefined)
        return spec.actionDefault;
    return base;
}

;// CONCATENATED MODULE: ./src/surfaces/read-values.ts


/**
 * Turns raw values into typed ones: defaults filled, switches read as true/false, numbers and
 * choices checked. An option's old name (an alias) is still read, and warns.
 */
function readValues(table, source) {
    const values = {};
    for (const [name, spec] of Object.entries(table)) {
        const own = nameOn(name, spec, source.surface);
        let given = blankToUndefined(source.read(own, spec));
        let shown = source.shown(own);
        for (const alias of source.aliases?.(spec) ?? aliasesOn(spec, source.surface)) {
            const old = blankToUndefined(source.read(alias, spec));
            if (old === undefined)
                continue;
            source.warn(`${source.shown(alias)} is deprecated; use ${source.renamed?.(alias, own) ?? shown}`);
            // The old name wins: a component passes every input, so the new one may hold only its default.
            [given, shown] = [old, source.shown(alias)];
        }
        // Required where it is offered: the release action's token is no CLI flag.
        values[name] = typed(offeredOn(spec, source.surface) ? spec : { ...spec, required: undefined }, given, shown);
    }
    return values;
}
function blankToUndefined(value) {
    if (value === "" || (Array.isArray(value) && value.length === 0))
        return undefined;
    return value;
}
function typed(spec, given, shown) {
    if (spec.type === "string" && spec.list) {
        const list = listOf(given, spec.words === true);
        if (list.length === 0 && spec.required)
            throw new src_errors/* UsageError */.eb(`give at least one ${shown}`);
        return list;
    }
    if (given === undefined && spec.required)
        throw new src_errors/* UsageError */.eb(`give ${shown}`);
    if (spec.type === "boolean")
        return booleanOf(given, spec.default, shown);
    if (spec.type === "number")
        return numberOf(given, spec.default, shown);
    const value = given === undefined ? spec.default : String(given);
    if (value === undefined)
        return undefined;
    const chosen = spec.synonyms?.[value] ?? value;
    if (spec.choices && !spec.choices.includes(chosen))
        throw new src_errors/* UsageError */.eb(`${shown} must be one of ${spec.choices.join(", ")}, not "${value}"`);
    return chosen;
}
/** A list given once per flag, or one item a line (a variable, an input); `words` splits on any space. */
function listOf(given, words) {
    if (given === undefined)
        return [];
    const items = Array.isArray(given) ? given : String(given).split("\n");
    return items
        .flatMap((item) => (words ? item.split(/\s+/) : item.split("\n")))
        .map((item) => item.trim())
        .filter((item) => item !== "");
}
function booleanOf(given, fallback, shown) {
    if (given === undefined)
        return fallback;
    if (typeof given === "boolean")
        return given;
    if (given === "true")
        return true;
    if (given === "false")
        return false;
    throw new src_errors/* UsageError */.eb(`${shown} is true or false, not "${String(given)}"`);
}
function numberOf(given, fallback, shown) {
    if (given === undefined)
        return fallback;
    const n = Number(given);
    if (typeof given !== "string" || given.trim() === "" || !Number.isFinite(n) || n <= 0)
        throw new src_errors/* UsageError */.eb(`${shown} must be a positive number, not "${String(given)}"`);
    return n;
}

;// CONCATENATED MODULE: ./src/surfaces/action-inputs.ts




/**
 * The action's inputs, from the table: empty is unset, lists are one item a line; options it does
 * not offer keep their defaults. An old input name still works; the runner prints its
 * `deprecationMessage` and this warns once more, naming the new one. Credentials are masked first.
 */
function readActionInputs(table) {
    for (const [name, spec] of Object.entries(table)) {
        const value = spec.secret && offeredOn(spec, "action") ? core/* getInput */.V4(name) : "";
        if (value) {
            core/* setSecret */.Pq(value);
            secrets_registerSecret(value);
        }
    }
    return readValues(table, {
        surface: "action",
        read: (name, spec) => {
            if (!offeredOn(spec, "action"))
                return undefined;
            return spec.type === "string" && spec.list ? core/* getMultilineInput */.q3(name) : core/* getInput */.V4(name);
        },
        shown: (name) => `input ${name}`,
        warn: (message) => core/* warning */.$e(message),
    });
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 3 modules
var github = __webpack_require__(60722);
;// CONCATENATED MODULE: ./src/platform/actions-context.ts

/** The repository the workflow runs in, or undefined outside a workflow (the getter throws there). */
function repositoryOf(context) {
    try {
        const { owner, repo } = context.repo;
        return `${owner}/${repo}`;
    }
    catch {
        return undefined;
    }
}
/** Where a change comes from, as the runner's context says: the commit and the run, for messages. */
function actionSourceContext(context = github/* context */._) {
    const repo = repositoryOf(context);
    if (!repo)
        return {};
    const project = `${context.serverUrl}/${repo}`;
    return {
        repo,
        sha: context.sha || undefined,
        commitUrl: context.sha ? `${project}/commit/${context.sha}` : undefined,
        runUrl: Number.isFinite(context.runId) && context.runId > 0 ? `${project}/actions/runs/${context.runId}` : undefined,
    };
}
/**
 * The change under review: on a pull request its head (the context's sha is the merge commit
 * there) and number, from the event payload; else the commit the workflow runs on.
 */
function actionReviewContext(context = github/* context */._) {
    const pull = context.payload.pull_request;
    const head = pull?.head?.sha;
    return { repo: repositoryOf(context), sha: head ?? (context.sha || undefined), changeRequest: pull?.number };
}

;// CONCATENATED MODULE: ./src/platform/workflow-annotations.ts

/** GitHub shows at most this many error, warning and notice annotations of one step; the rest vanish. */
const ANNOTATIONS_SHOWN_PER_KIND = 10;
const workflow_annotations_SEVERITIES = ["error", "warning", "info"];
const KIND = { error: "error", warning: "warning", info: "notice" };
const EMIT = {
    error: core/* error */.z3,
    warning: core/* warning */.$e,
    info: core/* notice */.lm,
};
/**
 * Findings as workflow-command annotations, for when no check run carries them. GitHub drops
 * every annotation past the tenth of a kind without a word, so when some would be dropped, a
 * notice says first how many (it takes one of the notices' places, so it is never the one
 * dropped), and those findings go to the job log as plain lines. Returns how many were not annotated.
 */
function annotateFindings(findings, fileOf) {
    const of = (severity) => findings.filter((f) => f.severity === severity);
    const overflow = workflow_annotations_SEVERITIES.some((s) => of(s).length > ANNOTATIONS_SHOWN_PER_KIND);
    const cap = (s) => (s === "info" && overflow ? ANNOTATIONS_SHOWN_PER_KIND - 1 : ANNOTATIONS_SHOWN_PER_KIND);
    const hidden = workflow_annotations_SEVERITIES.map((s) => ({ severity: s, findings: of(s).slice(cap(s)) })).filter((h) => h.findings.length);
    if (hidden.length)
        core/* notice */.lm(`gitops-ci: ${hidden.map((h) => `${h.findings.length} more ${KIND[h.severity]}(s)`).join(", ")} not annotated: GitHub shows ${ANNOTATIONS_SHOWN_PER_KIND} annotations of each kind per step. They are listed in the job log and the job summary.`);
    for (const severity of workflow_annotations_SEVERITIES)
        for (const f of of(severity).slice(0, cap(severity)))
            EMIT[severity](`${f.message}. ${f.hint}`, {
                title: `gitops-ci: ${f.rule}`,
                file: fileOf(f),
                startLine: f.line,
                startColumn: f.column,
            });
    for (const f of hidden.flatMap((h) => h.findings))
        core/* info */.pq(`${fileOf(f)}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}. ${f.hint}`);
    return hidden.reduce((sum, h) => sum + h.findings.length, 0);
}

;// CONCATENATED MODULE: ./src/platform/github-action.ts


/**
 * Runs an action's body the way the GitHub runner expects: failures become an `::error::`
 * annotation and exit code 1 through core.setFailed (2 for a usage error, as the CLI); a non-suite
 * error keeps its stack in debug.
 */
async function runAction(body) {
    try {
        await body();
    }
    catch (error) {
        if (!(error instanceof src_errors/* GitopsCiError */.p))
            core/* debug */.Yz(error.stack ?? String(error));
        core/* setFailed */.C1(error.message);
        // The same exit codes as the CLI: the runner fails the step on any, people and scripts read them.
        if (error instanceof src_errors/* UsageError */.eb)
            process.exitCode = 2;
    }
}

;// CONCATENATED MODULE: ./src/platform/validate-action.ts


























/** GitHub keeps 1 MiB of a step's summary; the findings and the headline take the rest. */
const JOB_SUMMARY_PREVIEW_CHARS = 900_000;
/**
 * The validate action: inputs to the gate's verdict, published as a check and a PR comment, with
 * reports and outputs. `entry` is the script reader threads run (see src/gate/threads/).
 */
function runValidateAction(entry) {
    return runAction(() => validateAction(entry));
}
async function validateAction(entry) {
    const inputs = readActionInputs(VALIDATE_OPTIONS);
    if (inputs["merge-reports"].length) {
        if (inputs.shard)
            throw new src_errors/* UsageError */.eb("merge-reports combines the shards' reports: leave shard empty");
        const files = shardReportFiles(inputs["merge-reports"]);
        core/* info */.pq(`merging ${files.length} shard report(s): ${files.join(", ")}`);
        return deliver(mergeReports(files.map((file) => ({ file, report: readPartialReport(file) }))), inputs);
    }
    keepYoungGenerationSmall();
    const result = await validate({
        dir: inputs.dir,
        renderer: inputs.renderer,
        sealedSecretsCert: inputs["sealed-secrets-cert"],
        failOn: inputs["fail-on"],
        baseRef: inputs["base-ref"],
        kubernetesVersion: inputs["kubernetes-version"],
        // unset: the repository's .gitops-ci.yaml decides, else off
        strict: inputs.strict,
        schemaDir: inputs["schema-dir"],
        allowRemote: inputs["allow-remote"],
        cacheDir: inputs["cache-dir"],
        shard: inputs.shard ? parseShard(inputs.shard, "shard") : undefined,
        // The job log is no terminal: a line every ten seconds on long runs.
        progress: progressOn({ write: (line) => core/* info */.pq(line.trimEnd()) }),
        threads: threadOptions(entry, inputs.threads),
    });
    if (result.renderCache)
        core/* info */.pq(cacheUse(result.renderCache, inputs["cache-dir"]));
    const threads = threadsUse(result.read, result.timings);
    if (threads)
        core/* info */.pq(threads);
    if (result.partial) {
        const file = inputs["shard-report"] ?? partialFileName(result.partial.shard);
        writeReportFile(file, partialReportText(result.partial));
        core/* setOutput */.uH("shard-report", file);
        core/* info */.pq(`shard ${result.partial.shard.index}/${result.partial.shard.total}: report written to ${file}`);
        return;
    }
    await deliver(result, inputs, await previewOf(inputs));
}
/** With the diff input: the rendered diff against base-ref, for the PR comment and the job summary. */
async function previewOf(inputs) {
    if (!inputs.diff)
        return undefined;
    if (!inputs["base-ref"]) {
        core/* info */.pq("diff: no base-ref, so no rendered diff (it compares the change with its base, e.g. origin/<PR base>)");
        return undefined;
    }
    if (inputs.renderer === "none")
        throw new src_errors/* UsageError */.eb("diff renders both sides: it needs a renderer, not none");
    try {
        const preview = await diff({
            dir: inputs.dir,
            baseRef: inputs["base-ref"],
            renderer: inputs.renderer,
            allowRemote: inputs["allow-remote"],
        });
        core/* info */.pq(diffText(preview));
        return preview;
    }
    catch (error) {
        // the preview informs the review; the verdict stands without it
        if (!(error instanceof src_errors/* GitopsCiError */.p))
            throw error;
        core/* warning */.$e(`no rendered diff: ${error.message}`);
        return undefined;
    }
}
/** The verdict out: the check run (or annotations), SARIF, outputs, the job summary, the job's status. */
async function deliver(result, inputs, preview) {
    // Without a check run's annotations, workflow commands still show findings on the PR diff.
    const annotated = await publishCheckRun(result, inputs.token, preview);
    if (!annotated)
        annotateFindings(result.findings, (f) => repoFile(result, f.file));
    if (inputs.sarif)
        writeReportFile(inputs.sarif, REPORTERS.sarif(result));
    core/* setOutput */.uH("errors", String(result.summary.errors));
    core/* setOutput */.uH("warnings", String(result.summary.warnings));
    const s = result.summary;
    const rows = result.findings.map((f) => [f.severity, f.rule, `${f.file}:${f.line}:${f.column}`, f.message]);
    await core/* summary */.z
        .addHeading(result.failed ? "gitops-ci/validate: blocked" : "gitops-ci/validate: passed", 3)
        .addRaw(`${s.roots} roots, ${s.rendered} rendered (${s.resources} resources), ${s.skipped} skipped; ${s.errors} errors, ${s.warnings} warnings.\n\n`)
        .addRaw(s.checkedNothing ? `**${CHECKED_NOTHING}**\n\n` : "")
        .addRaw(rows.length ? `${markdownTable(["severity", "rule", "where", "finding"], rows)}\n` : "No findings.\n")
        .addRaw(preview ? `\n${redact(diffMarkdown(preview, { maxChars: JOB_SUMMARY_PREVIEW_CHARS }))}` : "")
        .write();
    if (result.failed)
        core/* setFailed */.C1(`${s.errors} error(s) and ${s.warnings} warning(s) at or above fail-on=${result.failOn}`);
}
/**
 * The findings and the preview in one PR comment, kept in place: reviewers read what the change
 * deploys beside why the gate said what it said. A token that may not comment loses only that.
 */
async function commentPreview(forge, result, target) {
    try {
        core/* info */.pq(`${await publishNote(forge, result, target)} the comment with the rendered diff on #${target.changeRequest}`);
    }
    catch (error) {
        if (!(error instanceof ForgeError))
            throw error;
        core/* warning */.$e(`could not comment the rendered diff on #${target.changeRequest} (${error.message}); give the job "pull-requests: write" permission. It is in the job summary.`);
    }
}
/**
 * The check run `gitops-ci/validate` on the commit under review (a PR's head, not the merge
 * commit), its findings as annotations. True when those annotations were published; false when
 * there is no token, it cannot write checks, or only a commit status could be set (a PAT).
 */
async function publishCheckRun(result, token, preview) {
    const { repo, sha, changeRequest } = actionReviewContext();
    // The token input was masked as it was read (readActionInputs).
    if (!token || !repo || !sha)
        return false;
    try {
        const forge = connectForge({ repo, kind: "github", token, log: core/* info */.pq });
        const runUrl = actionSourceContext().runUrl;
        const { check } = await publishVerdict(forge, result, { sha, runUrl });
        if (preview && changeRequest !== undefined)
            await commentPreview(forge, result, { changeRequest, runUrl, preview });
        if (check.fallback)
            core/* warning */.$e(check.fallback);
        core/* info */.pq(`${check.as.replace("-", " ")} ${CHECK_NAME}: ${check.url ?? "created"}`);
        return check.as === "check-run";
    }
    catch (error) {
        if (!(error instanceof ForgeError))
            throw error;
        core/* warning */.$e(`could not publish the ${CHECK_NAME} check run (${error.message}); give the job "checks: write" permission. Annotating through workflow commands instead.`);
        return false;
    }
}


/***/ })

};
