import type { SourceContext } from "../platform/ci-context.js";
import { fillTemplate } from "./template.js";

export interface MessageValues {
  images: string[];
  paths: string[];
  source: SourceContext;
}

/**
 * Fills a commit message template: {images}, {paths}, {source_repo}, {source_sha}, {run_url}.
 * The default links back to the app-repo commit and the CI run when they are known.
 */
export function renderCommitMessage(template: string | undefined, values: MessageValues): string {
  const fields = {
    images: values.images.join(", "),
    paths: values.paths.join(", "),
    source_repo: values.source.repo ?? "",
    source_sha: values.source.sha ?? "",
    run_url: values.source.runUrl ?? "",
  };
  if (template === undefined) return defaultMessage(fields.images, fields.paths, values.source);
  return fillTemplate("--message", template, fields);
}

function defaultMessage(images: string, paths: string, source: SourceContext): string {
  const lines = [`set-image: ${images}`, "", `Kustomizations: ${paths}`];
  if (source.commitUrl) lines.push(`Source: ${source.commitUrl}`);
  else if (source.repo) lines.push(`Source: ${source.repo}${source.sha ? `@${source.sha}` : ""}`);
  if (source.runUrl) lines.push(`Run: ${source.runUrl}`);
  return lines.join("\n");
}
