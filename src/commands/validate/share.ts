import type { PlainRoot } from "../../gate/discovery.js";
import { kustomizationIn } from "../../gate/references.js";
import { assignShards, type Shard } from "../../gate/shards/shard.js";
import type { Inventory, RenderJob } from "./discover.js";

/**
 * One shard's share of the roots. Every shard still reads and checks every file at its own lines
 * (duplicates merge away); the roots, which cost the rendering, are split. A file that another
 * shard's root reads is left to that shard's rendered checks, as one run leaves it to its root's.
 */
export function shareOf(found: Inventory, shard: Shard): Inventory {
  const bytes = (files: Iterable<string>) => {
    let total = 0;
    for (const file of files) total += found.sourcesByFile.get(file)?.text.length ?? 0;
    return total;
  };
  const jobFiles = (job: RenderJob) => [
    ...[...job.inputs.dirs].flatMap((dir) => kustomizationIn(dir, found.sourcesByFile)?.file ?? []),
    ...job.inputs.files,
  ];
  const jobKey = (job: RenderJob) => `kustomize\0${job.root.dir}\0${job.build?.file ?? ""}\0${job.build?.by ?? ""}`;
  const plainKey = (plain: PlainRoot) => `plain\0${plain.dir}`;
  const owner = assignShards(
    [
      ...found.allJobs.map((job) => ({ key: jobKey(job), weight: bytes(jobFiles(job)) })),
      ...found.allPlain.map((plain) => ({ key: plainKey(plain), weight: bytes(plain.files) })),
    ],
    shard.total,
  );
  const mine = (key: string) => owner.get(key) === shard.index;
  const others = found.allJobs.filter((job) => !mine(jobKey(job)));
  return {
    ...found,
    allJobs: found.allJobs.filter((job) => mine(jobKey(job))),
    jobs: found.jobs.filter((job) => mine(jobKey(job))),
    allPlain: found.allPlain.filter((plain) => mine(plainKey(plain))),
    plainRoots: found.plainRoots.filter((plain) => mine(plainKey(plain))),
    otherShards: {
      roots: owner.size - [...owner.values()].filter((i) => i === shard.index).length,
      files: new Set(others.flatMap(jobFiles)),
    },
  };
}
