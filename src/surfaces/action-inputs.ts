import * as core from "@actions/core";
import { offeredOn, type OptionTable, type OptionValues } from "./option-table.js";
import { readValues } from "./read-values.js";

/** The action's inputs, from the table: empty is unset, lists are one item a line; options it does not offer keep their defaults. */
export function readActionInputs<T extends OptionTable>(table: T): OptionValues<T> {
  return readValues(
    table,
    (name, spec) => {
      if (!offeredOn(spec, "action")) return undefined;
      return spec.type === "string" && spec.list ? core.getMultilineInput(name) : core.getInput(name);
    },
    (name) => `input ${name}`,
  );
}
