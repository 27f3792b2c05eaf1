/**
 * How far a long validate run is, on stderr: on a terminal a bar redrawn in place; in CI (no
 * terminal) a line every ten seconds, so a quiet log is never mistaken for a hung job. Never on
 * stdout, where the reports go.
 */
export interface Progress {
  begin(phase: string, total: number): void;
  tick(): void;
  end(): void;
}

export const NO_PROGRESS: Progress = { begin: () => undefined, tick: () => undefined, end: () => undefined };

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** How often CI gets a line, and how often a terminal is redrawn at most. */
const CI_INTERVAL_MS = 10_000;
const REDRAW_MS = 100;
const BAR = 20;

export function progressOn(stream: ProgressStream, now: () => number = () => performance.now()): Progress {
  let phase = "";
  let total = 0;
  let done = 0;
  let started = 0;
  let shown = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const tty = stream.isTTY === true;
  const status = () => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 && done < total ? `, about ${duration((total - done) / rate)} left` : "";
    return `${phase} ${done}/${total} roots (${rate.toFixed(1)}/s${eta})`;
  };
  const draw = () => {
    const filled = total ? Math.round((done / total) * BAR) : BAR;
    const line = `[${"#".repeat(filled)}${".".repeat(BAR - filled)}] ${status()}`;
    // A terminal that says no width (a pseudo-terminal often says 0) gets a full line.
    const width = stream.columns && stream.columns > 20 ? stream.columns - 1 : line.length;
    stream.write(`\r\x1b[K${line.slice(0, width)}`);
    drawn = true;
  };
  return {
    begin(name, count) {
      [phase, total, done, started] = [name, count, 0, now()];
      shown = tty ? Number.NEGATIVE_INFINITY : started;
      if (tty && total > 0) draw();
    },
    tick() {
      done++;
      const at = now();
      if (tty && (at - shown >= REDRAW_MS || done === total)) {
        shown = at;
        draw();
      } else if (!tty && at - shown >= CI_INTERVAL_MS) {
        shown = at;
        stream.write(`gitops-ci: ${status()}\n`);
      }
    },
    end() {
      if (tty && drawn) stream.write("\n");
      drawn = false;
    },
  };
}

function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}
