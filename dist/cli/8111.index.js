export const id = 8111;
export const ids = [8111];
export const modules = {

/***/ 68111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diff: () => (/* binding */ diff)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/gate/render/renderer.ts + 1 modules
var render_renderer = __webpack_require__(5853);
// EXTERNAL MODULE: ./src/gate/repo-boundary.ts
var repo_boundary = __webpack_require__(91102);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/preview/commit-tree.ts







const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
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
            const top = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), "gitops-ci-base-"));
            const remove = () => (0,promises_.rm)(top, { recursive: true, force: true });
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
        const { stdout } = await run("git", ["-C", dir, ...args], { maxBuffer: 256 * 1024 * 1024 });
        return stdout;
    }
    catch (error) {
        const detail = String(error.stderr ?? error.message)
            .trim()
            .split("\n")[0];
        throw new errors/* UsageError */.eb(`git ${args[0]} in ${dir}: ${detail}`);
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
                reject(new errors/* UsageError */.eb(`the base commit holds more than ${MAX_TREE_BYTES} bytes: too large to preview`));
            }
        });
        child.on("error", reject);
        child.on("close", (code) => {
            const blobs = splitBatch(Buffer.concat(chunks));
            if (blobs.size === wanted.length)
                resolve(blobs);
            else
                reject(new errors/* UsageError */.eb(`git cat-file in ${dir} gave ${blobs.size} of ${wanted.length} files (exit ${code}): ${stderr.trim()}`));
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

// EXTERNAL MODULE: ./src/kustomize/image-ref.ts
var image_ref = __webpack_require__(72198);
// EXTERNAL MODULE: ./src/pins/pin-entries.ts
var pin_entries = __webpack_require__(12826);
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
        return new Map((0,pin_entries/* pinEntries */.Y)(file, text).map((e) => [(0,image_ref/* normalizeImageName */.Y2)(e.name), { name: e.name, fields: e }]));
    }
    catch (error) {
        if (error instanceof errors/* GitopsCiError */.p)
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

// EXTERNAL MODULE: ./src/gate/yaml-nav.ts
var yaml_nav = __webpack_require__(94100);
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
function groupOf(apiVersion) {
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
            group: groupOf(apiVersion),
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
    return groupOf(String(object.apiVersion ?? "")) === "" && (object.kind === "ConfigMap" || object.kind === "Secret");
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


const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);
/** Every container image of an object, by the path to its container: any pod template in any kind. */
function containerImages(value, at = "") {
    const images = new Map();
    if (Array.isArray(value))
        value.forEach((item, i) => mergeInto(images, containerImages(item, `${at}[${i}]`)));
    else if ((0,yaml_nav/* isRecord */.u4)(value))
        for (const [key, child] of Object.entries(value)) {
            if (CONTAINER_LISTS.has(key) && Array.isArray(child))
                for (const container of child)
                    if ((0,yaml_nav/* isRecord */.u4)(container) && typeof container.image === "string")
                        images.set(`${at}.${key}[${String(container.name ?? "")}]`, container.image);
            mergeInto(images, containerImages(child, `${at}.${key}`));
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
        const before = pair.base ? containerImages(pair.base.value) : new Map();
        const after = pair.head ? containerImages(pair.head.value) : new Map();
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
    const a = from === undefined ? undefined : (0,image_ref/* splitReference */.mQ)(from);
    const b = to === undefined ? undefined : (0,image_ref/* splitReference */.mQ)(to);
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
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
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
        ...(base && { base: redact(base.value, head?.value, "base", secretAt, []) }),
        ...(head && { head: redact(head.value, base?.value, "head", secretAt, []) }),
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
function redact(value, other, side, secretAt, at) {
    if (at.length > 0 && secretAt(at) && !(0,yaml_nav/* isRecord */.u4)(value) && !Array.isArray(value))
        return placeholder(value, other, side);
    if (typeof value === "string")
        return SOPS_VALUE.test(value) ? placeholder(value, other, side) : value;
    if (Array.isArray(value))
        return value.map((item, i) => redact(item, Array.isArray(other) ? other[i] : undefined, side, secretAt, [...at, String(i)]));
    if ((0,yaml_nav/* isRecord */.u4)(value))
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [
            k,
            redact(v, (0,yaml_nav/* isRecord */.u4)(other) ? other[k] : undefined, side, secretAt, [...at, k]),
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

// EXTERNAL MODULE: ./src/gate/deployers/flux-kustomization.ts
var flux_kustomization = __webpack_require__(30578);
// EXTERNAL MODULE: ./src/gate/discovery.ts
var discovery = __webpack_require__(41457);
// EXTERNAL MODULE: ./src/gate/plain-yaml.ts
var plain_yaml = __webpack_require__(90239);
// EXTERNAL MODULE: ./src/commands/validate/discover.ts + 4 modules
var discover = __webpack_require__(63536);
// EXTERNAL MODULE: ./src/commands/validate/render-job.ts + 2 modules
var render_job = __webpack_require__(35651);
;// CONCATENATED MODULE: ./src/commands/diff/side.ts





/**
 * The roots of one side that read a changed file: kustomization roots (as their deployers build
 * them) and directories of plain manifests, each ready to render in that side's tree.
 */
function affectedRoots(scope, found, changed) {
    const deployers = (0,discovery/* deployerPaths */.vw)(found.sources);
    const deployedBy = (dir) => [...new Set(deployers.filter((d) => d.dir === dir).map((d) => d.by))];
    const jobs = found.allJobs.filter((job) => (0,discover/* readsChange */._D)(job, changed));
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
            const refusal = (0,render_job/* renderRefusal */.$)(job, found, scope.boundary, scope.settings.allowRemote);
            if (refusal.refused)
                return {
                    ok: false,
                    problem: refusal.findings[0]
                        ? `${refusal.findings[0].file}:${refusal.findings[0].line}: ${refusal.findings[0].message}`
                        : "it reads a file that does not parse",
                };
            const result = await (0,render_job/* renderJob */.e)(renderer, scope.boundary.checkout, job, found.sourcesByFile);
            if (!result.ok)
                return { ok: false, problem: `kustomize cannot build ${jobName(job)}: ${result.error}` };
            const substitute = job.build?.substitute;
            return {
                ok: true,
                objects: (0,plain_yaml/* loadAllPlain */.qY)(substitute ? (0,flux_kustomization/* substituteVariables */.O)(result.output, substitute) : result.output),
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

// EXTERNAL MODULE: ./src/gate/helm-charts.ts
var helm_charts = __webpack_require__(30249);
// EXTERNAL MODULE: ./src/gate/source-files.ts
var source_files = __webpack_require__(61516);
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
    const charts = (0,helm_charts/* chartDirs */.$A)(manifests);
    const texts = await base.read(changedThere.filter((f) => !(0,helm_charts/* insideChart */.TY)(f, charts)));
    const unreadable = new Set();
    const parsed = [];
    for (const [file, bytes] of texts) {
        const { source } = (0,source_files/* parseSourceText */.U4)(file, bytes.toString("utf8"), head.parseLimits);
        if (source)
            parsed.push(source);
        else
            unreadable.add(file);
    }
    const kept = found.sources.filter((s) => !changed.has(s.file) && !(0,helm_charts/* insideChart */.TY)(s.file, charts));
    return {
        sources: [...kept, ...parsed].sort((a, b) => a.file.localeCompare(b.file)),
        unreadable: new Set([...unreadable, ...[...found.unreadable].filter((f) => !changed.has(f))]),
        charts,
    };
}

// EXTERNAL MODULE: ./src/commands/validate/scope.ts + 1 modules
var scope = __webpack_require__(76528);
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
        throw new errors/* UsageError */.eb("diff compares renders: --renderer none renders nothing; use auto, kustomize or kubectl");
    const limits = { context: options.context ?? 3, maxLines: options.maxLines };
    const headScope = await (0,scope/* scopeOf */.O)({ ...options, baseRef: options.baseRef });
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
    const headFound = await (0,discover/* discover */.k4)(headScope);
    const head = affectedRoots(headScope, headFound, changed);
    // a root only the base has (its files deleted) is found among changed manifests; no manifest changed, no root did
    if (head.length === 0 && ![...changed].some((f) => diff_MANIFEST.test(f)))
        return result;
    const files = await commitFiles(options.dir, baseCommit);
    const base = await baseSources(headScope, headFound, files);
    const baseFound = (0,discover/* rootsOf */.RD)(base.sources, { inScope: () => true }, base.unreadable, base.charts);
    const reads = baseFound.allJobs.filter((job) => (0,discover/* readsChange */._D)(job, changed));
    const tree = await files.write(reads.flatMap((job) => [...job.inputs.dirs, ...job.inputs.files]));
    try {
        const baseScope = { ...headScope, boundary: (0,repo_boundary/* repoBoundaryOf */.Ig)(tree.checkout) };
        const renderer = await (0,render_renderer/* createRenderer */.K9)(options.renderer ?? "auto", {
            limits: options.limits?.render,
            allowRemote: headScope.settings.allowRemote,
        });
        const baseRoots = affectedRoots(baseScope, baseFound, changed);
        const compared = await compareSides(renderer, baseRoots, head, limits);
        const rendered = new Set(compared.images.map((i) => [(0,image_ref/* normalizeImageName */.Y2)(i.image), i.from, i.to].join(" ")));
        const candidates = [...changed]
            .filter((f) => diff_MANIFEST.test(f) && !headFound.used.has(f) && !baseFound.used.has(f) && !headScope.excluded(f))
            .sort();
        const baseTexts = await files.read(candidates);
        const pinned = pinnedImageChanges(candidates.map((file) => ({
            file,
            base: baseTexts.get(file)?.toString("utf8"),
            head: headTextOf(options.dir, file, headScope.parseLimits.maxFileBytes),
        }))).filter((i) => !rendered.has([(0,image_ref/* normalizeImageName */.Y2)(i.image), i.from, i.to].join(" ")));
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
    const renders = await (0,render_renderer/* mapConcurrent */._k)(tasks, async (root) => root?.render(renderer));
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


/***/ })

};
