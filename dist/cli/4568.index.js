export const id = 4568;
export const ids = [4568];
export const modules = {

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ PathError),
/* harmony export */   Gd: () => (/* binding */ InternalError),
/* harmony export */   TH: () => (/* binding */ InputFileError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   p: () => (/* binding */ GitopsCiError)
/* harmony export */ });
/** Base of every error the suite reports to the user: the message says what to do. */
class GitopsCiError extends Error {
    /** Process exit code the CLI and the action use for this error. */
    exitCode = 1;
}
/** Wrong flags or arguments: exit 2, as usage errors do in CLIs. */
class UsageError extends GitopsCiError {
    exitCode = 2;
    name = "UsageError";
}
/** A file the user gave is not acceptable; the message names file:line:column. */
class InputFileError extends GitopsCiError {
    position;
    problem;
    name = "InputFileError";
    constructor(position, problem) {
        super(`${position.file}:${position.line}:${position.column}: ${problem}`);
        this.position = position;
        this.problem = problem;
    }
}
/** A path the user gave is missing, ambiguous or leaves the directory it must stay in. */
class PathError extends GitopsCiError {
    name = "PathError";
}
/** A check of the suite's own output failed: a bug to report; nothing was written. */
class InternalError extends GitopsCiError {
    name = "InternalError";
}


/***/ }),

/***/ 94568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ readAndCheck)
});

// UNUSED EXPORTS: SOURCE_RULES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/gate/rules/cluster-credential.ts
var cluster_credential = __webpack_require__(74331);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/gate/secret-placeholders.ts
var secret_placeholders = __webpack_require__(34886);
// EXTERNAL MODULE: ./src/gate/source-files.ts
var source_files = __webpack_require__(61516);
// EXTERNAL MODULE: ./src/gate/yaml-nav.ts
var yaml_nav = __webpack_require__(94100);
;// CONCATENATED MODULE: ./src/gate/rules/plaintext-secret.ts




const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
const HINT = "seal it (kubeseal) or keep it in a secret store; a Secret with data or stringData in Git is readable by everyone who can read the repo";
/**
 * A Secret carrying data or stringData anywhere in the repo: its own document, a multi-document
 * file, a List item, or a last-applied-configuration annotation. SOPS-encrypted files are left to
 * sops-unencrypted-value; service-account tokens to cluster-credential.
 */
