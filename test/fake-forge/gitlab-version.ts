/** The GitLab release the forge behaves as; the default is current GitLab. */
export const CURRENT_GITLAB = "18.5.0";

/** `major.minor` as a comparable number: 15.6 -> 15006. */
function level(version: string): number {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major * 1000 + minor;
}

/**
 * What differs between the GitLab versions the suite supports, as those versions behave
 * (issue 14): each switch names the release where the behaviour changed.
 */
export function gitlabBehaviour(version: string) {
  const at = level(version);
  return {
    version,
    /** `detailed_merge_status` came with 15.6; before, only `merge_status`. */
    detailedMergeStatus: at >= 15006,
    /**
     * `last_commit_id` compared with the file's last commit on the branch itself (older
     * releases), instead of the file's last commit as of that commit.
     */
    lastCommitIdIsFileCommit: at < 16000,
    /** `auto_merge` on the merge endpoint came with 17.11; before, only `merge_when_pipeline_succeeds`. */
    autoMergeParam: at >= 17011,
    /** `GET /metadata` came with 15.2. */
    metadataApi: at >= 15002,
    /** From 15.5 `GET /version` answers what `/metadata` does; before, only version and revision. */
    versionMirrorsMetadata: at >= 15005,
  };
}
