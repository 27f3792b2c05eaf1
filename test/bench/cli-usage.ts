import { spawnSync } from "node:child_process";
import path from "node:path";

export const CLI = path.resolve("dist/cli/index.js");

/** The CLI bundle in a child: its own CPU seconds, peak memory and wall time, renderers' processes not counted. */
export function cliRun(
  args: string[],
  cwd?: string,
): { cpu: number; maxRssMiB: number; wall: number; status: number | null; stdout: string; stderr: string } {
  const report = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nRUSAGE"+JSON.stringify(process.resourceUsage())))`;
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--import", report, CLI, ...args], { encoding: "utf8", cwd });
  const wall = (performance.now() - start) / 1000;
  const usage = JSON.parse(r.stderr.slice(r.stderr.lastIndexOf("RUSAGE") + 6)) as {
    userCPUTime: number;
    systemCPUTime: number;
    maxRSS: number;
  };
  return {
    cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMiB: usage.maxRSS / 1024,
    wall,
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}
