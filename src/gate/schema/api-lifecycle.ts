import { UsageError } from "../../errors.js";

/**
 * When Kubernetes started and stopped serving the built-in API versions that matter for
 * manifests, from the Kubernetes deprecated API migration guide and release notes. The schemas
 * describe the newest release; this table answers "does the target cluster serve it at all".
 */
interface Lifecycle {
  /** First minor release serving it by default (GA, or beta when betas were on by default). */
  since?: number;
  /** First minor release that no longer serves it. */
  removed?: number;
  /** What to use instead. */
  replacement?: string;
}

const REMOVED: [removed: number, replacement: string, types: string[]][] = [
  [16, "apps/v1", ["extensions/v1beta1 DaemonSet", "extensions/v1beta1 Deployment", "extensions/v1beta1 ReplicaSet"]],
  [16, "networking.k8s.io/v1", ["extensions/v1beta1 NetworkPolicy"]],
  [16, "policy/v1beta1", ["extensions/v1beta1 PodSecurityPolicy"]],
  [
    16,
    "apps/v1",
    [
      "apps/v1beta1 Deployment",
      "apps/v1beta1 StatefulSet",
      "apps/v1beta1 ControllerRevision",
      "apps/v1beta2 Deployment",
      "apps/v1beta2 StatefulSet",
      "apps/v1beta2 DaemonSet",
      "apps/v1beta2 ReplicaSet",
      "apps/v1beta2 ControllerRevision",
    ],
  ],
  [
    22,
    "networking.k8s.io/v1",
    ["extensions/v1beta1 Ingress", "networking.k8s.io/v1beta1 Ingress", "networking.k8s.io/v1beta1 IngressClass"],
  ],
  [
    22,
    "admissionregistration.k8s.io/v1",
    [
      "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration",
      "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
    ],
  ],
  [22, "apiextensions.k8s.io/v1", ["apiextensions.k8s.io/v1beta1 CustomResourceDefinition"]],
  [22, "apiregistration.k8s.io/v1", ["apiregistration.k8s.io/v1beta1 APIService"]],
  [22, "certificates.k8s.io/v1", ["certificates.k8s.io/v1beta1 CertificateSigningRequest"]],
  [22, "coordination.k8s.io/v1", ["coordination.k8s.io/v1beta1 Lease"]],
  [
    22,
    "rbac.authorization.k8s.io/v1",
    [
      "rbac.authorization.k8s.io/v1beta1 ClusterRole",
      "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding",
      "rbac.authorization.k8s.io/v1beta1 Role",
      "rbac.authorization.k8s.io/v1beta1 RoleBinding",
    ],
  ],
  [22, "scheduling.k8s.io/v1", ["scheduling.k8s.io/v1beta1 PriorityClass"]],
  [
    22,
    "storage.k8s.io/v1",
    [
      "storage.k8s.io/v1beta1 CSIDriver",
      "storage.k8s.io/v1beta1 CSINode",
      "storage.k8s.io/v1beta1 StorageClass",
      "storage.k8s.io/v1beta1 VolumeAttachment",
    ],
  ],
  [25, "batch/v1", ["batch/v1beta1 CronJob"]],
  [25, "discovery.k8s.io/v1", ["discovery.k8s.io/v1beta1 EndpointSlice"]],
  [25, "events.k8s.io/v1", ["events.k8s.io/v1beta1 Event"]],
  [25, "autoscaling/v2", ["autoscaling/v2beta1 HorizontalPodAutoscaler"]],
  [25, "policy/v1", ["policy/v1beta1 PodDisruptionBudget"]],
  [25, "Pod Security Admission (no replacement object)", ["policy/v1beta1 PodSecurityPolicy"]],
  [25, "node.k8s.io/v1", ["node.k8s.io/v1beta1 RuntimeClass"]],
  [26, "autoscaling/v2", ["autoscaling/v2beta2 HorizontalPodAutoscaler"]],
  [
    26,
    "flowcontrol.apiserver.k8s.io/v1",
    [
      "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema",
      "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration",
    ],
  ],
  [27, "storage.k8s.io/v1", ["storage.k8s.io/v1beta1 CSIStorageCapacity"]],
  [
    29,
    "flowcontrol.apiserver.k8s.io/v1",
    [
      "flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema",
      "flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration",
    ],
  ],
  [
    32,
    "flowcontrol.apiserver.k8s.io/v1",
    [
      "flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema",
      "flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration",
    ],
  ],
];

