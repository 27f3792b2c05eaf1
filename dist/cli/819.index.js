export const id = 819;
export const ids = [819];
export const modules = {

/***/ 45819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  selectBuilder: () => (/* binding */ selectBuilder)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/build/builder.ts

/** The builder failed; its own output was streamed to stderr just before. */
class BuildError extends errors/* GitopsCiError */.p {
    name = "BuildError";
}

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
;// CONCATENATED MODULE: ./src/build/run-tool.ts



/**
 * Runs a builder command with its output streamed to stderr (redacted), so a failing build shows
 * the builder's own messages; `input` goes to stdin (passwords). Rejects with BuildError.
 */
function runTool(command, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { env: { ...process.env, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
        let stdout = "";
        let tail = "";
        const forward = (chunk) => {
            const text = chunk.toString();
            tail = (tail + text).slice(-4000);
            if (!options.quiet)
                process.stderr.write((0,secrets/* redact */.E$)(text));
        };
        child.stdout.on("data", (chunk) => {
            stdout += chunk.toString();
            forward(chunk);
        });
        child.stderr.on("data", forward);
        child.on("error", (error) => reject(new BuildError(`${command} could not start (${error.code ?? error.message}); is it installed?`)));
        child.on("close", (code) => {
            if (code === 0)
                resolve(stdout);
            else {
                const last = (0,secrets/* redact */.E$)(tail.trim().split("\n").at(-1) ?? "");
                reject(new BuildError(`${command} ${args[0]} failed (exit ${code}): ${last}`));
            }
        });
        child.stdin.end(options.input ?? "");
    });
}

;// CONCATENATED MODULE: ./src/build/buildah.ts





/**
 * buildah, daemonless: chroot isolation and vfs storage unless the environment chooses
 * (BUILDAH_ISOLATION, STORAGE_DRIVER), which is what works in unprivileged CI containers.
 */
function buildahBuilder(env = process.env) {
    const storage = ["--storage-driver", env.STORAGE_DRIVER || "vfs"];
    const isolation = env.BUILDAH_ISOLATION || "chroot";
    return {
        name: "buildah",
        async build(request) {
            const args = ["build", ...storage, "--isolation", isolation, "--layers", "-f", request.file];
            for (const ref of request.refs)
                args.push("-t", ref);
            for (const [k, v] of Object.entries(request.labels))
                args.push("--label", `${k}=${v}`);
            for (const [k, v] of Object.entries(request.buildArgs))
                args.push("--build-arg", `${k}=${v}`);
            if (request.target)
                args.push("--target", request.target);
            if (request.platforms?.length)
                args.push("--platform", request.platforms.join(","));
            await runTool("buildah", [...args, request.context]);
        },
        async push(refs, insecure) {
            const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,external_node_os_.tmpdir)(), "gitops-ci-push-"));
            try {
                const digests = new Set();
                for (const [i, ref] of refs.entries()) {
                    const digestFile = external_node_path_default().join(dir, `digest-${i}`);
                    await runTool("buildah", [
                        "push",
                        ...storage,
                        `--tls-verify=${!insecure}`,
                        "--digestfile",
                        digestFile,
                        ref,
                        `docker://${ref}`,
                    ]);
                    digests.add((0,external_node_fs_.readFileSync)(digestFile, "utf8").trim());
                }
                const [digest, ...others] = [...digests];
                if (!digest || others.length)
                    throw new BuildError(`the tags were pushed as different manifests (${[...digests].join(", ")}): another push to the same tags raced this one; run again`);
                return digest;
            }
            finally {
                (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            }
        },
        async login(registry, credentials, insecure) {
            await runTool("buildah", ["login", `--tls-verify=${!insecure}`, "--username", credentials.username, "--password-stdin", registry], { input: credentials.password, quiet: true });
        },
        async logout(registry) {
            await runTool("buildah", ["logout", registry], { quiet: true }).catch(() => undefined);
        },
    };
}

;// CONCATENATED MODULE: ./src/build/docker.ts






/**
 * docker buildx: builds and pushes in one `buildx build --push` (multi-platform needs that), so
 * build() with push pending only records the request, and push() runs it and reads the digest
 * from buildx's metadata file.
 */
function dockerBuilder() {
    let pending;
    const buildArgs = (request) => {
        const args = ["buildx", "build", "-f", request.file];
        for (const ref of request.refs)
            args.push("-t", ref);
        for (const [k, v] of Object.entries(request.labels))
            args.push("--label", `${k}=${v}`);
        for (const [k, v] of Object.entries(request.buildArgs))
            args.push("--build-arg", `${k}=${v}`);
        if (request.target)
            args.push("--target", request.target);
        if (request.platforms?.length)
            args.push("--platform", request.platforms.join(","));
        return args;
    };
    return {
        name: "docker",
        async build(request) {
            pending = request;
            // Validate the build now, so a broken Dockerfile fails before any push is attempted.
            await runTool("docker", [...buildArgs(request), request.context]);
        },
        async push(refs, insecure) {
            if (insecure)
                for (const ref of refs)
                    refuseInsecure(ref.split("/")[0] ?? ref);
            if (!pending)
                throw new errors/* InternalError */.Gd("docker builder: push before build");
            const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,external_node_os_.tmpdir)(), "gitops-ci-buildx-"));
            try {
                const metadata = external_node_path_default().join(dir, "metadata.json");
                await runTool("docker", [
                    ...buildArgs({ ...pending, refs }),
                    "--push",
                    "--metadata-file",
                    metadata,
                    pending.context,
                ]);
                const digest = JSON.parse((0,external_node_fs_.readFileSync)(metadata, "utf8"))["containerimage.digest"];
                if (!digest)
                    throw new BuildError("docker buildx reported no digest for the pushed image; check that the registry accepted the push");
                return digest;
            }
            finally {
                (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            }
        },
        async login(registry, credentials, insecure) {
            if (insecure)
                refuseInsecure(registry);
            await runTool("docker", ["login", "--username", credentials.username, "--password-stdin", registry], {
                input: credentials.password,
                quiet: true,
            });
        },
        async logout(registry) {
            await runTool("docker", ["logout", registry], { quiet: true }).catch(() => undefined);
        },
    };
}
/**
 * The Docker daemon, not the client, decides which registries it reaches over plain HTTP or
 * untrusted TLS (loopback ones always), so --insecure-registry cannot be honoured for others.
 */
function refuseInsecure(registry) {
    const host = registry.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
    if (host === "localhost" || host === "::1" || /^127\./.test(host))
        return;
    throw new errors/* UsageError */.eb(`--insecure-registry with the docker builder: the Docker daemon decides which registries it may reach without TLS verification; add "${registry}" to "insecure-registries" in its daemon.json, or use --builder buildah`);
}

;// CONCATENATED MODULE: ./src/build/select-builder.ts





const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function answers(command, args) {
    try {
        await run(command, args, { timeout: 15_000 });
        return true;
    }
    catch {
        return false;
    }
}
/** `auto`: docker when a daemon answers `docker info`, else buildah. */
async function selectBuilder(choice) {
    if (choice === "docker" || (choice === "auto" && (await answers("docker", ["info"]))))
        return dockerBuilder();
    if (await answers("buildah", ["version"]))
        return buildahBuilder();
    throw new errors/* UsageError */.eb(choice === "buildah"
        ? "--builder buildah: buildah is not installed"
        : "no builder: no Docker daemon answers and buildah is not installed (install buildah, or run where docker works)");
}


/***/ })

};