const plaintextSecret = (source, context) => {
    if (source.values.some((v) => (0,yaml_nav/* isRecord */.u4)(v) && "sops" in v))
        return [];
    // only Secrets and last-applied annotations (which can hold one) are read with positions
    if (!source.text.includes(LAST_APPLIED) && !(0,yaml_nav/* plainObjectsOf */.kL)(source).some((o) => o.kind === "Secret"))
        return [];
    const findings = [];
    for (const object of (0,yaml_nav/* objectsOf */.iZ)(source)) {
        if (object.kind === "Secret" && (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "type")) !== "kubernetes.io/service-account-token") {
            for (const key of ["data", "stringData"]) {
                const pair = (0,yaml_nav/* pairOf */.cF)(object.map, key);
                if (!pair || !(0,yaml_nav/* hasEntries */.T5)(pair.value))
                    continue;
                const name = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name")) ?? "(unnamed)";
                const placeholders = placeholderFindings(source, pair.value, name, key === "data", context.placeholders);
                findings.push(...placeholders);
                // every value a reference filled in at deploy time: nothing secret is in Git
                if ((0,dist/* isMap */.jh)(pair.value) && placeholders.length === pair.value.items.length)
                    continue;
                findings.push({
                    rule: "plaintext-secret",
                    severity: "error",
                    file: source.file,
                    ...(0,source_files/* positionOf */.df)(source, pair.key),
                    message: `Secret ${name} has ${key} in plain text`,
                    hint: HINT,
                });
            }
        }
        const annotation = (0,yaml_nav/* pairOf */.cF)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "annotations"), LAST_APPLIED);
        const applied = (0,yaml_nav/* stringOf */.Je)(annotation?.value);
        if (annotation && applied && embedsSecretData(applied)) {
            findings.push({
                rule: "plaintext-secret",
                severity: "error",
                file: source.file,
                ...(0,source_files/* positionOf */.df)(source, annotation.key),
                message: `the ${LAST_APPLIED} annotation holds a Secret with its data`,
                hint: `drop the annotation (it is written by kubectl apply and copies the whole object); ${HINT}`,
            });
        }
    }
    return findings;
};
/** An info finding for each value that is empty or a reference an injector fills at deploy time. */
function placeholderFindings(source, section, name, base64, extra) {
    if (!(0,dist/* isMap */.jh)(section))
        return [];
    return section.items.flatMap((pair) => {
        const tool = (0,secret_placeholders/* placeholderOf */.h)((0,dist/* isScalar */.jn)(pair.value) ? pair.value.value : pair.value, base64, extra);
        if (!tool)
            return [];
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "?";
        return [
            {
                rule: "secret-placeholder",
                severity: "info",
                file: source.file,
                ...(0,source_files/* positionOf */.df)(source, pair.key),
                message: `Secret ${name} key ${key} is ${tool === "empty" ? "empty" : `a ${tool} reference`}: filled in at deploy time`,
                hint: "nothing to fix: listed so a reviewer sees what the deployer injects",
            },
        ];
    });
}
function embedsSecretData(json) {
    try {
        const object = JSON.parse(json);
        return object.kind === "Secret" && [object.data, object.stringData].some((v) => v && Object.keys(v).length > 0);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/gate/rules/sealed-secret.ts



const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const GCM_TAG_BYTES = 16;
/**
 * Why a value is not sealed-secrets ciphertext, or undefined when it is. The format (kubeseal's
 * hybrid encryption): a 2-byte big-endian length of the RSA-OAEP-encrypted session key, which is
 * as long as the RSA modulus, then that key, then the AES-256-GCM ciphertext with its 16-byte tag.
 */
function sealedValueProblem(value, keyBytes) {
    if (value.length % 4 !== 0 || !BASE64.test(value))
        return "is not standard base64";
    const bytes = Buffer.from(value, "base64");
    if (bytes.length < 2)
        return "is too short to be sealed";
    const sessionKeyLength = bytes.readUInt16BE(0);
    if (sessionKeyLength !== keyBytes) {
        return `does not start with the ${keyBytes}-byte session-key length of the sealing key (it says ${sessionKeyLength})`;
    }
    if (bytes.length < 2 + keyBytes + GCM_TAG_BYTES)
        return `is ${bytes.length} bytes, shorter than any sealed value (${2 + keyBytes + GCM_TAG_BYTES})`;
    return undefined;
}
/** Every encryptedData value must be real ciphertext; literal template data is plaintext. */
const sealedSecretMalformed = (source, context) => {
    const findings = [];
    if (!(0,yaml_nav/* plainObjectsOf */.kL)(source).some((o) => o.kind === "SealedSecret" && malformedPlain(o.value, context)))
        return findings;
    for (const object of (0,yaml_nav/* objectsOf */.iZ)(source, "SealedSecret")) {
        const name = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(object.map, "metadata", "name")) ?? "(unnamed)";
        const encrypted = (0,yaml_nav/* valueOf */.RP)(object.map, "spec", "encryptedData");
        if ((0,dist/* isMap */.jh)(encrypted)) {
            for (const pair of encrypted.items) {
                const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "?";
                const value = pair.value;
                const problem = (0,dist/* isScalar */.jn)(value) && typeof value.value === "string"
                    ? sealedValueProblem(value.value.replace(/\s+/g, ""), context.sealedSecretsKeyBytes)
                    : "is not a string";
                if (problem)
                    findings.push(malformed(source, value ?? pair.key, `SealedSecret ${name}: encryptedData.${key} ${problem}`, context));
            }
        }
        const templateData = (0,yaml_nav/* pairOf */.cF)((0,yaml_nav/* valueOf */.RP)(object.map, "spec", "template"), "data");
        if (templateData && (0,dist/* isMap */.jh)(templateData.value) && templateData.value.items.length) {
            findings.push({
                rule: "sealed-secret-malformed",
                severity: "error",
                file: source.file,
                ...(0,source_files/* positionOf */.df)(source, templateData.key),
                message: `SealedSecret ${name}: spec.template.data holds literal values, which are not encrypted`,
                hint: "move the values into encryptedData with kubeseal; template.data is copied into the Secret as it is",
            });
        }
    }
    return findings;
};
/** The same test on the plain values: only a file with something to report is read with positions. */
function malformedPlain(object, context) {
    const spec = (0,yaml_nav/* isRecord */.u4)(object.spec) ? object.spec : {};
    const encrypted = spec.encryptedData;
    if ((0,yaml_nav/* isRecord */.u4)(encrypted) &&
        Object.values(encrypted).some((v) => typeof v !== "string" || sealedValueProblem(v.replace(/\s+/g, ""), context.sealedSecretsKeyBytes)))
        return true;
    const data = (0,yaml_nav/* isRecord */.u4)(spec.template) ? spec.template.data : undefined;
    return (0,yaml_nav/* isRecord */.u4)(data) && Object.keys(data).length > 0;
}
function malformed(source, node, message, context) {
    return {
        rule: "sealed-secret-malformed",
        severity: "error",
        file: source.file,
        ...(0,source_files/* positionOf */.df)(source, node),
        message,
        hint: `seal the value with kubeseal against the cluster's certificate (${context.sealedSecretsKeyBytes * 8}-bit key); placeholders, plain base64 and truncated values never decrypt`,
    };
}

// EXTERNAL MODULE: ./src/kustomize/kustomization-file.ts
var kustomization_file = __webpack_require__(53625);
;// CONCATENATED MODULE: ./src/gate/rules/secret-generator.ts




const SOURCES = ["literals", "files", "envs", "env"];
/** A kustomize secretGenerator fed from the repo: the plaintext is committed beside it. */
const secretGenerator = (source) => {
    const name = source.file.split("/").pop();
    if (!kustomization_file/* KUSTOMIZATION_FILE_NAMES */.YU.includes(name))
        return [];
    const generators = (0,yaml_nav/* valueOf */.RP)(source.docs[0]?.contents, "secretGenerator");
    if (!(0,dist/* isSeq */.oP)(generators))
        return [];
    const findings = [];
    for (const generator of generators.items) {
        for (const key of SOURCES) {
            const pair = (0,yaml_nav/* pairOf */.cF)(generator, key);
            if (!pair)
                continue;
            const secret = (0,yaml_nav/* stringOf */.Je)((0,yaml_nav/* valueOf */.RP)(generator, "name")) ?? "(unnamed)";
            findings.push({
                rule: "secret-generator",
                severity: "error",
                file: source.file,
                ...(0,source_files/* positionOf */.df)(source, pair.key),
                message: `secretGenerator ${secret} takes ${key} from the repository, so the secret's plaintext is in Git`,
                hint: "generate a SealedSecret (kubeseal) or reference an external secret store instead",
            });
        }
    }
    return findings;
};

;// CONCATENATED MODULE: ./src/gate/rules/sops.ts



const ENCRYPTED = /^ENC\[AES256_GCM,data:/;
/** A document SOPS encrypted: a top-level `sops:` with `mac` and `version`. */
function isSopsEncrypted(contents) {
    const sops = (0,yaml_nav/* valueOf */.RP)(contents, "sops");
    return (0,dist/* isMap */.jh)(sops) && !!(0,yaml_nav/* pairOf */.cF)(sops, "mac") && !!(0,yaml_nav/* pairOf */.cF)(sops, "version");
}
/** In a SOPS-encrypted file, every value under data/stringData must be an ENC[AES256_GCM,...] value. */
const sopsUnencryptedValue = (source) => {
    const findings = [];
    const encrypted = (v) => (0,yaml_nav/* isRecord */.u4)(v) && (0,yaml_nav/* isRecord */.u4)(v.sops) && "mac" in v.sops && "version" in v.sops;
    if (!source.values.some(encrypted))
        return findings;
    for (const doc of source.docs) {
        if (!isSopsEncrypted(doc.contents))
            continue;
        for (const key of ["data", "stringData"]) {
            const section = (0,yaml_nav/* valueOf */.RP)(doc.contents, key);
            for (const leaf of leaves(section)) {
                if (typeof leaf.value.value === "string" && ENCRYPTED.test(leaf.value.value))
                    continue;
                findings.push({
                    rule: "sops-unencrypted-value",
                    severity: "error",
                    file: source.file,
                    ...(0,source_files/* positionOf */.df)(source, leaf.value),
                    message: `${key}.${leaf.path} is not encrypted in this SOPS file`,
                    hint: "re-encrypt the file with sops (check encrypted_regex / unencrypted_suffix in .sops.yaml)",
                });
            }
        }
    }
    return findings;
};
function leaves(node, path = "") {
    if ((0,dist/* isScalar */.jn)(node))
        return [{ path, value: node }];
    if ((0,dist/* isMap */.jh)(node)) {
        return node.items.flatMap((p) => leaves(p.value, `${path ? `${path}.` : ""}${(0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : "?"}`));
    }
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.flatMap((item, i) => leaves(item, `${path}[${i}]`));
    return [];
}

;// CONCATENATED MODULE: ./src/gate/file-checks.ts








/** The rules each file is checked by at its own lines, before anything is rendered. */
const SOURCE_RULES = [
    plaintextSecret,
    secretGenerator,
    sealedSecretMalformed,
    sopsUnencryptedValue,
    cluster_credential/* clusterCredential */.S,
];
/**
 * The first checks of one file: parsed (a syntax error or a duplicate key is a finding) and, in
 * scope, checked by the source rules. The file's size was checked against the limits before.
 */
function readAndCheck(setup, task) {
    const parsed = (0,source_files/* parseSourceText */.U4)(task.file, (0,external_node_fs_.readFileSync)(external_node_path_default().join(setup.dir, task.file), "utf8"), setup.limits, setup.read);
    if (!task.inScope)
        return { findings: [], ...(parsed.source && { source: parsed.source }) };
    const findings = [...parsed.findings];
    if (parsed.source)
        for (const rule of SOURCE_RULES)
            findings.push(...rule(parsed.source, setup.context));
    return { findings, ...(parsed.source && { source: parsed.source }) };
}


/***/ }),