const INTRODUCED: [since: number, types: string[]][] = [
  [18, ["storage.k8s.io/v1 CSIDriver"]],
  [
    19,
    [
      "networking.k8s.io/v1 Ingress",
      "networking.k8s.io/v1 IngressClass",
      "certificates.k8s.io/v1 CertificateSigningRequest",
      "events.k8s.io/v1 Event",
    ],
  ],
  [20, ["node.k8s.io/v1 RuntimeClass"]],
  [21, ["batch/v1 CronJob", "policy/v1 PodDisruptionBudget", "discovery.k8s.io/v1 EndpointSlice"]],
  [23, ["autoscaling/v2 HorizontalPodAutoscaler"]],
  [24, ["storage.k8s.io/v1 CSIStorageCapacity"]],
  [28, ["authentication.k8s.io/v1 SelfSubjectReview"]],
  [29, ["flowcontrol.apiserver.k8s.io/v1 FlowSchema", "flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration"]],
  [
    30,
    [
      "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy",
      "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding",
    ],
  ],
  [33, ["networking.k8s.io/v1 ServiceCIDR", "networking.k8s.io/v1 IPAddress"]],
  [
    34,
    [
      "resource.k8s.io/v1 DeviceClass",
      "resource.k8s.io/v1 ResourceClaim",
      "resource.k8s.io/v1 ResourceClaimTemplate",
      "resource.k8s.io/v1 ResourceSlice",
      "storage.k8s.io/v1 VolumeAttributesClass",
    ],
  ],
  [
    36,
    [
      "admissionregistration.k8s.io/v1 MutatingAdmissionPolicy",
      "admissionregistration.k8s.io/v1 MutatingAdmissionPolicyBinding",
    ],
  ],
];

const TABLE = new Map<string, Lifecycle>();
for (const [removed, replacement, types] of REMOVED) for (const t of types) TABLE.set(t, { removed, replacement });
for (const [since, types] of INTRODUCED) for (const t of types) TABLE.set(t, { ...TABLE.get(t), since });

/** The oldest release the table covers: older clusters are long out of support. */
export const OLDEST_KUBERNETES_MINOR = 16;

/** Why the cluster at `1.<minor>` does not serve this type, or undefined when it does. */
export function notServedReason(key: string, minor: number): string | undefined {
  const life = TABLE.get(key);
  if (life?.removed !== undefined && minor >= life.removed)
    return `removed in Kubernetes 1.${life.removed}; use ${life.replacement ?? "its replacement"}`;
  if (life?.since !== undefined && minor < life.since) return `first served by Kubernetes 1.${life.since}`;
  return undefined;
}

/** "1.33", "v1.33" or "1.33.2" → 33, within the releases the tool knows. */
export function kubernetesMinorOf(version: string, newest: string): number {
  const minor = Number(/^v?1\.(\d+)(?:\.\d+)?$/.exec(version.trim())?.[1]);
  const newestMinor = Number(newest.split(".")[1]);
  if (!Number.isInteger(minor) || minor < OLDEST_KUBERNETES_MINOR || minor > newestMinor)
    throw new UsageError(
      `--kubernetes-version ${version}: give a release from 1.${OLDEST_KUBERNETES_MINOR} to ${newest} (the schemas shipped with this version), e.g. 1.33`,
    );
  return minor;
}
