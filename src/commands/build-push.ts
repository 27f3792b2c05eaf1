import path from "node:path";
import type { Builder, RegistryCredentials } from "../build/builder.js";
import { ociLabels } from "../build/labels.js";
import { computeTags, DEFAULT_RULES, parseTagRule, versionOf } from "../build/tags.js";
import { UsageError } from "../errors.js";
import { splitReference } from "../kustomize/image-ref.js";
import type { BuildContext } from "../platform/build-context.js";

export interface BuildPushOptions {
  /** Repository to push to, without tag: `ghcr.io/acme/web`. */
  image: string;
  context?: string;
  /** Dockerfile, relative to the context. */
  file?: string;
  /** Tag rules (`type=sha`, ...); DEFAULT_RULES when empty. */
  tagRules?: string[];
  labels?: Record<string, string>;
  buildArgs?: Record<string, string>;
  target?: string;
  platforms?: string[];
  builder: Builder;
  push?: boolean;
  credentials?: RegistryCredentials;
  insecureRegistry?: boolean;
  source: BuildContext;
}

export interface BuildPushResult {
  /** `name@digest` when pushed, else the first `name:tag`. */
  image: string;
  digest?: string;
  /** Full references built (and pushed). */
  tags: string[];
  version: string;
  labels: Record<string, string>;
}

/** The registry host of a repository name, as docker logs in to it. */
export function registryOf(image: string): string {
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
export async function buildPush(options: BuildPushOptions): Promise<BuildPushResult> {
  const ref = splitReference(options.image);
  if (ref.tag || ref.digest)
    throw new UsageError(`--image ${options.image}: give the repository only; tags come from --tags rules`);
  const rules = (options.tagRules?.length ? options.tagRules : DEFAULT_RULES).map(parseTagRule);
  const tags = computeTags(rules, options.source);
  if (tags.length === 0)
    throw new UsageError("the tag rules give no tag for this build; add type=sha or type=raw,value=...");
  const version = versionOf(options.source);
  const labels = ociLabels(options.source, options.image, version, options.labels ?? {});
  const refs = tags.map((t) => `${options.image}:${t}`);
  const context = options.context ?? ".";
  await options.builder.build({
    context,
    file: path.join(context, options.file ?? "Dockerfile"),
    refs,
    labels,
    buildArgs: options.buildArgs ?? {},
    target: options.target,
    platforms: options.platforms,
  });
  if (options.push === false) return { image: refs[0] as string, tags: refs, version, labels };
  const registry = registryOf(options.image);
  if (options.credentials)
    await options.builder.login(registry, options.credentials, options.insecureRegistry ?? false);
  try {
    const digest = await options.builder.push(refs, options.insecureRegistry ?? false);
    return { image: `${options.image}@${digest}`, digest, tags: refs, version, labels };
  } finally {
    if (options.credentials) await options.builder.logout(registry);
  }
}
