/**
 * One option of one command, declared once: the CLI flag and its help, the action input, the
 * component input (and its job variable) are all read from this, and a test holds action.yml and
 * the component's `spec: inputs` to it.
 */
export type OptionSpec = (
  | { type: "string"; default?: string; choices?: readonly string[]; list?: false }
  | { type: "string"; list: true }
  | { type: "boolean"; default?: boolean }
) & {
  /** What the flag takes, in the CLI's help: `<path>`. */
  value?: string;
  /** One description for every surface: help line, action input, component input. */
  help: string;
  /** Where it is offered; absent means everywhere. A surface left out says why in `why`. */
  surfaces?: readonly Surface[];
  why?: string;
  /** The component's input name when it is not the option's (the component's own words). */
  componentName?: string;
  /** A different default on one surface (the component publishes unless told not to). */
  componentDefault?: string | boolean;
  actionDefault?: string;
};

export type Surface = "cli" | "action" | "component";

export type OptionTable = Record<string, OptionSpec>;

/** The value an option has after parsing: lists are arrays, switches booleans, choices their union. */
export type OptionValue<S> = S extends { list: true }
  ? string[]
  : S extends { type: "boolean" }
    ? S extends { default: boolean }
      ? boolean
      : boolean | undefined
    : S extends { choices: readonly (infer C extends string)[] }
      ? S extends { default: string }
        ? C
        : C | undefined
      : S extends { default: string }
        ? string
        : string | undefined;

export type OptionValues<T extends OptionTable> = { -readonly [K in keyof T]: OptionValue<T[K]> };

export function offeredOn(spec: OptionSpec, surface: Surface): boolean {
  return spec.surfaces === undefined || spec.surfaces.includes(surface);
}

/** The environment variable the CLI falls back to for an option: `GITOPS_CI_SEALED_SECRETS_CERT`. */
export function envName(option: string): string {
  return `GITOPS_CI_${option.toUpperCase().replaceAll("-", "_")}`;
}
