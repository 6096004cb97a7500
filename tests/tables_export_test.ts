import { deepStrictEqual, ok, rejects, strictEqual, throws } from "node:assert/strict";
import { escapeLatex, exportTables, flattenRow, toCsv, toLatex } from "../lib/export/tables.ts";

/** A small RFC 4180 reader, to check that what toCsv writes reads back the same. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

Deno.test("toCsv() quotes commas, quotes and line breaks, and round-trips", () => {
  const rows = [
    { article: "a", sentence: 'He said "no", then left.', n: 3 },
    { article: "b", sentence: "two\r\nlines", n: 0.5 },
    { article: "c", sentence: "plain", n: -1 },
  ];
  const csv = toCsv(rows);
  ok(csv.endsWith("\r\n"));
  ok(csv.includes('"He said ""no"", then left."'));
  deepStrictEqual(parseCsv(csv), [
    ["article", "sentence", "n"],
    ["a", 'He said "no", then left.', "3"],
    ["b", "two\r\nlines", "0.5"],
    ["c", "plain", "-1"],
  ]);
});

Deno.test("toCsv() takes the union of columns in first-seen order and leaves missing cells empty", () => {
  const csv = toCsv([{ a: 1 }, { b: true, a: null }, { c: undefined }]);
  strictEqual(csv, "a,b,c\r\n1,,\r\n,true,\r\n,,\r\n");
  strictEqual(toCsv([{ a: 1, b: 2 }], { columns: ["b"], newline: "\n" }), "b\n2\n");
  strictEqual(toCsv([]), "\r\n");
});

Deno.test("toCsv() spreads intervals and nested objects over columns", () => {
  const csv = toCsv([{ actor: "kremlin", ci: [-0.5, 0.1], span: { start: 3, end: 9 } }]);
  deepStrictEqual(parseCsv(csv), [
    ["actor", "ci_1", "ci_2", "span_start", "span_end"],
    ["kremlin", "-0.5", "0.1", "3", "9"],
  ]);
});

Deno.test("toCsv() rejects rows that are not objects and cells that are functions", () => {
  throws(() => toCsv([1 as unknown as Record<string, unknown>]), /row 0 is 1/);
  throws(() => toCsv([{ f: () => 1 }]), /column "f"/);
});

Deno.test("flattenRow() numbers array items from 1 and keeps scalars", () => {
  deepStrictEqual(flattenRow({ x: [[1, 2]], y: "s", z: undefined }), {
    x_1_1: 1,
    x_1_2: 2,
    y: "s",
    z: null,
  });
});

Deno.test("escapeLatex() escapes every special character of article text", () => {
  const text = "Profits & losses: 50% of $3 #1 a_b {x} ~y ^z \\ <a|b>";
  const escaped = escapeLatex(text);
  strictEqual(
    escaped,
    "Profits \\& losses: 50\\% of \\$3 \\#1 a\\_b \\{x\\} \\textasciitilde{}y " +
      "\\textasciicircum{}z \\textbackslash{} \\textless{}a\\textbar{}b\\textgreater{}",
  );
  // No special is left bare: remove the escapes we made and none remains.
  const bare = escaped.replace(/\\(text[a-z]+\{\}|[&%$#_{}])/g, "");
  ok(!/[&%$#_{}~^\\<>|]/.test(bare), bare);
  strictEqual(escapeLatex("one\ntwo\r\nthree"), "one two three");
});

Deno.test("toLatex() writes a booktabs table with caption, label and aligned columns", () => {
  const tex = toLatex(
    [
      { actor: "Kremlin", mentions: 12, score: -0.4567, ci: [-0.61, -0.3] },
      { actor: "Tokayev_K", mentions: 3, score: 0.1, ci: [0, 0.25] },
    ],
    { caption: "Actor sentiment (body)", label: "tab:actors" },
  );
  const lines = tex.trimEnd().split("\n");
  deepStrictEqual(lines.slice(0, 7), [
    "\\begin{table}[htbp]",
    "\\centering",
    "\\caption{Actor sentiment (body)}",
    "\\label{tab:actors}",
    "\\begin{tabular}{lrrl}",
    "\\toprule",
    "actor & mentions & score & ci \\\\",
  ]);
  strictEqual(lines[7], "\\midrule");
  strictEqual(lines[8], "Kremlin & 12 & $-$0.46 & [$-$0.61, $-$0.30] \\\\");
  strictEqual(lines[9], "Tokayev\\_K & 3 & 0.10 & [0, 0.25] \\\\");
  deepStrictEqual(lines.slice(10), ["\\bottomrule", "\\end{tabular}", "\\end{table}"]);
});

Deno.test("toLatex() takes column specs with labels, alignment and digits", () => {
  const tex = toLatex([{ term: "50% off", z: 2.34567, extra: "x" }, { term: "#1", z: -0.0001 }], {
    caption: "Keyness: A & B",
    label: "tab:key",
    columns: ["term", { key: "z", label: "z-score", digits: 3, align: "c" }],
  });
  ok(tex.includes("\\caption{Keyness: A \\& B}"));
  ok(tex.includes("\\begin{tabular}{lc}"));
  ok(tex.includes("term & z-score \\\\"));
  ok(tex.includes("50\\% off & 2.346 \\\\"));
  // −0.0001 rounds to 0.000, printed without a minus sign.
  ok(tex.includes("\\#1 & 0.000 \\\\"));
  ok(!tex.includes("extra"));
});

Deno.test("toLatex() rejects a label with LaTeX specials", () => {
  throws(() => toLatex([], { caption: "c", label: "tab:a b" }), RangeError);
  throws(() => toLatex([], { caption: "c", label: "tab_{x}" }), /letters, digits/);
});

Deno.test("exportTables() writes CSV and LaTeX with the same columns", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tables_export_test_" });
  try {
    const rows = [{ actor: "kremlin", score: -0.5, ci: [-0.8, -0.2], note: "a & b" }];
    const files = await exportTables([
      { name: "actors", rows, caption: "Actors", columns: ["actor", "ci"] },
    ], dir);
    deepStrictEqual(files, [`${dir}/actors.csv`, `${dir}/actors.tex`]);
    strictEqual(await Deno.readTextFile(files[0]), "actor,ci_1,ci_2\r\nkremlin,-0.8,-0.2\r\n");
    const tex = await Deno.readTextFile(files[1]);
    ok(tex.includes("actor & ci \\\\") && tex.includes("\\label{tab:actors}"));
    ok(!tex.includes("note"));
    await rejects(exportTables([{ name: "a/b", rows, caption: "x" }], dir), RangeError);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("toLatex() output compiles with pdflatex and booktabs, whatever the text holds", async () => {
  let available = true;
  try {
    await new Deno.Command("pdflatex", { args: ["-version"], stdout: "null", stderr: "null" })
      .output();
  } catch {
    available = false;
  }
  if (!available) {
    console.warn("pdflatex not installed (texlive-latex-recommended): compile check skipped");
    return;
  }
  const table = toLatex(
    [
      { text: "50% of $x_1 & {y} ~z ^w \\ #1 <a|b>", n: -1.5, ci: [-2, 0.25] },
      { text: "“curly” quotes, dashes – and é", n: 3, ci: [1, 5] },
    ],
    { caption: "Specials: & % $ # _ { } ~ ^ \\", label: "tab:specials" },
  );
  const doc = [
    "\\documentclass{article}",
    "\\usepackage[T1]{fontenc}",
    "\\usepackage[utf8]{inputenc}",
    "\\usepackage{booktabs}",
    "\\begin{document}",
    table,
    "\\end{document}",
  ].join("\n");
  const dir = await Deno.makeTempDir({ prefix: "latex_test_" });
  try {
    await Deno.writeTextFile(`${dir}/t.tex`, doc);
    const out = await new Deno.Command("pdflatex", {
      args: ["-interaction=nonstopmode", "-halt-on-error", "t.tex"],
      cwd: dir,
    }).output();
    const log = new TextDecoder().decode(out.stdout);
    ok(out.success, log.slice(-2000));
    ok(!/^! /m.test(log), log.slice(-2000));
    ok((await Deno.stat(`${dir}/t.pdf`)).size > 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("exportTables() writes a view of rows made when read exactly as the array, and refuses a generator", async () => {
  const articles = Array.from({ length: 40 }, (_, i) => ({
    id: `a${i}`,
    rows: Array.from({ length: i % 4 }, (_, k) => ({
      topic: `t${k}`,
      per1k: i % 3 === 0 ? null : (i * k) / 7,
      note: k === 2 ? 'says "so", then' : undefined,
      ci: i % 5 === 0 ? [-0.25, 0.5] : undefined,
    })),
  }));
  const array = articles.flatMap((a) => a.rows.map((r) => ({ article: a.id, ...r })));
  let reads = 0;
  const view = {
    *[Symbol.iterator]() {
      reads++;
      for (const a of articles) for (const r of a.rows) yield { article: a.id, ...r };
    },
  };
  const dir = await Deno.makeTempDir();
  await exportTables([{ name: "as_array", rows: array, caption: "Rates" }], dir);
  await exportTables([{ name: "as_view", rows: view, caption: "Rates" }], dir);
  for (const ext of ["csv", "tex"]) {
    const fromArray = await Deno.readTextFile(`${dir}/as_array.${ext}`);
    const fromView = await Deno.readTextFile(`${dir}/as_view.${ext}`);
    strictEqual(fromView.replaceAll("as_view", "as_array"), fromArray, ext);
  }
  // The per1k column mixes numbers and missing values: right-aligned, as from the array.
  ok((await Deno.readTextFile(`${dir}/as_view.tex`)).includes("\\begin{tabular}{llrll}"));
  strictEqual(reads, 4);
  function* once() {
    yield* array;
  }
  await rejects(
    exportTables([{ name: "once", rows: once(), caption: "Rates" }], dir),
    (e: Error) => e instanceof TypeError && /can be read only once/.test(e.message),
  );
  strictEqual(
    (await Array.fromAsync(Deno.readDir(dir))).filter((e) => e.name.startsWith("once")).length,
    0,
  );
});
