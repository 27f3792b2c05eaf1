import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";

/** A real distribution registry (Debian's docker-registry) on loopback, stopped after the file's tests. */
export interface TestRegistry {
  /** host:port, as image names use it. */
  host: string;
  /** The CA that signed its certificate (TLS registries). */
  caFile?: string;
  stop(): void;
}

export const REGISTRY_USER = "ci";
export const REGISTRY_PASSWORD = "reg-s3cret-Pa55word-0123456789";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A self-signed CA and a certificate for 127.0.0.1 signed by it. */
function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
  ssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=gitops-ci test CA",
    "-keyout",
    "ca.key",
    "-out",
    "ca.crt",
  );
  ssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr");
  writeFileSync(path.join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
  ssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.crt",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "san.ext",
    "-out",
    "server.crt",
  );
  return { ca: path.join(dir, "ca.crt"), cert: path.join(dir, "server.crt"), key: path.join(dir, "server.key") };
}

/** A registry stopped after the calling file's tests. */
export async function startRegistry(options: { auth?: boolean; tls?: boolean } = {}): Promise<TestRegistry> {
  const registry = await launchRegistry(options);
  after(registry.stop);
  return registry;
}

/** A registry the caller stops (benchmarks run outside the test runner). */
export async function launchRegistry(options: { auth?: boolean; tls?: boolean } = {}): Promise<TestRegistry> {
  const dir = mkdtempSync(path.join(tmpdir(), "gitops-ci-registry-"));
  const port = await freePort();
  const lines = ["version: 0.1", "storage:", "  filesystem:", `    rootdirectory: ${path.join(dir, "data")}`];
  if (options.auth) {
    const hash = execFileSync("htpasswd", ["-nbB", REGISTRY_USER, REGISTRY_PASSWORD], { encoding: "utf8" }).trim();
    writeFileSync(path.join(dir, "htpasswd"), `${hash}\n`);
    lines.push("auth:", "  htpasswd:", "    realm: gitops-ci", `    path: ${path.join(dir, "htpasswd")}`);
  }
  lines.push("http:", `  addr: 127.0.0.1:${port}`);
  let caFile: string | undefined;
  if (options.tls) {
    const certs = makeCertificates(dir);
    caFile = certs.ca;
    lines.push("  tls:", `    certificate: ${certs.cert}`, `    key: ${certs.key}`);
  }
  mkdirSync(path.join(dir, "data"));
  writeFileSync(path.join(dir, "config.yml"), `${lines.join("\n")}\n`);
  const child: ChildProcess = spawn("docker-registry", ["serve", path.join(dir, "config.yml")], { stdio: "ignore" });
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  const host = `127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await listening(port)) return { host, caFile, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  stop();
  throw new Error("the registry did not start");
}

/** The digest the registry itself reports for a tag (skopeo inspect). */
export function registryDigest(ref: string, options: { tlsVerify?: boolean; creds?: string } = {}): string {
  const args = ["inspect", `--tls-verify=${options.tlsVerify ?? false}`];
  if (options.creds) args.push("--creds", options.creds);
  try {
    const out = execFileSync("skopeo", [...args, `docker://${ref}`], { encoding: "utf8", stdio: "pipe" });
    return (JSON.parse(out) as { Digest: string }).Digest;
  } catch (error) {
    // The command line holds the credentials; the failure must not print them.
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(`skopeo inspect ${ref} failed: ${stderr.replaceAll(options.creds ?? "\0", "<creds>")}`);
  }
}