/***/ 90239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ln: () => (/* binding */ loadFast),
/* harmony export */   qY: () => (/* binding */ loadAllPlain)
/* harmony export */ });
/* unused harmony export fastLoadable */
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33243);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);


/**
 * The `yaml` package's core schema (YAML 1.2), restated for js-yaml: which plain scalars are
 * null, booleans, integers and floats. With it, js-yaml reads a document to the same values the
 * `yaml` package's `toJS` gives, about ten times faster, because it keeps no syntax tree.
 */
const scalar = (tag, test, construct) => new js_yaml__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Type */ .Ay.Type(`tag:yaml.org,2002:${tag}`, {
    kind: "scalar",
    resolve: (text) => test.test(text ?? ""),
    construct: (text) => construct(text ?? ""),
});
const CORE_1_2 = js_yaml__WEBPACK_IMPORTED_MODULE_0__/* ["default"].FAILSAFE_SCHEMA */ .Ay.FAILSAFE_SCHEMA.extend({
    implicit: [
        scalar("null", /^(?:~|[Nn]ull|NULL)?$/, () => null),
        scalar("bool", /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === "t" || t[0] === "T"),
        scalar("int", /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (t) => t.startsWith("0o") ? parseInt(t.slice(2), 8) : t.startsWith("0x") ? parseInt(t.slice(2), 16) : parseInt(t, 10)),
        scalar("float", /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/, (t) => /nan$/i.test(t)
            ? NaN
            : /inf$/i.test(t)
                ? t[0] === "-"
                    ? Number.NEGATIVE_INFINITY
                    : Number.POSITIVE_INFINITY
                : parseFloat(t)),
    ],
});
/**
 * What the two parsers could read differently: aliases (and their expansion limit), merge keys,
 * tags, directives (`%YAML 1.1` changes the schema), and keys that are not plain strings, which
 * `yaml` stringifies its own way (`~:` is "" there, "null" in js-yaml).
 */
