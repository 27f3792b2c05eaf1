import * as core from "@actions/core";
import { registerSecret } from "../secrets.js";
import { offeredOn, type OptionTable, type OptionValues } from "./option-table.js";
import { readValues } from "./read-values.js";

/**
 * The action's inputs, from the table: empty is unset, lists are one item a line; options it does
 * not offer keep their defaults. An old input name still works; the runner prints its
 * `deprecationMessage` and this warns once more, naming the new one. Credentials are masked first.
 */
export function readActionInputs<T extends OptionTable>(table: T): OptionValues<T> {
  for (const [name, spec] of Object.entries(table)) {
    const value = spec.secret && offeredOn(spec, "action") ? core.getInput(name) : "";
    if (value) {
      core.setSecret(value);
      registerSecret(value);
    }
  }
  return readValues(table, {
    surface: "action",
    read: (name, spec) => {
      if (!offeredOn(spec, "action")) return undefined;
      return spec.type === "string" && spec.list ? core.getMultilineInput(name) : core.getInput(name);
    },
    shown: (name) => `input ${name}`,
    warn: (message) => core.warning(message),
  });
}
