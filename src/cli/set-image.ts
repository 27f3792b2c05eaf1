import { type SetImageResult, setImageLocal } from "../commands/set-image.js";
import type { ImageEdit, ImageFields } from "../kustomize/set-images.js";
import { parseFlags } from "./args.js";
import type { CliCommand } from "./command.js";

const HELP = `Usage: gitops-ci set-image --path <dir> --image <spec> [options]

Set image names, tags and digests in kustomizations, changing nothing else in the files.

Options:
  --dir <checkout>    the config repo checkout every --path is relative to (default: .)
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
  --dry-run           print the unified diff and write nothing
  --json              print the result as one JSON object
  -h, --help          show this help

Exit codes: 0 done (changed or unchanged), 1 failure (nothing written), 2 usage error.

Example:
  gitops-ci set-image --dir config --path apps/web/overlays/staging \\
    --image registry.local:5000/team/web:1.4.2@sha256:<64 hex>`;

export const setImageCli: CliCommand = {
  name: "set-image",
  summary: "set image tags/digests in kustomizations of the config repo",
  help: HELP,
  async run(args) {
    const { values } = parseFlags("set-image", args, {
      dir: { type: "string", default: "." },
      path: { type: "string", multiple: true, default: [] },
      image: { type: "string", multiple: true, default: [] },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    });
    const result = setImageLocal({
      dir: values.dir as string,
      paths: values.path as string[],
      images: values.image as string[],
      dryRun: values["dry-run"] as boolean,
    });
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatText(result));
    return 0;
  },
};

function formatText(result: SetImageResult): string {
  const lines = result.images.map((e) => `${e.file}:${e.line}: ${e.name}: ${describeEdit(e)}`);
  const verb = result.dryRun ? "would change" : "changed";
  const tail = result.changed
    ? `${result.files.length} file(s) ${verb}${result.dryRun ? "; dry run, nothing written" : ""}.`
    : "Nothing to change.";
  return `${result.dryRun ? result.diff : ""}${[...lines, tail].join("\n")}\n`;
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
