import { type SetImageResult, setImageLocal } from "../commands/set-image.js";
import type { SetImageMode, SetImageRemoteResult } from "../commands/set-image-remote.js";
import { UsageError } from "../errors.js";
import type { ImageEdit, ImageFields } from "../kustomize/set-images.js";
import { readSourceContext } from "../platform/ci-context.js";
import { writeDotenv } from "../platform/gitlab-job.js";
import { oneOf, parseSeconds } from "../options.js";
import { redact } from "../secrets.js";
import { parseFlags } from "./args.js";
import type { CliCommand } from "./command.js";
import { FORGE_FLAGS, forgeFromFlags, logLine } from "./forge-flags.js";

const HELP = `Usage: gitops-ci set-image --path <dir> --image <spec> [options]

Set image names, tags and digests in kustomizations, changing nothing else in the files:
in a local checkout (--dir), or in the config repo through the GitHub or GitLab API (--repo),
without cloning it, as one atomic commit or a pull/merge request.

Options:
  --path <dir>        a kustomization directory (holding kustomization.yaml, .yml or
                      Kustomization); repeat for several
  --image <spec>      what to set, as kustomize edit set image takes it; repeat for several:
                        NAME:TAG             sets newTag, keeps newName, drops a stale digest
                        NAME@DIGEST          sets digest, keeps newName, drops newTag
                        NAME:TAG@DIGEST      sets both
                        NAME=NEWNAME[:TAG][@DIGEST]  also sets newName
                        NAME=NEWNAME         sets newName only, keeps tag and digest
                      NAME matches entries as docker does (nginx = docker.io/library/nginx);
                      an image with no entry gets one.
  --dry-run           print the unified diff and write (or commit) nothing
  --json              print the result as one JSON object
  -h, --help          show this help

Local checkout:
  --dir <checkout>    the config repo checkout every --path is relative to (default: .)

Through the Git hosting API (no clone):
  --repo <repo>       the config repo: owner/name (GitHub) or group/sub/project (GitLab)
  --branch <branch>   the branch to update, or to propose against (default: main)
  --forge <kind>      github or gitlab (default: detected from the CI runner)
  --api-url <url>     REST API base (default: GITHUB_API_URL / CI_API_V4_URL, else the public host)
  --token-env <NAME>  environment variable holding the token (default: GITOPS_TOKEN, then
                      GITHUB_TOKEN or GITLAB_TOKEN); the token never goes on the command line
  --mode <mode>       commit (default): one atomic commit on --branch;
                      pull-request: commit to gitops-ci/set-image/<branch>/<images>-<hash> and open or
                      update its PR/MR (never a duplicate)
  --message <text>    commit message template: {images} {paths} {source_repo} {source_sha} {run_url}
  --timeout <sec>     how long to keep retrying while other pipelines move the branch (default: 120)
  --dotenv <file>     also write the outputs (changed, commit, files, pr-number, pr-url, attempts)
                      as GITOPS_CI_* lines for GitLab's artifacts:reports:dotenv

Exit codes: 0 done (changed or unchanged), 1 failure (nothing written), 2 usage error.

Examples:
  gitops-ci set-image --dir config --path apps/web/overlays/staging \\
    --image registry.local:5000/team/web:1.4.2@sha256:<64 hex>
  GITOPS_TOKEN=... gitops-ci set-image --repo acme/config --branch main \\
    --path apps/web/overlays/staging --image ghcr.io/acme/web:1.4.2`;

const MODES: SetImageMode[] = ["commit", "pull-request"];

export const setImageCli: CliCommand = {
  name: "set-image",
  summary: "set image tags/digests in kustomizations of the config repo",
  help: HELP,
  async run(args) {
    const { values } = parseFlags("set-image", args, {
      dir: { type: "string" },
      path: { type: "string", multiple: true, default: [] },
      image: { type: "string", multiple: true, default: [] },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      repo: { type: "string" },
      branch: { type: "string", default: "main" },
      ...FORGE_FLAGS,
      mode: { type: "string", default: "commit" },
      message: { type: "string" },
      timeout: { type: "string", default: "120" },
      dotenv: { type: "string" },
    });
    const paths = values.path as string[];
    const images = values.image as string[];
    const dryRun = values["dry-run"] as boolean;
    if (!values.repo) {
      const result = setImageLocal({ dir: (values.dir as string | undefined) ?? ".", paths, images, dryRun });
      print(values.json as boolean, toJson(result), formatLocal(result));
      return 0;
    }
    if (values.dir !== undefined)
      throw new UsageError("--dir (a local checkout) and --repo (through the API) exclude each other");
    const mode = oneOf("--mode", values.mode as string, MODES);
    const timeoutMs = parseSeconds("--timeout", values.timeout as string);
    // The API clients are loaded only for --repo: local edits and --help start faster without them.
    const { setImageRemote } = await import("../commands/set-image-remote.js");
    const forge = await forgeFromFlags(values.repo as string, values);
    const log = logLine;
    const result = await setImageRemote({
      forge,
      branch: values.branch as string,
      paths,
      images,
      mode,
      message: values.message as string | undefined,
      source: readSourceContext(),
      timeoutMs,
      dryRun,
      log,
    });
    print(values.json as boolean, toJson(result), formatRemote(result, dryRun));
    if (values.dotenv) {
      writeDotenv(values.dotenv as string, {
        changed: result.changed,
        commit: result.commit,
        files: JSON.stringify(result.files),
        "pr-number": result.prNumber,
        "pr-url": result.prUrl,
        attempts: result.attempts,
      });
    }
    return 0;
  },
};

function print(json: boolean, object: unknown, text: string): void {
  process.stdout.write(redact(json ? `${JSON.stringify(object)}\n` : text));
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