const NEEDS_EXACT_PARSER = new RegExp([
    /(?:^|[\s[{,])[*!][^\s,[\]{}]/.source, // an alias or a tag
    /^%/.source, // a directive
    /(?:^|[\s{,])<<[ \t]*:/.source, // a merge key
    /(?:^|[\s{,]|-[ \t])(?:~|null|Null|NULL|\?)?[ \t]*:(?:[ \t]|$)/.source, // an empty, null or complex key
].join("|"), "m");
/** Whether js-yaml with the core schema reads this text as the `yaml` package would. */
function fastLoadable(text) {
    return !NEEDS_EXACT_PARSER.test(text);
}
/**
 * Every document of a YAML stream as plain values, exactly as
 * `parseAllDocuments(text).map((d) => d.toJS({ maxAliasCount: 100 }))` gives them. The fast
 * loader reads plain text (kustomize's output always is); anything else goes to the `yaml` package.
 */
function loadAllPlain(text) {
    return loadFast(text) ?? (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseAllDocuments */ .hR)(text).map((d) => d.toJS({ maxAliasCount: 100 }));
}
/**
 * The documents as the fast loader reads them, or undefined where only the `yaml` package
 * decides: text it could read differently, duplicate keys, syntax errors.
 */
function loadFast(text) {
    if (!fastLoadable(text))
        return undefined;
    try {
        return js_yaml__WEBPACK_IMPORTED_MODULE_0__/* ["default"].loadAll */ .Ay.loadAll(text, undefined, { schema: CORE_1_2 });
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 74331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ clusterCredential)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _source_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61516);
/* harmony import */ var _yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94100);



const CREDENTIAL_KEYS = ["token", "client-key-data", "client-key", "password", "auth-provider"];
const HINT = "remove it and rotate the credential: CI and Git must never hold cluster credentials; the in-cluster controller pulls instead";
/** A kubeconfig with user credentials, or a service-account token Secret, committed to the config repo. */
const clusterCredential = (source) => {
    const findings = [];
    for (const object of (0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .objectsOf */ .iZ)(source, "Config", "Secret")) {
        if (object.kind === "Config") {
            const users = (0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .valueOf */ .RP)(object.map, "users");
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(users))
                continue;
            for (const user of users.items) {
                for (const key of CREDENTIAL_KEYS) {
                    const pair = (0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .pairOf */ .cF)((0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .valueOf */ .RP)(user, "user"), key);
                    if (!pair)
                        continue;
                    findings.push({
                        rule: "cluster-credential",
                        severity: "error",
                        file: source.file,
                        ...(0,_source_files_js__WEBPACK_IMPORTED_MODULE_1__/* .positionOf */ .df)(source, pair.key),
                        message: `kubeconfig user ${(0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)((0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .valueOf */ .RP)(user, "name")) ?? "(unnamed)"} has a ${key}`,
                        hint: HINT,
                    });
                }
            }
        }
        if (object.kind === "Secret" && (0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)((0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .valueOf */ .RP)(object.map, "type")) === "kubernetes.io/service-account-token") {
            const data = (0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .pairOf */ .cF)(object.map, "data") ?? (0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .pairOf */ .cF)(object.map, "stringData");
            if (data && (0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .hasEntries */ .T5)(data.value)) {
                findings.push({
                    rule: "cluster-credential",
                    severity: "error",
                    file: source.file,
                    ...(0,_source_files_js__WEBPACK_IMPORTED_MODULE_1__/* .positionOf */ .df)(source, data.key),
                    message: `service-account token Secret ${(0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)((0,_yaml_nav_js__WEBPACK_IMPORTED_MODULE_2__/* .valueOf */ .RP)(object.map, "metadata", "name")) ?? "(unnamed)"} carries its token`,
                    hint: HINT,
                });
            }
        }
    }
    return findings;
};


/***/ }),

