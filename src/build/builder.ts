import { GitopsCiError } from "../errors.js";

/** What to build. */
export interface BuildRequest {
  context: string;
  /** Dockerfile path (relative to the working directory, or absolute). */
  file: string;
  /** Full references to tag the image with (`registry/name:tag`). */
  refs: string[];
  labels: Record<string, string>;
  buildArgs: Record<string, string>;
  target?: string;
  platforms?: string[];
}

export interface RegistryCredentials {
  username: string;
  password: string;
}

/** A container builder the suite drives: docker buildx or buildah. */
export interface Builder {
  readonly name: "docker" | "buildah";
  build(request: BuildRequest): Promise<void>;
  /** Pushes every reference; returns the digest of the pushed manifest. */
  push(refs: string[], insecure: boolean): Promise<string>;
  /** Logs in with the password on stdin, never in argv. */
  login(registry: string, credentials: RegistryCredentials, insecure: boolean): Promise<void>;
  logout(registry: string): Promise<void>;
}

/** The builder failed; its own output was streamed to stderr just before. */
export class BuildError extends GitopsCiError {
  override name = "BuildError";
}
