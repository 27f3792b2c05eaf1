/**
 * What a deployer adds to a kustomization when it builds it: Flux's kustomize-controller writes
 * spec.components, spec.patches, spec.images, spec.targetNamespace and spec.namePrefix/nameSuffix
 * into the kustomization at spec.path, builds it, then substitutes postBuild variables; Argo CD's
 * repo-server runs `kustomize edit` with an Application source's `kustomize:` options first.
 */
export interface DeployerBuild {
  /** The object that asks for the build ("Flux Kustomization apps" in apps/ks.yaml). */
  by: string;
  file: string;
  /** The kustomization directory built, relative to the checkout. */
  dir: string;
  /** Component directories, relative to the checkout. */
  components: string[];
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  /** kustomize `images` and `patches` entries, as plain values. */
  images: unknown[];
  patches: unknown[];
  /** Argo CD's commonLabels and commonAnnotations. */
  commonLabels?: Record<string, unknown>;
  commonAnnotations?: Record<string, unknown>;
  /** postBuild.substitute, then the ConfigMaps and Secrets of postBuild.substituteFrom found in the repo. */
  substitute?: Record<string, string>;
}
