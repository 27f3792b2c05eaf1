import * as core from "@actions/core";
import { setImageLocal } from "../commands/set-image.js";
import { getListInput, markdownTable, runAction } from "../platform/github-action.js";

void runAction(async () => {
  const result = setImageLocal({
    dir: core.getInput("dir") || ".",
    paths: getListInput("paths"),
    images: getListInput("images"),
    dryRun: core.getBooleanInput("dry-run"),
  });
  core.setOutput("changed", String(result.changed));
  core.setOutput("files", JSON.stringify(result.files));
  core.setOutput("images", JSON.stringify(result.images));
  for (const e of result.images) core.info(`${e.file}:${e.line}: ${e.name}: ${e.action}`);
  const rows = result.images.map((e) => [
    e.file,
    e.name,
    e.action,
    e.after.newName ?? "",
    e.after.newTag ?? "",
    e.after.digest ?? "",
  ]);
  await core.summary
    .addHeading(result.dryRun ? "set-image (dry run)" : "set-image", 3)
    .addRaw(`${markdownTable(["file", "image", "action", "newName", "newTag", "digest"], rows)}\n`)
    .addRaw(result.changed ? "" : "\nNothing to change.\n")
    .write();
});
