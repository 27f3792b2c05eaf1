import { type SetImageResult, setImageLocal } from "../commands/set-image.js";
import type { SetImageRemoteResult } from "../commands/set-image-remote.js";
import { SET_IMAGE_OPTIONS, SET_IMAGE_OUTPUTS } from "../commands/set-image/options.js";
import { pinFlagsOf } from "../commands/shared-options.js";
import { setImageOutputs } from "../commands/set-image/outputs.js";
import { UsageError } from "../errors.js";
import type { ImageEdit, ImageFields } from "../kustomize/image-changes.js";
import { readSourceContext } from "../platform/ci-context.js";
import { writeDotenv } from "../platform/gitlab-job.js";
import { redact } from "../secrets.js";
import { cliOptionsHelp, parseCliOptions } from "../surfaces/cli-options.js";
import type { OptionValues } from "../surfaces/option-table.js";
import type { OutputValues } from "../surfaces/outputs.js";
import type { CliCommand } from "./command.js";
import { forgeFromFlags, logLine } from "./forge-flags.js";

const LOCAL = ["dir"];
const REMOTE = ["repo", "branch", "forge", "api-url", "token-variable", "mode", "message", "timeout"];
const GENERAL = Object.keys(SET_IMAGE_OPTIONS).filter((name) => !LOCAL.includes(name) && !REMOTE.includes(name));

const HELP = `Usage: gitops-ci set-image --path <dir> --image <spec> [options]

Set image names, tags and digests in kustomizations, changing nothing else in the files:
in a local checkout (--dir), or in the config repo through the GitHub or GitLab API (--repo),
without cloning it, as one atomic commit or a pull/merge request.

Options (each also read from GITOPS_CI_INPUT_<OPTION> when the flag is absent, e.g. GITOPS_CI_INPUT_REPO):
${cliOptionsHelp(SET_IMAGE_OPTIONS, GENERAL, [["-h, --help", "Show this help."]])}

Local checkout:
${cliOptionsHelp(SET_IMAGE_OPTIONS, LOCAL)}

Through the Git hosting API (no clone):
${cliOptionsHelp(SET_IMAGE_OPTIONS, REMOTE)}

Exit codes: 0 done (changed or unchanged), 1 failure (nothing written), 2 usage error.

Examples:
  gitops-ci set-image --dir config --path apps/web/overlays/staging \\
    --image registry.local:5000/team/web:1.4.2@sha256:<64 hex>
  GITOPS_TOKEN=... gitops-ci set-image --repo acme/config --branch main \\
    --path apps/web/overlays/staging --image ghcr.io/acme/web:1.4.2`;

export const setImageCli: CliCommand = {
  name: "set-image",
  summary: "set image tags/digests in kustomizations of the config repo",
  help: HELP,
  async run(args) {
    const values = parseCliOptions("set-image", SET_IMAGE_OPTIONS, args);
    const { path: paths, image: images, "dry-run": dryRun } = values;
    if (!values.repo) {
      const result = setImageLocal({ dir: values.dir ?? ".", paths, images, pins: pinFlagsOf(values), dryRun });
      finish(values, setImageOutputs(result), toJson(result), formatLocal(result));
      return 0;
    }
    if (values.dir !== undefined)
      throw new UsageError("--dir (a local checkout) and --repo (through the API) exclude each other");
    // The API clients are loaded only for --repo: local edits and --help start faster without them.
    const { setImageRemote } = await import("../commands/set-image-remote.js");
    const forge = await forgeFromFlags(values.repo, values);
    const result = await setImageRemote({
      forge,
      branch: values.branch,
      paths,
      images,
      pins: pinFlagsOf(values),
      mode: values.mode,
      message: values.message,
      source: readSourceContext(),
      timeoutMs: values.timeout * 1000,
      dryRun,
      log: logLine,
    });
    finish(values, setImageOutputs(result), toJson(result), formatRemote(result, dryRun));
    return 0;
  },
};

function finish(
  values: OptionValues<typeof SET_IMAGE_OPTIONS>,
  outputs: OutputValues<typeof SET_IMAGE_OUTPUTS>,
  json: unknown,
  text: string,
): void {
  process.stdout.write(redact(values.json ? `${JSON.stringify(json)}\n` : text));
  if (values.dotenv) writeDotenv(values.dotenv, SET_IMAGE_OUTPUTS, outputs);
}

/** The JSON keys are the action's output names, so one vocabulary serves CLI, action and component. */
function toJson(result: SetImageResult | SetImageRemoteResult): Record<string, unknown> {
  if ("dryRun" in result) {
    const { dryRun, ...rest } = result;
    return { ...rest, "dry-run": dryRun };
  }
  const { prNumber, prUrl, ...rest } = result;
  return { ...rest, "pr-number": prNumber, "pr-url": prUrl };
}

function editLines(edits: (ImageEdit & { file: string })[]): string[] {
  return edits.map((e) => `${e.file}:${e.line}: ${e.name}: ${describeEdit(e)}`);
}

function formatLocal(result: SetImageResult): string {
  const verb = result.dryRun ? "would change" : "changed";
  const tail = result.changed
    ? `${result.files.length} file(s) ${verb}${result.dryRun ? "; dry run, nothing written" : ""}.`
    : "Nothing to change.";
  return `${result.dryRun ? result.diff : ""}${[...editLines(result.images), tail].join("\n")}\n`;
}

function formatRemote(result: SetImageRemoteResult, dryRun: boolean): string {
  const lines = editLines(result.images);
  if (!result.changed) lines.push(result.prUrl ? `Already proposed: ${result.prUrl}` : "Nothing to change.");
  else if (dryRun)
    lines.push(`${result.files.length} file(s) would change on ${result.branch}; dry run, nothing committed.`);
  else {
    lines.push(
      `Committed ${result.commit?.slice(0, 12)} to ${result.branch} (${result.files.length} file(s), attempt ${result.attempts}).`,
    );
    if (result.prUrl) lines.push(`Pull/merge request: ${result.prUrl}`);
  }
  return `${dryRun ? result.diff : ""}${lines.join("\n")}\n`;
}

function describeEdit(edit: ImageEdit): string {
  if (edit.action === "added") return `added (${describeFields(edit.after)})`;
  if (edit.action === "unchanged") return `unchanged (${describeFields(edit.after)})`;
  const parts = (["newName", "newTag", "digest"] as const).flatMap((f) => {
    const from = edit.before?.[f];
    const to = edit.after[f];
    if (from === to) return [];
    if (to === undefined) return [`${f} ${from} removed`];
    return [from === undefined ? `${f} ${to} set` : `${f} ${from} -> ${to}`];
  });
  return parts.join(", ");
}

function describeFields(fields: ImageFields): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}
