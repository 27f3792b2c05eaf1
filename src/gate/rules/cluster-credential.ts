import { isSeq, type Node } from "yaml";
import type { Finding } from "../finding.js";
import { positionOf } from "../source-files.js";
import { hasEntries, objectsOf, pairOf, stringOf, valueOf } from "../yaml-nav.js";
import type { SourceRule } from "./rule.js";

const CREDENTIAL_KEYS = ["token", "client-key-data", "client-key", "password", "auth-provider"];
const HINT =
  "remove it and rotate the credential: CI and Git must never hold cluster credentials; the in-cluster controller pulls instead";

/** A kubeconfig with user credentials, or a service-account token Secret, committed to the config repo. */
export const clusterCredential: SourceRule = (source) => {
  const findings: Finding[] = [];
  for (const object of objectsOf(source, "Config", "Secret")) {
    if (object.kind === "Config") {
      const users = valueOf(object.map, "users");
      if (!isSeq(users)) continue;
      for (const user of users.items) {
        for (const key of CREDENTIAL_KEYS) {
          const pair = pairOf(valueOf(user, "user"), key);
          if (!pair) continue;
          findings.push({
            rule: "cluster-credential",
            severity: "error",
            file: source.file,
            ...positionOf(source, pair.key as Node),
            message: `kubeconfig user ${stringOf(valueOf(user, "name")) ?? "(unnamed)"} has a ${key}`,
            hint: HINT,
          });
        }
      }
    }
    if (object.kind === "Secret" && stringOf(valueOf(object.map, "type")) === "kubernetes.io/service-account-token") {
      const data = pairOf(object.map, "data") ?? pairOf(object.map, "stringData");
      if (data && hasEntries(data.value)) {
        findings.push({
          rule: "cluster-credential",
          severity: "error",
          file: source.file,
          ...positionOf(source, data.key as Node),
          message: `service-account token Secret ${stringOf(valueOf(object.map, "metadata", "name")) ?? "(unnamed)"} carries its token`,
          hint: HINT,
        });
      }
    }
  }
  return findings;
};
