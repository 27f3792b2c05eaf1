import { UsageError } from "../../errors.js";

/** One of n CI jobs checking a share of the roots: index is 1-based, as GitLab's CI_NODE_INDEX. */
export interface Shard {
  index: number;
  total: number;
}

/** The most jobs GitLab's `parallel:` allows, and a bound no matrix needs to pass. */
const MAX_SHARDS = 200;

/** `2/4` → { index: 2, total: 4 }. */
export function parseShard(text: string, from = "--shard"): Shard {
  const match = /^(\d{1,3})\/(\d{1,3})$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || total > MAX_SHARDS || index < 1 || index > total)
    throw new UsageError(
      `${from} "${text}": give <index>/<total>, 1 <= index <= total <= ${MAX_SHARDS}, e.g. --shard 2/4`,
    );
  return { index, total };
}

/** A root to place, and what it costs to check: the bytes of the files it reads. */
export interface Weighed {
  key: string;
  weight: number;
}

/**
 * Every root's shard: the heaviest first, each to the lightest shard so far (ties to the lower
 * index), so that shards finish close together. Every job computes the same split from the same
 * repository: nothing is exchanged between them.
 */
export function assignShards(items: Weighed[], total: number): Map<string, number> {
  const load = Array.from({ length: total }, () => 0);
  const assigned = new Map<string, number>();
  const order = [...items].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const item of order) {
    let lightest = 0;
    for (let i = 1; i < total; i++) if ((load[i] as number) < (load[lightest] as number)) lightest = i;
    load[lightest] = (load[lightest] as number) + item.weight;
    assigned.set(item.key, lightest + 1);
  }
  return assigned;
}
