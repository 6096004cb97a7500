/**
 * Makes sure the programs outside npm are present: Jupyter (to execute the
 * notebooks with the Deno kernel) and Chromium (to render plotly figures).
 * When one is missing and this runs as root on a machine with apt-get, it
 * installs Debian's packages; otherwise it prints the exact command and exits
 * with status 1.
 *
 * ```sh
 * deno run -A tools/ensure_deps.ts               # both
 * deno run -A tools/ensure_deps.ts --jupyter     # only Jupyter
 * deno run -A tools/ensure_deps.ts --chromium    # only Chromium
 * deno run -A tools/ensure_deps.ts --check       # report, never install
 * ```
 *
 * @module
 */

/** A program the toolkit needs from outside npm. */
export type Dependency = "jupyter" | "chromium";

/** Where Chromium is expected (Debian's `chromium` package puts it there). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Debian packages that provide each dependency. */
export const DEBIAN_PACKAGES: Readonly<Record<Dependency, readonly string[]>> = {
  jupyter: [
    "jupyter-nbconvert",
    "python3-nbclient",
    "python3-jupyter-client",
    "jupyter-core",
    "python3-ipykernel",
  ],
  chromium: ["chromium", "fonts-liberation"],
};

/** What to do about missing dependencies. */
export type InstallPlan =
  | { kind: "nothing" }
  | { kind: "install"; commands: string[][] }
  | { kind: "instruct"; command: string };

/** What {@linkcode installPlan} needs to know about the machine. */
export interface Machine {
  /** True when running as root. */
  root: boolean;
  /** True when `apt-get` is on the machine. */
  aptGet: boolean;
}

/**
 * Decides how to get the missing dependencies: install them (root with
 * apt-get), or tell the user the one command to run.
 *
 * @example
 * ```ts
 * import { installPlan } from "./ensure_deps.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(installPlan(["chromium"], { root: false, aptGet: true }), {
 *   kind: "instruct",
 *   command: "sudo apt-get update && sudo apt-get install -y chromium fonts-liberation",
 * });
 * ```
 */
export function installPlan(missing: readonly Dependency[], machine: Machine): InstallPlan {
  if (missing.length === 0) return { kind: "nothing" };
  const packages = missing.flatMap((d) => DEBIAN_PACKAGES[d]);
  if (machine.aptGet && machine.root) {
    return {
      kind: "install",
      commands: [["apt-get", "update"], ["apt-get", "install", "-y", ...packages]],
    };
  }
  if (machine.aptGet) {
    return {
      kind: "instruct",
      command: `sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`,
    };
  }
  const lines = [
    `Install these with your system's package manager (Debian names): ${packages.join(" ")}`,
  ];
  if (missing.includes("jupyter")) {
    lines.push(
      "Jupyter can also come from pip: python3 -m pip install nbconvert nbclient ipykernel",
    );
  }
  if (missing.includes("chromium")) {
    lines.push(`Chromium must be at ${CHROMIUM_PATH}.`);
  }
  return { kind: "instruct", command: lines.join("\n") };
}

/**
 * Which of `wanted` are missing on this machine: Jupyter counts as present
 * when `jupyter nbconvert --version` and `jupyter execute --version` both
 * succeed, Chromium when {@linkcode CHROMIUM_PATH} exists.
 */
export async function missingDependencies(
  wanted: readonly Dependency[] = ["jupyter", "chromium"],
): Promise<Dependency[]> {
  const missing: Dependency[] = [];
  for (const dependency of wanted) {
    const present = dependency === "jupyter"
      ? await succeeds(["jupyter", "nbconvert", "--version"]) &&
        await succeeds(["jupyter", "execute", "--version"])
      : await isFile(CHROMIUM_PATH);
    if (!present) missing.push(dependency);
  }
  return missing;
}

async function succeeds(argv: string[]): Promise<boolean> {
  try {
    const out = await new Deno.Command(argv[0], {
      args: argv.slice(1),
      stdout: "null",
      stderr: "null",
    }).output();
    return out.success;
  } catch {
    return false; // not on PATH
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

/** Options for {@linkcode ensureDependencies}. */
export interface EnsureDependenciesOptions {
  /**
   * Only report what is missing and the command to install it; never install.
   * @default false
   */
  checkOnly?: boolean;
}

/**
 * Checks `wanted` and installs what is missing when it can (root with
 * apt-get), printing progress to stderr. Otherwise prints the exact command.
 *
 * @returns True when every wanted dependency is present at the end.
 */
export async function ensureDependencies(
  wanted: readonly Dependency[] = ["jupyter", "chromium"],
  options: EnsureDependenciesOptions = {},
): Promise<boolean> {
  const missing = await missingDependencies(wanted);
  const plan = installPlan(missing, {
    root: Deno.uid() === 0,
    aptGet: await succeeds(["apt-get", "--version"]),
  });
  if (plan.kind === "nothing") {
    console.error(`Dependencies present: ${wanted.join(", ")}`);
    return true;
  }
  console.error(`Missing: ${missing.join(", ")}`);
  if (plan.kind === "instruct" || options.checkOnly) {
    const command = plan.kind === "instruct"
      ? plan.command
      : plan.commands.map((c) => c.join(" ")).join(" && ");
    console.error(`Run this, then try again:\n  ${command}`);
    return false;
  }
  for (const [cmd, ...rest] of plan.commands) {
    console.error(`$ ${[cmd, ...rest].join(" ")}`);
    const status = await new Deno.Command(cmd, {
      args: rest,
      env: { DEBIAN_FRONTEND: "noninteractive" },
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    if (!status.success) {
      console.error(`"${[cmd, ...rest].join(" ")}" failed with exit code ${status.code}`);
      return false;
    }
  }
  const still = await missingDependencies(wanted);
  if (still.length > 0) {
    console.error(`Still missing after installing: ${still.join(", ")}`);
    return false;
  }
  console.error(`Installed: ${missing.join(", ")}`);
  return true;
}

async function main(args: string[]): Promise<number> {
  const known = ["--jupyter", "--chromium", "--check"];
  const unknown = args.filter((a) => !known.includes(a));
  if (unknown.length > 0) {
    console.error(`Unknown option "${unknown[0]}"; expected one of ${known.join(", ")}`);
    return 2;
  }
  const only = (["jupyter", "chromium"] as const).filter((d) => args.includes(`--${d}`));
  const wanted: Dependency[] = only.length > 0 ? [...only] : ["jupyter", "chromium"];
  return await ensureDependencies(wanted, { checkOnly: args.includes("--check") }) ? 0 : 1;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
