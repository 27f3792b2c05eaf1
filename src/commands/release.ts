import { type SetImageRemoteOptions, type SetImageRemoteResult, setImageRemote } from "./set-image-remote.js";
import { type BuildPushOptions, type BuildPushResult, buildPush } from "./build-push.js";

export interface ReleaseOptions {
  build: BuildPushOptions;
  /** set-image on the config repo, without images: release fills them in. */
  config: Omit<SetImageRemoteOptions, "images">;
  /** The `images[].name` the kustomizations use, when it is not the image repository. */
  name?: string;
}

export interface ReleaseResult {
  build: BuildPushResult;
  /** The tag written as newTag: one that was pushed. */
  tag: string;
  config: SetImageRemoteResult;
}

/** The pushed tag to pin: the version's own tag when pushed, else the sha tag, else the first. */
export function releaseTag(result: BuildPushResult): string {
  const tags = result.tags.map((ref) => ref.slice(ref.lastIndexOf(":") + 1));
  return tags.find((t) => t === result.version) ?? tags.find((t) => t.startsWith("sha-")) ?? (tags[0] as string);
}

/**
 * build-push, then set-image on the config repo with newTag = a pushed tag and digest = the
 * pushed digest, so the cluster pulls exactly the bytes this run built.
 */
export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const build = await buildPush({ ...options.build, push: true });
  const tag = releaseTag(build);
  const name = options.name ?? options.build.image;
  const target = options.name && options.name !== options.build.image ? `${name}=${options.build.image}` : name;
  const config = await setImageRemote({ ...options.config, images: [`${target}:${tag}@${build.digest}`] });
  return { build, tag, config };
}
