/**
 * `deno task lexicon check FILE [--corpus PATH ...]` and
 * `deno task lexicon import FILE --out OUT.yaml`: check a lexicon of any
 * importable format (LIWC .dic, quanteda YAML, Lexicoder .lc3, Wordstat .cat,
 * VADER-style .tsv, word list .txt, CSV, the toolkit's YAML/JSON), or
 * convert one to the toolkit's format.
 *
 * Exit status: `check` 0 when the lexicon is valid (warnings allowed), 1
 * when it is not; `import` 0 when written, 1 when the file is not a valid
 * lexicon; 2 for a mistake in the arguments.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import { checkLexiconFile, type LexiconFileCheck } from "../lexicon/check_file.ts";
import { exportLexicon } from "../lexicon/export.ts";
import { readLexiconFile } from "../lexicon/import/import_lexicon.ts";
import { FORMAT_LABELS, ImportFormat } from "../lexicon/import/import_types.ts";
import { Voice } from "../voice.ts";

/** How many never-matched terms the text report lists. */
const NEVER_SHOWN = 200;
/** How many warnings or notes of one kind the text report lists (errors: all). */
const PER_KIND_SHOWN = 30;

const USAGE = `Usage:
  deno task lexicon check FILE [--corpus PATH ...] [--format F] [--voices title,body,...]
                               [--json] [--no-self-match] [--min-prefix N]
  deno task lexicon import FILE --out OUT.yaml|OUT.json [--format F] [--name N] [--version V]
                               [--description D] [--source S] [--licence L] [--language L]
                               [--literal-stars] [--keep-case] [--force]
  Formats: ${ImportFormat.options.join(", ")} (default: guessed from the extension)`;

/** What a run printed and how it ends. */
export interface LexiconCliResult {
  /** Text for standard output. */
  stdout: string;
  /** Text for standard error (notes, warnings). */
  stderr: string;
  /** Exit status. */
  code: number;
}

/**
 * Runs the command on `args` without exiting, for tests and scripts.
 *
 * @param args The arguments after `deno task lexicon`.
 * @returns What to print and the exit status.
 * @throws {TypeError} For a mistake in the arguments (the message includes the usage).
 *
 * @example
 * ```ts
 * import { runLexicon } from "./lexicon.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const file = await Deno.makeTempFile({ suffix: ".txt" });
 * await Deno.writeTextFile(file, "coal\ngas\n");
 * const { code, stdout } = await runLexicon(["check", file, "--no-self-match"]);
 * strictEqual(code, 0);
 * ok(stdout.includes("valid"));
 * ```
 */
export async function runLexicon(args: string[]): Promise<LexiconCliResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      corpus: { type: "string", multiple: true },
      format: { type: "string" },
      voices: { type: "string" },
      json: { type: "boolean", default: false },
      "no-self-match": { type: "boolean", default: false },
      "min-prefix": { type: "string" },
      out: { type: "string" },
      name: { type: "string" },
      version: { type: "string" },
      description: { type: "string" },
      source: { type: "string" },
      licence: { type: "string" },
      language: { type: "string" },
      "literal-stars": { type: "boolean", default: false },
      "keep-case": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    },
  });
  const [command, file, ...rest] = positionals;
  if ((command !== "check" && command !== "import") || !file) {
    throw new TypeError(
      `Expected "check FILE" or "import FILE", got "${positionals.join(" ")}"\n${USAGE}`,
    );
  }
  const format = values.format === undefined ? undefined : parseFormat(values.format);
  if (command === "check") {
    // Paths after the first --corpus value are corpus paths too: --corpus a b c.
    if (rest.length > 0 && !values.corpus) {
      throw new TypeError(`Expected one lexicon FILE, got also "${rest.join(" ")}"\n${USAGE}`);
    }
    const corpus = [...(values.corpus ?? []), ...rest];
    const minPrefix = values["min-prefix"] === undefined ? undefined : Number(values["min-prefix"]);
    if (minPrefix !== undefined && !(Number.isInteger(minPrefix) && minPrefix >= 1)) {
      throw new TypeError(
        `Expected --min-prefix to be a whole number of 1 or more, got "${values["min-prefix"]}"`,
      );
    }
    const report = await checkLexiconFile(file, {
      format,
      corpus,
      voices: values.voices === undefined ? undefined : parseVoices(values.voices),
      selfMatch: !values["no-self-match"],
      minPrefix,
    });
    return {
      stdout: values.json ? JSON.stringify(report, null, 2) + "\n" : formatCheckReport(report),
      stderr: "",
      code: report.valid ? 0 : 1,
    };
  }
  if (rest.length > 0) {
    throw new TypeError(`Expected one lexicon FILE, got also "${rest.join(" ")}"\n${USAGE}`);
  }
  const out = values.out;
  if (out !== undefined && !values.force) {
    let exists = false;
    try {
      await Deno.stat(out);
      exists = true;
    } catch {
      // does not exist: fine
    }
    if (exists) {
      throw new TypeError(
        `Expected --out to name a new file, but "${out}" exists (add --force to replace it)`,
      );
    }
  }
  let result;
  try {
    result = await readLexiconFile(file, {
      format,
      name: values.name,
      version: values.version,
      description: values.description,
      source: values.source,
      licence: values.licence,
      language: values.language,
      literalStars: values["literal-stars"],
      lowercase: !values["keep-case"],
    });
  } catch (e) {
    if (e instanceof InputError) return { stdout: "", stderr: e.message + "\n", code: 1 };
    throw e;
  }
  const text = exportLexicon(result.lexicon, {
    format: out !== undefined && /\.json$/i.test(out) ? "json" : "yaml",
    comment: [
      `Imported by "deno task lexicon import" from ${file} (${FORMAT_LABELS[result.format]}).`,
      "Check name, version, source and licence before use.",
    ],
  });
  const notes = result.notes.map((n) => `note: ${n.file}: line ${n.line}: ${n.kind}: ${n.detail}\n`)
    .join("");
  const summary = `${result.lexicon.entries.length} entries, ${
    Object.keys(result.lexicon.categories ?? {}).length || 1
  } categories, from ${FORMAT_LABELS[result.format]}`;
  if (out === undefined) return { stdout: text, stderr: notes + summary + "\n", code: 0 };
  await Deno.writeTextFile(out, text);
  return { stdout: `Wrote ${out}: ${summary}\n`, stderr: notes, code: 0 };
}

