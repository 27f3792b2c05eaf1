import type { PlannedImage } from "../promote/plan.js";
import { describeImage } from "../promote/plan.js";
import { code, codeLink, type Markdown, plainText, titleText } from "./markdown.js";
import { markdownTable } from "./markdown-table.js";
import { fillTemplate } from "./template.js";

export interface PromotionValues {
  from: string;
  to: string;
  plan: PlannedImage[];
  /** `gitops-ci/validate` on the source's last commit, as the body reports it. */
  sourceGate: string;
  /** Image name → app repository URL, for compare links. */
  sourceRepos: Map<string, string>;
  /** Why the PR is left for review, when policy keeps it from merging. */
  reviewReason?: string;
}

/** The environment a kustomization directory deploys: its last path segment. */
export function envOf(dir: string): string {
  return dir.split("/").filter(Boolean).at(-1) ?? dir;
}

function short(image: PlannedImage): string {
  const name = (image.to.newName ?? image.name).split("/").at(-1) ?? image.name;
  return `${name}:${image.to.newTag ?? image.to.digest?.slice(7, 19) ?? "?"}`;
}

/** The template fields; `images` comes from the repository, so it is escaped for where it goes. */
function fields(values: PromotionValues, escape: (text: string) => string): Record<string, string> {
  return {
    images: escape(values.plan.map(short).join(", ")),
    env: envOf(values.to),
    from: values.from,
    to: values.to,
    table: table(values),
    gate: values.sourceGate,
  };
}

/** `Promote web:1.4.0, api:2.1.0 to production`, or the --title template. */
export function promotionTitle(template: string | undefined, values: PromotionValues): string {
  return titleText(fillTemplate("--title", template ?? "Promote {images} to {env}", fields(values, titleText)));
}

/** The table of versions, the source's gate, and why it waits for review; or the --body template. */
export function promotionBody(template: string | undefined, values: PromotionValues): string {
  const defaultBody = [
    "Promotes what `{from}` runs to `{to}`:",
    "",
    "{table}",
    "",
    "`gitops-ci/validate` on the last commit of `{from}`: {gate}.",
  ].join("\n");
  const text = fillTemplate("--body", template ?? defaultBody, fields(values, plainText));
  const review = values.reviewReason ? `\n\n**Left for review:** ${values.reviewReason}` : "";
  return `${text}${review}`;
}

/** The commit on the promotion branch. */
export function promotionCommitMessage(values: PromotionValues): string {
  const lines = values.plan.map(
    (i) => `- ${i.name}: ${describeImage(i.from, i.name)} -> ${describeImage(i.to, i.name)}`,
  );
  return [
    `promote: ${values.plan.map(short).join(", ")} to ${envOf(values.to)}`,
    "",
    `From ${values.from} to ${values.to}:`,
    ...lines,
  ].join("\n");
}

function table(values: PromotionValues): string {
  return markdownTable(
    ["image", "from", "to", "bump"],
    values.plan.map((i) => [
      code(i.name),
      code(describeImage(i.from, i.name)),
      compareLink(values.sourceRepos.get(i.name), i) ?? code(describeImage(i.to, i.name)),
      i.from ? i.bump : "new",
    ]),
  );
}

/** A compare view of the app repository between the two tags (GitLab's path has `/-/`). */
function compareLink(repoUrl: string | undefined, image: PlannedImage): Markdown | undefined {
  const a = image.from?.newTag;
  const b = image.to.newTag;
  if (!repoUrl || !a || !b) return undefined;
  const base = repoUrl.replace(/\/+$/, "");
  const path = /gitlab/i.test(new URL(base).host) ? "/-/compare/" : "/compare/";
  return codeLink(
    describeImage(image.to, image.name),
    `${base}${path}${encodeURIComponent(a)}...${encodeURIComponent(b)}`,
  );
}
