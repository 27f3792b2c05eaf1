import type { BuildContext } from "../platform/build-context.js";

/**
 * The OCI annotations every image gets: where it was built from and which version it is. The
 * promotion PR reads source and revision for its compare links. `extra` wins over the defaults.
 */
export function ociLabels(
  context: BuildContext,
  image: string,
  version: string,
  extra: Record<string, string>,
  now: Date = new Date(),
): Record<string, string> {
  const defaults: Record<string, string> = {
    "org.opencontainers.image.created": now.toISOString(),
    "org.opencontainers.image.revision": context.sha,
    "org.opencontainers.image.version": version,
    "org.opencontainers.image.title": context.repoName ?? image.split("/").at(-1) ?? image,
  };
  if (context.sourceUrl) defaults["org.opencontainers.image.source"] = context.sourceUrl;
  return { ...defaults, ...extra };
}