function parseFormat(value: string): ImportFormat {
  const parsed = ImportFormat.safeParse(value);
  if (!parsed.success) {
    throw new TypeError(
      `Expected --format to be one of ${ImportFormat.options.join(", ")}, got "${value}"`,
    );
  }
  return parsed.data;
}

function parseVoices(value: string): Voice[] {
  return value.split(",").map((v) => {
    const parsed = Voice.safeParse(v.trim());
    if (!parsed.success) {
      throw new TypeError(`Expected --voices from ${Voice.options.join(", ")}, got "${v.trim()}"`);
    }
    return parsed.data;
  });
}

/**
 * The report as text for people: a summary line, problems by severity (each
 * with its line, path and explanation), and with a corpus the most matched
 * entries and those never matched.
 *
 * @param report A report from `checkLexiconFile`.
 * @param options How many matched entries to list. @default { top: 20 }
 * @returns The text, ending in a newline.
 *
 * @example
 * ```ts
 * import { formatCheckReport } from "@framing/toolkit/lexicon";
 * import { ok } from "node:assert/strict";
 *
 * const text = formatCheckReport({
 *   file: "x.txt", entries: 0, valid: false,
 *   problems: [{ kind: "invalid", severity: "error", path: "", detail: "bad" }],
 * });
 * ok(text.includes("NOT valid"));
 * ```
 */
export function formatCheckReport(
  report: LexiconFileCheck,
  options: { top?: number } = {},
): string {
  const top = options.top ?? 20;
  const out: string[] = [];
  const how = report.format ? ` (${FORMAT_LABELS[report.format]})` : "";
  out.push(
    `Lexicon ${report.lexicon ?? "?"} from ${report.file}${how}: ${report.entries} entries — ${
      report.valid ? "valid" : "NOT valid"
    }`,
  );
  for (const severity of ["error", "warning", "info"] as const) {
    const list = report.problems.filter((p) => p.severity === severity);
    if (list.length === 0) continue;
    out.push("", `${list.length} ${severity}${list.length === 1 ? "" : "s"}:`);
    const shownOfKind = new Map<string, number>();
    for (const p of list) {
      const n = (shownOfKind.get(p.kind) ?? 0) + 1;
      shownOfKind.set(p.kind, n);
      if (severity !== "error" && n > PER_KIND_SHOWN) continue;
      const at = [
        p.line !== undefined ? `line ${p.line}` : "",
        p.path.startsWith("line ") ? "" : p.path,
      ]
        .filter((s) => s !== "").join(" ");
      out.push(`  ${p.kind}${at ? ` (${at})` : ""}: ${p.detail}`);
    }
    for (const [kind, n] of shownOfKind) {
      if (severity !== "error" && n > PER_KIND_SHOWN) {
        out.push(`  ... ${n - PER_KIND_SHOWN} more ${kind} (--json lists all)`);
      }
    }
  }
  if (report.problems.length === 0) out.push("", "No problems found.");
  if (report.corpus && report.usage && report.neverMatched) {
    const c = report.corpus;
    const matched = report.entries - report.neverMatched.length;
    out.push(
      "",
      `Corpus: ${c.articles} article(s), ${c.tokens} word tokens in ${
        c.voices.join(", ")
      }; ${c.hits} hits; ${matched} of ${report.entries} entries matched.`,
    );
    const byEntry = new Map<
      number,
      { entry: string; hits: number; articles: number; categories: string[] }
    >();
    for (const u of report.usage) {
      const row = byEntry.get(u.index);
      if (row) row.categories.push(u.category);
      else {byEntry.set(u.index, {
          entry: u.entry,
          hits: u.hits,
          articles: u.articles,
          categories: [u.category],
        });}
    }
    const ranked = [...byEntry.values()].filter((r) => r.hits > 0).sort((a, b) => b.hits - a.hits);
    if (ranked.length > 0) {
      out.push(`Most matched${ranked.length > top ? ` (top ${top})` : ""}:`);
      for (const r of ranked.slice(0, top)) {
        out.push(
          `  ${String(r.hits).padStart(6)}  ${r.entry}  (${
            r.categories.join(", ")
          }; ${r.articles} article(s))`,
        );
      }
    }
    const never = report.neverMatched;
    if (never.length > 0) {
      const shown = never.slice(0, NEVER_SHOWN).join(", ");
      const more = never.length > NEVER_SHOWN
        ? `, ... (${never.length - NEVER_SHOWN} more; --json lists all)`
        : "";
      out.push(`Never matched (${never.length}): ${shown}${more}`);
    }
  }
  for (const f of report.corpusFailures ?? []) {
    out.push(`Corpus input not read: ${f.input}: ${f.reason}`);
  }
  return out.join("\n") + "\n";
}

if (import.meta.main) {
  try {
    const { stdout, stderr, code } = await runLexicon(Deno.args);
    if (stderr) await Deno.stderr.write(new TextEncoder().encode(stderr));
    if (stdout) await Deno.stdout.write(new TextEncoder().encode(stdout));
    Deno.exit(code);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    Deno.exit(e instanceof TypeError ? 2 : 1);
  }
}
