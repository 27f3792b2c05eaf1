import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InternalError, UsageError } from "../errors.js";
import { BuildError, type Builder, type BuildRequest } from "./builder.js";
import { runTool } from "./run-tool.js";

/**
 * docker buildx: builds and pushes in one `buildx build --push` (multi-platform needs that), so
 * build() with push pending only records the request, and push() runs it and reads the digest
 * from buildx's metadata file.
 */
export function dockerBuilder(): Builder {
  let pending: BuildRequest | undefined;
  const buildArgs = (request: BuildRequest) => {
    const args = ["buildx", "build", "-f", request.file];
    for (const ref of request.refs) args.push("-t", ref);
    for (const [k, v] of Object.entries(request.labels)) args.push("--label", `${k}=${v}`);
    for (const [k, v] of Object.entries(request.buildArgs)) args.push("--build-arg", `${k}=${v}`);
    if (request.target) args.push("--target", request.target);
    if (request.platforms?.length) args.push("--platform", request.platforms.join(","));
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
      if (insecure) for (const ref of refs) refuseInsecure(ref.split("/")[0] ?? ref);
      if (!pending) throw new InternalError("docker builder: push before build");
      const dir = mkdtempSync(path.join(tmpdir(), "gitops-ci-buildx-"));
      try {
        const metadata = path.join(dir, "metadata.json");
        await runTool("docker", [
          ...buildArgs({ ...pending, refs }),
          "--push",
          "--metadata-file",
          metadata,
          pending.context,
        ]);
        const digest = (JSON.parse(readFileSync(metadata, "utf8")) as Record<string, string>)["containerimage.digest"];
        if (!digest)
          throw new BuildError(
            "docker buildx reported no digest for the pushed image; check that the registry accepted the push",
          );
        return digest;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async login(registry, credentials, insecure) {
      if (insecure) refuseInsecure(registry);
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
function refuseInsecure(registry: string): void {
  const host = registry.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1" || /^127\./.test(host)) return;
  throw new UsageError(
    `--insecure-registry with the docker builder: the Docker daemon decides which registries it may reach without TLS verification; add "${registry}" to "insecure-registries" in its daemon.json, or use --builder buildah`,
  );
}
