import { UsageError } from "../errors.js";
import type { SourceContext } from "../platform/ci-context.js";

export interface MessageValues {
  images: string[];
  paths: string[];
  source: SourceContext;
}

const PLACEHOLDERS = ["images", "paths", "source_repo", "source_sha", "run_url"] as const;

/**
 * Fills a commit message template: {images}, {paths}, {source_repo}, {source_sha}, {run_url}.
 * The default links back to the app-repo commit and the CI run when they are known.
 */
export function renderCommitMessage(template: string | undefined, values: MessageValues): string {
  const fields: Record<(typeof PLACEHOLDERS)[number], string> = {
    images: values.images.join(", "),
    paths: values.paths.join(", "),
    source_repo: values.source.repo ?? "",
    source_sha: values.source.sha ?? "",
    run_url: values.source.runUrl ?? "",
  };
  if (template === undefined) return defaultMessage(fields.images, fields.paths, values.source);
  const unknown = [...template.matchAll(/\{([a-z_]+)\}/g)]
    .map((m) => m[1])
    .find((n) => !PLACEHOLDERS.includes(n as never));
  if (unknown)
    throw new UsageError(
      `--message has an unknown placeholder {${unknown}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")})`,
    );
  return template.replace(/\{([a-z_]+)\}/g, (_, name: (typeof PLACEHOLDERS)[number]) => fields[name]);
}

function defaultMessage(images: string, paths: string, source: SourceContext): string {
  const lines = [`set-image: ${images}`, "", `Kustomizations: ${paths}`];
  if (source.commitUrl) lines.push(`Source: ${source.commitUrl}`);
  else if (source.repo) lines.push(`Source: ${source.repo}${source.sha ? `@${source.sha}` : ""}`);
  if (source.runUrl) lines.push(`Run: ${source.runUrl}`);
  return lines.join("\n");
}
