import { UsageError } from "../errors.js";

/** An image reference as written by users: `name[:tag][@digest]`. */
export interface ImageRef {
  name: string;
  tag?: string;
  digest?: string;
}

/**
 * What `set-image` is asked to do to one image, in the grammar of
 * `kustomize edit set image`: `NAME[=NEWNAME][:TAG][@DIGEST]`.
 */
export interface ImageSpec {
  /** The spec as the user wrote it, for messages and commit texts. */
  raw: string;
  /** The `images[].name` to find (compared after normalization). */
  name: string;
  newName?: string;
  tag?: string;
  digest?: string;
}

// Grammar from the OCI distribution spec and github.com/distribution/reference.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const DOMAIN_COMPONENT = "(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])";
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;

/** The docker rule: the first path part is a registry host if it looks like one. */
function splitDomain(name: string): { domain?: string; path: string } {
  const slash = name.indexOf("/");
  if (slash < 0) return { path: name };
  const first = name.slice(0, slash);
  const isHost = first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase();
  return isHost ? { domain: first, path: name.slice(slash + 1) } : { path: name };
}

export function describeNameProblem(name: string): string | undefined {
  if (name === "") return "the image name is empty";
  if (name.length > 255) return "the image name is longer than 255 characters";
  const { domain, path } = splitDomain(name);
  if (domain !== undefined && !DOMAIN.test(domain)) {
    return `"${domain}" is not a valid registry host[:port]`;
  }
  for (const part of path.split("/")) {
    if (!PATH_COMPONENT.test(part)) {
      return `"${part}" is not a valid repository path component (lowercase letters, digits and single . _ __ or - separators)`;
    }
  }
  return undefined;
}

function checkName(name: string, spec: string, role: string): void {
  const problem = describeNameProblem(name);
  if (problem) throw new UsageError(`image spec "${spec}": ${role}: ${problem}`);
}

export function describeTagProblem(tag: string): string | undefined {
  return TAG.test(tag)
    ? undefined
    : `tag ${JSON.stringify(tag)} is not a valid OCI tag (1-128 characters of letters, digits, _ . -, not starting with . or -)`;
}

export function describeDigestProblem(digest: string): string | undefined {
  return DIGEST.test(digest)
    ? undefined
    : `digest ${JSON.stringify(digest)} is malformed (expected sha256: and 64 lowercase hex digits, or sha512: and 128)`;
}

function checkTag(tag: string, spec: string): void {
  const problem = describeTagProblem(tag);
  if (problem) throw new UsageError(`image spec "${spec}": ${problem}`);
}

function checkDigest(digest: string, spec: string): void {
  const problem = describeDigestProblem(digest);
  if (problem) throw new UsageError(`image spec "${spec}": ${problem}`);
}

/** Splits `name[:tag][@digest]`; a `:` before the last `/` belongs to a registry port. */
export function splitReference(ref: string): ImageRef {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, tag, digest };
}

/** Parses and validates one `--image` spec; throws UsageError naming the part that is wrong. */
export function parseImageSpec(raw: string): ImageSpec {
  const spec = raw.trim();
  if (spec === "") throw new UsageError("image spec is empty");
  if (/\s/.test(spec)) throw new UsageError(`image spec "${raw}" contains whitespace`);

  const eq = spec.indexOf("=");
  let name: string;
  let target: ImageRef;
  let newName: string | undefined;
  if (eq >= 0) {
    name = spec.slice(0, eq);
    const lhs = splitReference(name);
    if (lhs.tag !== undefined || lhs.digest !== undefined) {
      throw new UsageError(
        `image spec "${spec}": put the tag or digest after the new name (NAME=NEWNAME:TAG@DIGEST), not before "="`,
      );
    }
    target = splitReference(spec.slice(eq + 1));
    newName = target.name;
    checkName(newName, spec, "new name");
  } else {
    target = splitReference(spec);
    name = target.name;
  }
  checkName(name, spec, "name");
  if (target.tag !== undefined) checkTag(target.tag, spec);
  if (target.digest !== undefined) checkDigest(target.digest, spec);
  if (newName === undefined && target.tag === undefined && target.digest === undefined) {
    throw new UsageError(
      `image spec "${spec}" sets nothing: give a tag (${name}:TAG), a digest (${name}@sha256:...) or a new name (${name}=NEWNAME)`,
    );
  }
  return { raw: spec, name, newName, tag: target.tag, digest: target.digest };
}

/** Parses every spec; two specs for the same image would make the result depend on their order. */
export function parseImageSpecs(raws: string[]): ImageSpec[] {
  const specs = raws.map(parseImageSpec);
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const key = normalizeImageName(spec.name);
    const earlier = seen.get(key);
    if (earlier)
      throw new UsageError(`image specs "${earlier}" and "${spec.raw}" name the same image; give one spec per image`);
    seen.set(key, spec.raw);
  }
  return specs;
}

/**
 * The canonical form used to decide that two names are the same image, so that
 * `nginx`, `docker.io/library/nginx` and `index.docker.io/library/nginx` match one entry.
 */
export function normalizeImageName(name: string): string {
  const split = splitDomain(name);
  let domain = split.domain?.toLowerCase() ?? "docker.io";
  let path = split.path;
  if (domain === "index.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !path.includes("/")) path = `library/${path}`;
  return `${domain}/${path}`;
}