/***/ 34886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ placeholderOf)
/* harmony export */ });
/**
 * Values a Secret carries in Git that are not secrets: references an injector or the deployer
 * fills in at deploy time. Each pattern names the tool whose syntax it is.
 */
const PLACEHOLDERS = [
    { tool: "1Password", pattern: /op:\/\/[^\s/]+\/[^\s/]+\/\S+/ },
    { tool: "argocd-vault-plugin", pattern: /<path:[^<>]+>|^<[^<>\s]+>$|<secret:[^<>]+>/ },
    { tool: "vals", pattern: /ref\+[a-z0-9]+:\/\/\S+/ },
    { tool: "Flux post-build substitution", pattern: /\$\{[A-Za-z_][A-Za-z0-9_]*(:?[=-][^}]*)?\}/ },
];
const MAX_REFERENCE = 1024;
/** The tool whose reference a value is, "empty" for an empty value, or undefined for a real value. */
function placeholderOf(value, base64 = false, extra = []) {
    if (value === null || value === undefined || value === "")
        return "empty";
    if (typeof value !== "string")
        return undefined;
    const texts = [value];
    if (base64 && /^[A-Za-z0-9+/]+={0,2}$/.test(value))
        texts.push(Buffer.from(value, "base64").toString("utf8"));
    for (const text of texts) {
        if (text.trim() === "")
            return "empty";
        const found = PLACEHOLDERS.find((p) => p.pattern.test(text));
        if (found)
            return found.tool;
        // a reference is short; a long value is not one, and is not run through the repo's patterns
        if (text.length <= MAX_REFERENCE && extra.some((pattern) => pattern.test(text)))
            return "this repository's placeholder";
    }
    return undefined;
}


/***/ }),

/***/ 61516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U4: () => (/* binding */ parseSourceText),
/* harmony export */   Y6: () => (/* binding */ lazySource),
/* harmony export */   ZQ: () => (/* binding */ ParseBudget),
/* harmony export */   c$: () => (/* binding */ listRepoFiles),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   mq: () => (/* binding */ admitFile),
/* harmony export */   tN: () => (/* binding */ DEFAULT_PARSE_LIMITS),
/* harmony export */   uj: () => (/* binding */ readSourceFile),
/* harmony export */   vz: () => (/* binding */ sourceOf)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var _plain_yaml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90239);
/* harmony import */ var _yaml_depth_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85748);





/** A source file from documents already parsed with positions. */
function sourceOf(file, text, docs, lines) {
    return { file, text, docs, lines, values: docs.map((d) => d.toJS({ maxAliasCount: 100 })) };
}
function parseExact(text) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseAllDocuments */ .hR)(text, { lineCounter: lines, prettyErrors: false, logLevel: "error", merge: true });
    return { docs: Array.isArray(docs) ? docs : [], lines };
}
/**
 * A source file whose documents with positions are parsed when first read: one read here, or in
 * another thread (src/gate/threads/), which sent its text and values.
 */
function lazySource(file, text, values) {
    let exact;
    const parsed = () => (exact ??= parseExact(text));
    return {
        file,
        text,
        values,
        get docs() {
            return parsed().docs;
        },
        get lines() {
            return parsed().lines;
        },
    };
}
const SKIPPED_DIRS = new Set([".git", "node_modules", ".github", ".gitlab-ci-local"]);
const DEFAULT_PARSE_LIMITS = {
    maxFileBytes: 4 * 1024 * 1024,
    maxDepth: 256,
    maxTotalBytes: 256 * 1024 * 1024,
};
const MANIFEST = /\.(ya?ml|json)$/;
function listRepoFiles(dir, rel = "", into = { manifests: [], others: [] }) {
    const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            if (!SKIPPED_DIRS.has(entry.name))
                listRepoFiles(dir, child, into);
        }
        else if (entry.isFile())
            (MANIFEST.test(entry.name) ? into.manifests : into.others).push(child);
    }
    return into;
}
function parseLimitFinding(file, message, hint) {
    return { rule: "parse-limit", severity: "error", file, line: 1, column: 1, message, hint };
}
function tooLarge(file, limits) {
    return {
        findings: [
            parseLimitFinding(file, `file is larger than ${limits.maxFileBytes} bytes; it is not parsed and no root that reads it is rendered`, "split it; config files this large are not reviewed by anyone"),
        ],
    };
}
/** Reads files in order while their bytes add up to less than the total limit. */
class ParseBudget {
    limits;
    spent = 0;
    exhaustedAt;
    constructor(limits) {
        this.limits = limits;
    }
    /** Whether the file fits what is left; the first file that does not is remembered. */
    take(file, bytes) {
        if (this.exhaustedAt === undefined && this.spent + bytes <= this.limits.maxTotalBytes) {
            this.spent += bytes;
            return true;
        }
        this.exhaustedAt ??= file;
        return false;
    }
    /** The finding for the files left unread, if any were. */
    finding() {
        if (this.exhaustedAt === undefined)
            return undefined;
        return parseLimitFinding(this.exhaustedAt, `the repository's files add up to more than ${this.limits.maxTotalBytes} bytes; this file and the ones after it were not checked`, "check the repository in parts (--dir a subfolder, or --base-ref for what a PR changed)");
    }
}
/** Parses a file; syntax errors and duplicate keys become findings at their position. */
function readSourceFile(dir, file, limits = DEFAULT_PARSE_LIMITS, budget, options = {}) {
    const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, file);
    const admission = admitFile(file, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(full).size, limits, budget);
    if (!admission.admitted)
        return { findings: admission.findings };
    return parseSourceText(file, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full, "utf8"), limits, options);
}
/**
 * Whether a file of this size is read: within the file limit (else a finding) and within what the
 * budget has left (else it is left unread, and the budget reports it).
 */
