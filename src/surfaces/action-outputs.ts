import * as core from "@actions/core";
import { type OutputTable, type OutputValues, outputText } from "./outputs.js";

/** Sets every output the table declares, as the runner carries them (lists one a line or JSON). */
export function setActionOutputs<T extends OutputTable>(table: T, outputs: OutputValues<T>): void {
  for (const [name, spec] of Object.entries(table)) core.setOutput(name, outputText(spec, outputs[name]));
}
