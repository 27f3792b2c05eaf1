import { sleep } from "./retry-policy.js";

/** At most `requests` content-creating requests in any `windowMs`. */
export interface ContentLimit {
  requests: number;
  windowMs: number;
}

/**
 * GitHub's secondary limits for requests that create content (POST, PATCH, PUT, DELETE and
 * GraphQL mutations): about 80 a minute and 500 an hour. Going over gets 403s, and repeated
 * violations can get the integration blocked for longer, so a run paces itself below them.
 */
export const GITHUB_CONTENT_LIMITS: ContentLimit[] = [
  { requests: 80, windowMs: 60_000 },
  { requests: 500, windowMs: 3_600_000 },
];

/** Spaces content-creating requests so that no sliding window holds more than its limit, and says when it waits. */
export class ContentPacer {
  private readonly sent: { at: number }[] = [];

  constructor(
    private readonly limits: ContentLimit[],
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Resolves when one more write fits every limit, and counts it; call the returned function
   * when the host has answered, which moves the write's time to then: the host counts it when it
   * arrives, later than it left, and only the later time keeps this side's count at or above the host's.
   */
  async beforeWrite(): Promise<() => void> {
    for (;;) {
      const { wait, limit } = this.nextSlot();
      if (wait <= 0) break;
      this.log(
        `pacing writes for GitHub's content-creation limit (${limit.requests} in ${limit.windowMs / 1000} s): waiting ${(wait / 1000).toFixed(1)} s`,
      );
      await sleep(wait);
    }
    const entry = { at: this.now() };
    this.sent.push(entry);
    return () => {
      entry.at = Math.max(entry.at, this.now());
      this.sent.sort((a, b) => a.at - b.at);
    };
  }

  /** How long until the oldest write of the fullest window leaves it. */
  private nextSlot(): { wait: number; limit: ContentLimit } {
    const now = this.now();
    const longest = Math.max(0, ...this.limits.map((l) => l.windowMs));
    while (this.sent.length && (this.sent[0] as { at: number }).at <= now - longest) this.sent.shift();
    let slot = { wait: 0, limit: this.limits[0] as ContentLimit };
    for (const limit of this.limits) {
      const inWindow = this.sent.map((s) => s.at).filter((t) => t > now - limit.windowMs);
      if (inWindow.length < limit.requests) continue;
      const wait = (inWindow[inWindow.length - limit.requests] as number) + limit.windowMs - now;
      if (wait > slot.wait) slot = { wait, limit };
    }
    return slot;
  }
}
