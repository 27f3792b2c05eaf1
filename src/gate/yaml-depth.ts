/**
 * How deeply a YAML text nests (block indentation levels, compact `- - -` sequences and flow
 * `[`/`{` collections), found by a scan of the characters alone. The `yaml` package spends time
 * and memory more than linear in the nesting (a 40 KB `- - - …` line exhausts node's memory), so
 * the gate measures before it parses. The scan knows quotes, comments and block scalars well
 * enough not to count brackets inside them; a file it overrates is one no reviewer could read.
 */
/** The characters that open or close a quote, a flow collection or a block scalar. */
const MAY_NEST = /["'[\]{}|>]/;

export function nestingDepth(text: string): number {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarParent: number | undefined;
  let max = 0;
  for (const line of text.split("\n")) {
    const indent = line.length - line.trimStart().length;
    const rest = line.trim();
    if (blockScalarParent !== undefined) {
      if (rest === "" || indent > blockScalarParent) continue;
      blockScalarParent = undefined;
    }
    let at = indent;
    let compact = 0;
    if (flow === 0 && quote === undefined) {
      if (rest === "" || rest.startsWith("#")) continue;
      if (/^(---|\.\.\.)(\s|$)/.test(line)) {
        indents.length = 0;
        continue;
      }
      while (indents.length && (indents.at(-1) as number) >= indent) indents.pop();
      indents.push(indent);
      while ((line[at] === "-" || line[at] === "?") && (line[at + 1] === " " || line[at + 1] === undefined)) {
        compact++;
        at += 2;
        while (line[at] === " ") at++;
      }
    }
    // a line with no quote, bracket or block indicator cannot open or close anything: most lines
    if (flow === 0 && quote === undefined && !MAY_NEST.test(line)) {
      max = Math.max(max, indents.length + compact);
      continue;
    }
    let valueStart = true;
    for (; at < line.length; at++) {
      const c = line[at] as string;
      if (quote) {
        if (c === "\\" && quote === '"') at++;
        else if (c === quote) {
          if (quote === "'" && line[at + 1] === "'") at++;
          else quote = undefined;
        }
        continue;
      }
      if (c === " " || c === "\t") continue;
      if (c === "#" && (at === 0 || line[at - 1] === " " || line[at - 1] === "\t")) break;
      if ((c === '"' || c === "'") && (valueStart || flow > 0)) {
        quote = c;
        continue;
      }
      if ((c === "[" || c === "{") && (valueStart || flow > 0)) {
        flow++;
        max = Math.max(max, indents.length + compact + flow);
        valueStart = true;
        continue;
      }
      if ((c === "]" || c === "}") && flow > 0) {
        flow--;
        continue;
      }
      if (flow === 0 && valueStart && (c === "|" || c === ">") && /^[|>][0-9+-]*\s*(#.*)?$/.test(line.slice(at))) {
        blockScalarParent = indent;
        break;
      }
      valueStart = (c === ":" && (line[at + 1] === " " || line[at + 1] === undefined)) || (flow > 0 && c === ",");
    }
    max = Math.max(max, indents.length + compact + flow);
  }
  return max;
}