function admitFile(file, bytes, limits, budget) {
    if (bytes > limits.maxFileBytes)
        return { admitted: false, ...tooLarge(file, limits) };
    if (budget && !budget.take(file, bytes))
        return { admitted: false, findings: [] };
    return { admitted: true, findings: [] };
}
/** Parses a file's text (read from disk, or from a commit); syntax errors and duplicate keys become findings. */
function parseSourceText(file, raw, limits = DEFAULT_PARSE_LIMITS, options = {}) {
    if (Buffer.byteLength(raw) > limits.maxFileBytes)
        return tooLarge(file, limits);
    const text = aliasKeysSpaced(raw);
    const depth = (0,_yaml_depth_js__WEBPACK_IMPORTED_MODULE_4__/* .nestingDepth */ .Q)(text);
    if (depth > limits.maxDepth)
        return {
            findings: [
                parseLimitFinding(file, `YAML nests ${depth} levels deep, past the limit of ${limits.maxDepth}; it is not parsed and no root that reads it is rendered`, "flatten it; no Kubernetes manifest nests this deep"),
            ],
        };
    // Plain text (nearly every manifest) is read fast; anything the fast loader could read
    // differently, and every error, goes to the yaml package, whose findings carry positions.
    const fast = options.exact ? undefined : (0,_plain_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .loadFast */ .ln)(text);
    if (fast)
        return { source: lazySource(file, text, fast), findings: [] };
    const { docs: list, lines } = parseExact(text);
    const findings = list.flatMap((d) => d.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        const duplicate = e.code === "DUPLICATE_KEY";
        return {
            rule: duplicate ? "duplicate-key" : "yaml-syntax",
            severity: "error",
            file,
            line: pos.line,
            column: pos.col,
            message: (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ""),
            hint: duplicate
                ? "remove one of the keys: Kubernetes keeps only the last one, which is rarely the one you reviewed"
                : "fix the YAML syntax at this position",
        };
    }));
    // A JSON file that is no manifest (tsconfig with comments, editor settings) is not the gate's.
    if (findings.length && file.endsWith(".json") && !/"apiVersion"\s*:/.test(text))
        return { findings: [] };
    if (findings.length)
        return { findings };
    const bomb = text.includes("*") ? list.find((d) => !aliasesResolve(d)) : undefined;
    if (bomb) {
        const pos = lines.linePos(bomb.range[0]);
        return {
            findings: [
                {
                    rule: "yaml-syntax",
                    severity: "error",
                    file,
                    line: pos.line,
                    column: pos.col,
                    message: "aliases expand past 100 copies (a YAML alias bomb)",
                    hint: "write the values out; no Kubernetes manifest needs aliases nested this deep",
                },
            ],
        };
    }
    return { source: sourceOf(file, text, list, lines), findings };
}
/**
 * `*app:` as a mapping key: kustomize (Go's YAML) reads the alias `app` and a colon, while YAML
 * 1.2 lets an alias name hold colons, so the `yaml` package reads the alias `app:`. A space keeps
 * kustomize's reading; positions after it on that line move one column.
 */
function aliasKeysSpaced(text) {
    return text.includes("*") ? text.replace(/^(\s*(?:-\s+)*)\*([^\s,[\]{}:]+):(?=\s|$)/gm, "$1*$2 :") : text;
}
/** Whether the document's aliases expand within the bound every later reader uses. */
function aliasesResolve(doc) {
    try {
        doc.toJS({ maxAliasCount: 100 });
        return true;
    }
    catch {
        return false;
    }
}
/** 1-based line and column of a node (or of a key, when the node is a pair's key). */
function positionOf(source, node) {
    const offset = node?.range?.[0] ?? 0;
    const pos = source.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
}


/***/ }),

/***/ 85748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ nestingDepth)
/* harmony export */ });
/**
 * How deeply a YAML text nests (block indentation levels, compact `- - -` sequences and flow
 * `[`/`{` collections), found by a scan of the characters alone. The `yaml` package spends time
 * and memory more than linear in the nesting (a 40 KB `- - - …` line exhausts node's memory), so
 * the gate measures before it parses. The scan knows quotes, comments and block scalars well
 * enough not to count brackets inside them; a file it overrates is one no reviewer could read.
 */
