import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BuildError, type Builder, type BuildRequest, type RegistryCredentials } from "./builder.js";
import { runTool } from "./run-tool.js";

/**
 * buildah, daemonless: chroot isolation and vfs storage unless the environment chooses
 * (BUILDAH_ISOLATION, STORAGE_DRIVER), which is what works in unprivileged CI containers.
 */
export function buildahBuilder(env: NodeJS.ProcessEnv = process.env): Builder {
  const storage = ["--storage-driver", env.STORAGE_DRIVER || "vfs"];
  const isolation = env.BUILDAH_ISOLATION || "chroot";
  return {
    name: "buildah",
    async build(request: BuildRequest) {
      const args = ["build", ...storage, "--isolation", isolation, "--layers", "-f", request.file];
      for (const ref of request.refs) args.push("-t", ref);
      for (const [k, v] of Object.entries(request.labels)) args.push("--label", `${k}=${v}`);
      for (const [k, v] of Object.entries(request.buildArgs)) args.push("--build-arg", `${k}=${v}`);
      if (request.target) args.push("--target", request.target);
      if (request.platforms?.length) args.push("--platform", request.platforms.join(","));
      await runTool("buildah", [...args, request.context]);
    },
    async push(refs, insecure) {
      const dir = mkdtempSync(path.join(tmpdir(), "gitops-ci-push-"));
      try {
        const digests = new Set<string>();
        for (const [i, ref] of refs.entries()) {
          const digestFile = path.join(dir, `digest-${i}`);
          await runTool("buildah", [
            "push",
            ...storage,
            `--tls-verify=${!insecure}`,
            "--digestfile",
            digestFile,
            ref,
            `docker://${ref}`,
          ]);
          digests.add(readFileSync(digestFile, "utf8").trim());
        }
        const [digest, ...others] = [...digests];
        if (!digest || others.length)
          throw new BuildError(
            `the tags were pushed as different manifests (${[...digests].join(", ")}): another push to the same tags raced this one; run again`,
          );
        return digest;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async login(registry, credentials: RegistryCredentials, insecure) {
      await runTool(
        "buildah",
        ["login", `--tls-verify=${!insecure}`, "--username", credentials.username, "--password-stdin", registry],
        { input: credentials.password, quiet: true },
      );
    },
    async logout(registry) {
      await runTool("buildah", ["logout", registry], { quiet: true }).catch(() => undefined);
    },
  };
}
