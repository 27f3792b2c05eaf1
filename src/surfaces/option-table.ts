/**
 * One option of one command, declared once: the CLI flag and its help, the action input, the
 * component input and its job variable are all generated or read from this (`npm run surfaces`
 * writes action.yml and the component's `spec: inputs`; a test holds them to the table).
 */
export type OptionSpec = (
  | {
      type: "string";
      default?: string;
      choices?: readonly string[];
      /** Other words accepted for a choice, on every surface: GitLab's `merge-request` for `pull-request`. */
      synonyms?: Readonly<Record<string, string>>;
      /** The choices the component offers, in GitLab's words, when they are not `choices`. */
      componentChoices?: readonly string[];
      list?: false;
    }
  | {
      type: "string";
      list: true;
      /** Items never hold whitespace (tag rules, image specs), so spaces separate them as newlines do. */
      words?: true;
    }
  | {
      type: "boolean";
      default?: boolean;
      /** A switch on by default is `--no-<name>` on the CLI; this is that flag's help. */
      negatedHelp?: string;
    }
  | { type: "number"; default?: number }
) & {
  /** What the flag takes, in the CLI's help: `<path>`. */
  value?: string;
  /** One description for every surface: help line, action input, component input. */
  help: string;
  /** A credential: the action masks it before it reads (or warns about) anything else. */
  secret?: true;
  /** The run cannot start without it: the action and the component declare it required. */
  required?: true;
  /** Where it is offered; absent means everywhere. A surface left out says why in `why`. */
  surfaces?: readonly Surface[];
  why?: string;
  /** Old names still read (on the surfaces named, else on all), each with a deprecation warning. */
  aliases?: readonly Alias[];
  /** The action's and component's input name when it is not the flag's: `tags` for `--tag`. */
  inputName?: string;
  /** The component's input name when it is not the option's (the component's own words). */
  componentName?: string;
  /** A different default on one surface (the component publishes unless told not to). */
  componentDefault?: string | boolean | number;
  actionDefault?: string;
  /** The component sets the option's variable to this itself, offering no input: `forge: gitlab`. */
  componentFixed?: string;
};

export type Surface = "cli" | "action" | "component";

export interface Alias {
  name: string;
  on?: readonly Surface[];
}

export type OptionTable = Record<string, OptionSpec>;

/** The value an option has after parsing: lists are arrays, switches booleans, choices their union. */
export type OptionValue<S> = S extends { list: true }
  ? string[]
  : S extends { type: "boolean" }
    ? S extends { default: boolean }
      ? boolean
      : boolean | undefined
    : S extends { type: "number" }
      ? S extends { default: number }
        ? number
        : number | undefined
      : S extends { choices: readonly (infer C extends string)[] }
        ? S extends { default: string }
          ? C
          : C | undefined
        : S extends { default: string } | { required: true }
          ? string
          : string | undefined;

export type OptionValues<T extends OptionTable> = { -readonly [K in keyof T]: OptionValue<T[K]> };

export function offeredOn(spec: OptionSpec, surface: Surface): boolean {
  return spec.surfaces === undefined || spec.surfaces.includes(surface);
}

/**
 * The environment variable the CLI falls back to for an option: `GITOPS_CI_INPUT_FAIL_ON`. Not
 * `GITOPS_CI_<OPTION>`: that is how outputs reach later GitLab jobs (dotenv), and GitLab lets a
 * dotenv variable outrank a job's own variables, so an earlier job's output would become an input.
 */
export function envName(option: string): string {
  return `GITOPS_CI_INPUT_${option.toUpperCase().replaceAll("-", "_")}`;
}

/** The option's name on one surface: the flag, the action input, the component input. */
export function nameOn(option: string, spec: OptionSpec, surface: Surface): string {
  if (surface === "cli") return option;
  if (surface === "component" && spec.componentName) return spec.componentName;
  return spec.inputName ?? option;
}

/** The option's old names on one surface. */
export function aliasesOn(spec: OptionSpec, surface: Surface): string[] {
  return (spec.aliases ?? []).filter((a) => a.on === undefined || a.on.includes(surface)).map((a) => a.name);
}

/** The option's default on one surface, as that surface writes it. */
export function defaultOn(spec: OptionSpec, surface: Surface): string | boolean | number | undefined {
  const base = "default" in spec ? spec.default : undefined;
  if (surface === "component" && spec.componentDefault !== undefined) return spec.componentDefault;
  if (surface === "action" && spec.actionDefault !== undefined) return spec.actionDefault;
  return base;
}