/** The characters that open or close a quote, a flow collection or a block scalar. */
const MAY_NEST = /["'[\]{}|>]/;
function nestingDepth(text) {
    const indents = [];
    let flow = 0;
    let quote;
    let blockScalarParent;
    let max = 0;
    for (const line of text.split("\n")) {
        const indent = line.length - line.trimStart().length;
        const rest = line.trim();
        if (blockScalarParent !== undefined) {
            if (rest === "" || indent > blockScalarParent)
                continue;
            blockScalarParent = undefined;
        }
        let at = indent;
        let compact = 0;
        if (flow === 0 && quote === undefined) {
            if (rest === "" || rest.startsWith("#"))
                continue;
            if (/^(---|\.\.\.)(\s|$)/.test(line)) {
                indents.length = 0;
                continue;
            }
            while (indents.length && indents.at(-1) >= indent)
                indents.pop();
            indents.push(indent);
            while ((line[at] === "-" || line[at] === "?") && (line[at + 1] === " " || line[at + 1] === undefined)) {
                compact++;
                at += 2;
                while (line[at] === " ")
                    at++;
            }
        }
        // a line with no quote, bracket or block indicator cannot open or close anything: most lines
        if (flow === 0 && quote === undefined && !MAY_NEST.test(line)) {
            max = Math.max(max, indents.length + compact);
            continue;
        }
        let valueStart = true;
        for (; at < line.length; at++) {
            const c = line[at];
            if (quote) {
                if (c === "\\" && quote === '"')
                    at++;
                else if (c === quote) {
                    if (quote === "'" && line[at + 1] === "'")
                        at++;
                    else
                        quote = undefined;
                }
                continue;
            }
            if (c === " " || c === "\t")
                continue;
            if (c === "#" && (at === 0 || line[at - 1] === " " || line[at - 1] === "\t"))
                break;
            if ((c === '"' || c === "'") && (valueStart || flow > 0)) {
                quote = c;
                continue;
            }
            if ((c === "[" || c === "{") && (valueStart || flow > 0)) {
                flow++;
                max = Math.max(max, indents.length + compact + flow);
                valueStart = true;
                continue;
            }
            if ((c === "]" || c === "}") && flow > 0) {
                flow--;
                continue;
            }
            if (flow === 0 && valueStart && (c === "|" || c === ">") && /^[|>][0-9+-]*\s*(#.*)?$/.test(line.slice(at))) {
                blockScalarParent = indent;
                break;
            }
            valueStart = (c === ":" && (line[at + 1] === " " || line[at + 1] === undefined)) || (flow > 0 && c === ",");
        }
        max = Math.max(max, indents.length + compact + flow);
    }
    return max;
}


/***/ }),

/***/ 94100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Je: () => (/* binding */ stringOf),
/* harmony export */   RP: () => (/* binding */ valueOf),
/* harmony export */   T5: () => (/* binding */ hasEntries),
/* harmony export */   cF: () => (/* binding */ pairOf),
/* harmony export */   iZ: () => (/* binding */ objectsOf),
/* harmony export */   kL: () => (/* binding */ plainObjectsOf),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   x5: () => (/* binding */ locate)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);

function pairOf(node, key) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return undefined;
    return node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && p.key.value === key);
}
function valueOf(node, ...keys) {
    let current = node;
    for (const key of keys)
        current = pairOf(current, key)?.value;
    return (current ?? undefined);
}
function stringOf(node) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && typeof node.value === "string" ? node.value : undefined;
}
function isRecord(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}
const plainObjects = new WeakMap();
/** Every object in the file's plain values, List items included: the same objects objectsOf finds. */
function plainObjectsOf(source) {
    const known = plainObjects.get(source);
    if (known)
        return known;
    const out = [];
    const text = (value) => (typeof value === "string" ? value : undefined);
    const visit = (value) => {
        if (!isRecord(value))
            return;
        const kind = text(value.kind);
        out.push({ value, kind, apiVersion: text(value.apiVersion) });
        if (kind?.endsWith("List") && Array.isArray(value.items))
            for (const item of value.items)
                visit(item);
    };
    for (const value of source.values)
        visit(value);
    plainObjects.set(source, out);
    return out;
}
/**
 * Every object in the file, List items included; with kinds, only objects of those kinds, and a
 * file holding none is never parsed with positions.
 */
function objectsOf(source, ...kinds) {
    if (kinds.length > 0 && !plainObjectsOf(source).some((o) => o.kind !== undefined && kinds.includes(o.kind)))
        return [];
    const out = [];
    const visit = (node, doc) => {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
            return;
        const kind = stringOf(valueOf(node, "kind"));
        if (kinds.length === 0 || (kind !== undefined && kinds.includes(kind)))
            out.push({ map: node, kind, apiVersion: stringOf(valueOf(node, "apiVersion")), doc });
        const items = valueOf(node, "items");
        if (kind?.endsWith("List") && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(items))
            for (const item of items.items)
                visit(item, doc);
    };
    for (const doc of source.docs)
        visit(doc.contents, doc);
    return out;
}
/** Non-empty mapping or list. */
function hasEntries(node) {
    return ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) && node.items.length > 0;
}
/**
 * `like` is the object the path was found in (a rendered object): list items that carry a
 * `name` there are found by that name, as strategic merge patches match them, not by index.
 */
