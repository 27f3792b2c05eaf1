import { ownOpenApiSchema } from "./crd-schemas.js";
import type { ObjectSchema } from "./object-schema.js";

const strings = { type: "array", items: { type: "string" } };
const stringMap = { type: "object", additionalProperties: { type: "string" } };
const target = {
  type: "object",
  properties: Object.fromEntries(
    ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"].map((k) => [
      k,
      { type: "string" },
    ]),
  ),
};
const generatorOptions = {
  type: "object",
  properties: {
    labels: stringMap,
    annotations: stringMap,
    disableNameSuffixHash: { type: "boolean" },
    immutable: { type: "boolean" },
  },
};
const generator = {
  type: "array",
  items: {
    type: "object",
    properties: {
      name: { type: "string" },
      namespace: { type: "string" },
      behavior: { type: "string", enum: ["create", "replace", "merge"] },
      files: strings,
      literals: strings,
      envs: strings,
      env: { type: "string" },
      type: { type: "string" },
      options: generatorOptions,
    },
  },
};

/**
 * The fields of kustomize.config.k8s.io Kustomization and Component (kustomize v5), with the
 * types kustomize decodes them into. kustomize refuses unknown fields, so this is always strict.
 */
const KUSTOMIZATION = {
  type: "object",
  properties: {
    apiVersion: { type: "string" },
    kind: { type: "string", enum: ["Kustomization", "Component"] },
    metadata: { type: "object" },
    resources: strings,
    components: strings,
    bases: strings,
    crds: strings,
    configurations: strings,
    generators: strings,
    transformers: strings,
    validators: strings,
    patchesStrategicMerge: strings,
    buildMetadata: strings,
    namespace: { type: "string" },
    namePrefix: { type: "string" },
    nameSuffix: { type: "string" },
    commonLabels: stringMap,
    commonAnnotations: stringMap,
    labels: {
      type: "array",
      items: {
        type: "object",
        properties: {
          pairs: stringMap,
          includeSelectors: { type: "boolean" },
          includeTemplates: { type: "boolean" },
          fields: { type: "array" },
        },
      },
    },
    images: {
      type: "array",
      items: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          newName: { type: "string" },
          newTag: { type: "string" },
          digest: { type: "string" },
          tagSuffix: { type: "string" },
        },
      },
    },
    replicas: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "count"],
        properties: { name: { type: "string" }, count: { type: "integer" } },
      },
    },
    patches: {
      type: "array",
      items: {
        type: "object",
        properties: {
          path: { type: "string" },
          patch: { type: "string" },
          target,
          options: { type: "object", additionalProperties: { type: "boolean" } },
        },
      },
    },
    patchesJson6902: {
      type: "array",
      items: { type: "object", properties: { path: { type: "string" }, patch: { type: "string" }, target } },
    },
    configMapGenerator: generator,
    secretGenerator: generator,
    generatorOptions,
    vars: { type: "array" },
    replacements: { type: "array" },
    openapi: { type: "object" },
    helmCharts: { type: "array" },
    helmGlobals: { type: "object" },
    helmChartInflationGenerator: { type: "array" },
    sortOptions: { type: "object" },
  },
};

/** kustomize decodes with Go's YAML: a field written as null (every list entry commented out) is its zero value. */
const NULLABLE = {
  ...KUSTOMIZATION,
  properties: Object.fromEntries(
    Object.entries(KUSTOMIZATION.properties).map(([key, schema]) => [key, { ...schema, nullable: true }]),
  ),
};

export const kustomizationSchema: ObjectSchema = ownOpenApiSchema(NULLABLE, "kustomize v5");
