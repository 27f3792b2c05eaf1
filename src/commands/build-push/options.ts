import type { OptionTable } from "../../surfaces/option-table.js";
import type { OutputTable } from "../../surfaces/outputs.js";
import { dotenvOption, JSON_OPTION } from "../shared-options.js";

/** The options of building and pushing an image, shared by `build-push` and `release`. */
export const BUILD_OPTIONS = {
  image: {
    type: "string",
    required: true,
    value: "<registry/name>",
    help: "Image repository to push to, without tag (e.g. ghcr.io/acme/web).",
    // On GitLab `image` is the job's own image; the component keeps its word for the one it pushes.
    componentName: "image-name",
    componentDefault: "$CI_REGISTRY_IMAGE",
  },
  context: { type: "string", default: ".", value: "<dir>", help: "Build context directory." },
  file: { type: "string", default: "Dockerfile", value: "<path>", help: "Dockerfile, relative to the context." },
  tag: {
    type: "string",
    list: true,
    words: true,
    inputName: "tags",
    aliases: [{ name: "tags", on: ["cli"] }],
    value: "<rule>",
    help: "Tag rules, one a line: type=sha (sha-<7 hex>); type=semver,pattern={{version}} on tag builds (also {{major}}.{{minor}}, {{major}}, {{patch}}); type=ref,event=branch|tag|pr (branch, tag, or pr-<n>); type=raw,value=<tag>; prefix=<p> on any rule. Empty uses ref (branch, pr), semver {{version}} and {{major}}.{{minor}}, and sha.",
  },
  label: {
    type: "string",
    list: true,
    inputName: "labels",
    value: "<key=value>",
    help: "Extra OCI labels, KEY=VALUE one a line (source, revision, created, version and title are set already).",
  },
  "build-arg": {
    type: "string",
    list: true,
    inputName: "build-args",
    value: "<key=value>",
    help: "Build arguments, KEY=VALUE one a line.",
  },
  target: { type: "string", value: "<stage>", help: "Build stage to stop at." },
  platforms: {
    type: "string",
    value: "<list>",
    help: "Target platforms, comma-separated (e.g. linux/amd64,linux/arm64).",
  },
  "build-tool": {
    type: "string",
    default: "auto",
    choices: ["auto", "docker", "buildah"],
    aliases: [{ name: "builder" }],
    componentDefault: "buildah",
    value: "<tool>",
    help: "auto (docker buildx when a Docker daemon answers, else buildah), docker, or buildah.",
  },
  "registry-username-variable": {
    type: "string",
    aliases: [{ name: "registry-username-env", on: ["cli"] }],
    value: "<NAME>",
    help: "Name of the variable holding the registry user (default: CI_REGISTRY_USER for $CI_REGISTRY images on GitLab, else REGISTRY_USERNAME).",
    surfaces: ["cli", "component"],
    componentDefault: "CI_REGISTRY_USER",
    why: "the action takes the user name itself (registry-username)",
  },
  "registry-password-variable": {
    type: "string",
    aliases: [{ name: "registry-password-env", on: ["cli"] }],
    value: "<NAME>",
    help: "Name of the variable holding the registry password or token (default: CI_REGISTRY_PASSWORD likewise, else REGISTRY_PASSWORD); sent on stdin, never in argv.",
    surfaces: ["cli", "component"],
    componentDefault: "CI_REGISTRY_PASSWORD",
    why: "the action takes the password itself (registry-password)",
  },
  "registry-username": {
    type: "string",
    help: "Registry user name.",
    surfaces: ["action"],
    why: "the CLI and the component read it from a variable (registry-username-variable)",
  },
  "registry-password": {
    secret: true,
    type: "string",
    help: "Registry password or token; masked, passed on stdin, never in argv.",
    surfaces: ["action"],
    why: "the CLI and the component read it from a variable (registry-password-variable)",
  },
  "insecure-registry": {
    type: "boolean",
    default: false,
    help: "Plain HTTP (or unverified TLS) to the registry.",
  },
  json: JSON_OPTION,
} as const satisfies OptionTable;

/** Every option of `build-push`. */
export const BUILD_PUSH_OPTIONS = {
  ...BUILD_OPTIONS,
  push: {
    type: "boolean",
    default: true,
    help: "Push the image after building.",
    negatedHelp: "Build only; push nothing.",
  },
  dotenv: dotenvOption("gitops-ci-build-push.env"),
} as const satisfies OptionTable;

export const BUILD_PUSH_OUTPUTS = {
  digest: { help: "Digest of the pushed manifest, as the registry reports it (empty when not pushed)." },
  image: { help: "The pushed image as NAME@DIGEST (the first tag when not pushed)." },
  tags: { help: "Tags pushed, one a line (a JSON array in the CLI's --json; space-separated in dotenv).", lines: true },
  version: { help: "The version the tag rules computed." },
  metadata: { help: "JSON with tags, labels, digest and image." },
} as const satisfies OutputTable;