function locate(root, path, like) {
    let found = { node: root, complete: path.length === 0 };
    let likeAt = like;
    for (const [i, segment] of path.entries()) {
        const current = found.node;
        likeAt =
            likeAt !== null && typeof likeAt === "object" ? likeAt[segment] : undefined;
        const likeName = likeAt?.name;
        let next;
        if (typeof segment === "number" && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(current)) {
            const item = (typeof likeName === "string"
                ? current.items.find((it) => stringOf(valueOf(it, "name")) === likeName)
                : current.items[segment]);
            if (item)
                next = { node: item };
        }
        else if (typeof segment === "string") {
            const pair = pairOf(current, segment);
            if (pair)
                next = { node: (pair.value ?? pair.key), key: pair.key };
        }
        if (!next)
            return found;
        found = { ...next, complete: i === path.length - 1 };
    }
    return found;
}


/***/ }),

/***/ 53625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FJ: () => (/* binding */ isKustomizationFileName),
/* harmony export */   Fb: () => (/* binding */ findEditTarget),
/* harmony export */   Kn: () => (/* binding */ normalizeKustomizationPath),
/* harmony export */   X7: () => (/* binding */ namesFile),
/* harmony export */   YU: () => (/* binding */ KUSTOMIZATION_FILE_NAMES)
/* harmony export */ });
/* unused harmony export findKustomizationFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



/** The file names kustomize accepts for a kustomization, in its own order. */
const KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
/**
 * Checks a user-given kustomization directory before any I/O: it must be relative and stay
 * inside the checkout. Returns it normalized with `/` separators ("." for the root).
 */
function normalizeKustomizationPath(dirPath) {
    if (dirPath.trim() === "")
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb("--path is empty");
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(dirPath) || /^[A-Za-z]:[\\/]/.test(dirPath)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--path "${dirPath}" must be relative to --dir, not absolute`);
    }
    const normalized = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.normalize(dirPath.replaceAll("\\", "/")).replace(/\/$/, "");
    if (normalized === ".." || normalized.startsWith("../")) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--path "${dirPath}" leaves --dir`);
    }
    return normalized;
}
/** Whether a --path names a file, not a directory: through an API there is no stat to ask. */
function namesFile(target) {
    return /\.(ya?ml|json)$/.test(target) || KUSTOMIZATION_FILE_NAMES.includes(node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.basename(target));
}
function isKustomizationFileName(file) {
    return KUSTOMIZATION_FILE_NAMES.includes(node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.basename(file));
}
/** The file a --path names in a checkout: a directory's kustomization, or the file itself. */
function findEditTarget(dir, targetPath) {
    const relative = normalizeKustomizationPath(targetPath);
    const root = realDirectory(dir, "--dir");
    const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, relative);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(target).isFile()) {
        const absolute = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(target);
        assertInside(root, absolute, targetPath);
        return { relative, absolute, kind: isKustomizationFileName(relative) ? "kustomization" : "pins" };
    }
    return { ...findKustomizationFile(dir, targetPath), kind: "kustomization" };
}
/** Finds the one kustomization file in `dir/dirPath`, refusing anything that resolves outside `dir`. */
function findKustomizationFile(dir, dirPath) {
    const relativeDir = normalizeKustomizationPath(dirPath);
    const root = realDirectory(dir, "--dir");
    const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, relativeDir);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PathError */ .ER(`--path "${dirPath}": ${target} does not exist`);
    const realTarget = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(target);
    assertInside(root, realTarget, dirPath);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(realTarget).isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PathError */ .ER(`--path "${dirPath}" is not a directory`);
    const present = KUSTOMIZATION_FILE_NAMES.filter((name) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(realTarget, name)));
    if (present.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PathError */ .ER(`no kustomization in "${dirPath}" (looked for ${KUSTOMIZATION_FILE_NAMES.join(", ")})`);
    }
    if (present.length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PathError */ .ER(`"${dirPath}" has more than one kustomization file (${present.join(", ")}); kustomize refuses that too`);
    }
    const name = present[0];
    const absolute = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(realTarget, name));
    assertInside(root, absolute, `${dirPath}/${name}`);
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.join(relativeDir, name);
    return { relative, absolute };
}
function realDirectory(dir, flag) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PathError */ .ER(`${flag} "${dir}" does not exist`);
    const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real).isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PathError */ .ER(`${flag} "${dir}" is not a directory`);
    return real;
}
function assertInside(root, real, shown) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, real);
    if (rel === ".." || rel.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PathError */ .ER(`"${shown}" resolves outside --dir through a symlink (to ${real}); refusing to touch it`);
    }
}


/***/ })

};
