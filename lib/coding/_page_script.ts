/**
 * Private: the coding page's browser program. `page.ts` inlines these
 * functions into the page with `.toString()`, so each must be self-contained:
 * it may call the other functions of this file by name, and nothing else of
 * the toolkit. Deno has no DOM types here, so the program reaches the
 * document through `globalThis` and the few interfaces declared below.
 *
 * The same helpers run in Deno (page identity, tests) and in the page, so the
 * order a coder sees and the CSV the page writes can be checked without a
 * browser.
 *
 * @module
 */

/**
 * A 53-bit hash of a string (cyrb53, public domain): the page's identity and
 * the seed of a coder's order.
 *
 * @param text Any string.
 * @param seed Varies the hash.
 * @returns A non-negative integer below 2⁵³.
 */
export function hashString(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The order a coder sees the units in: a Fisher–Yates shuffle driven by
 * Mulberry32, seeded from the coder's name and the page's seed. The same name
 * and seed always give the same order.
 *
 * @param ids The unit ids, in the page's order.
 * @param coder The coder's name (trimmed).
 * @param seed The page's seed.
 * @returns A new array: the ids, shuffled.
 */
export function coderOrder(ids: readonly string[], coder: string, seed: number): string[] {
  let state = hashString(`${coder}\u0000${seed}`, 0) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...ids];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const swap = out[i];
    out[i] = out[j];
    out[j] = swap;
  }
  return out;
}

/**
 * CSV text (RFC 4180): CRLF after every record, and a field quoted, with its
 * quotes doubled, when it holds a comma, a quote, CR or LF.
 *
 * @param rows Records of fields.
 * @returns The CSV text.
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  const field = (value: string) =>
    /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return rows.map((row) => row.map(field).join(",") + "\r\n").join("");
}

/**
 * Parses CSV text (RFC 4180; LF or CRLF line ends; a leading byte-order mark
 * is dropped). A blank line is a record of one empty field.
 *
 * @param text The CSV text.
 * @returns The records.
 * @throws {SyntaxError} If a quoted field is not closed, or a quote stands inside an unquoted field.
 */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let line = 1;
  let quoted = false;
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const after = src[i];
        if (after !== undefined && after !== "," && after !== "\r" && after !== "\n") {
          throw new SyntaxError(
            `line ${line}: expected a comma or a line end after a closing quote`,
          );
        }
        continue;
      }
      if (c === "\n") line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new SyntaxError(`line ${line}: a quote inside an unquoted field`);
      quoted = true;
      i++;
    } else if (c === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" || c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += c === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new SyntaxError(`line ${line}: a quoted field is not closed`);
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The data the page embeds as JSON (`<script type="application/json" id="data">`). */
export interface PageData {
  /** The page's identity: part of every localStorage key. */
  id: string;
  title: string;
  seed: number;
  /** K, the number of coder slots. */
  slots: number;
  codebook: {
    question: string;
    instructions: string;
    scale: { value: number; label: string; key: string }[];
    cannotTell: { label: string; key: string };
  };
  units: PageUnit[];
  articles: PageArticle[];
}

/** One unit as the page holds it: no model score, no design, metadata only when shown. */
export interface PageUnit {
  unit: string;
  article: string;
  /** The actor's name, as the question names it. */
  name: string;
  /** The coder slots the unit is given to (only when K > 1). */
  coders?: number[];
  /** Actor mentions: sorted, within the text, overlaps merged. */
  spans: { start: number; end: number }[];
  /** The article's metadata, only with `showMeta`. */
  meta?: Record<string, unknown>;
}

/** One article as the page holds it: passages sorted and clipped to the text. */
export interface PageArticle {
  id: string;
  title?: string;
  text: string;
  passages: { start: number; end: number; voice: string }[];
}

// The little of the DOM the program uses (Deno's type checker has no DOM types here).
interface El {
  id: string;
  className: string;
  hidden: boolean;
  disabled: boolean;
  value: string;
  textContent: string | null;
  tagName: string;
  isContentEditable: boolean;
  scrollTop: number;
  href: string;
  download: string;
  files: { length: number; [index: number]: { name: string; text(): Promise<string> } } | null;
  append(...nodes: (El | Txt)[]): void;
  replaceChildren(...nodes: (El | Txt)[]): void;
  setAttribute(name: string, value: string): void;
  addEventListener(type: string, listener: (event: Ev) => void): void;
  focus(options?: { preventScroll?: boolean }): void;
  blur(): void;
  click(): void;
  remove(): void;
  scrollIntoView(options?: { block?: string }): void;
}
interface Txt {
  textContent: string | null;
}
interface Ev {
  key: string;
  target: El | null;
  repeat: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
  preventDefault(): void;
}
interface Doc {
  body: El;
  getElementById(id: string): El | null;
  createElement(tag: string): El;
  createTextNode(text: string): Txt;
  addEventListener(type: string, listener: (event: Ev) => void): void;
}
interface Win {
  document: Doc;
  localStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  Blob: new (parts: string[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };
  setTimeout(fn: () => void, ms: number): number;
}

/** What a coder said of one unit: `code` absent while uncoded, `null` for "cannot tell". */
interface Entry {
  code?: number | null;
  note?: string;
}

/**
 * The page's program: reads the embedded data, asks the coder's name (and
 * slot), shows one unit per screen, records codes and notes in localStorage,
 * exports and imports CSV. Runs once, when the page loads.
 */
export function codingPageMain(): void {
  const win = globalThis as unknown as Win;
  const doc = win.document;
  const $ = (id: string): El => {
    const el = doc.getElementById(id);
    if (el === null) throw new Error(`coding page: no element #${id}`);
    return el;
  };
  const make = (tag: string, className?: string, text?: string): El => {
    const el = doc.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.append(doc.createTextNode(text));
    return el;
  };
  const data = JSON.parse($("data").textContent ?? "") as PageData;
  const book = data.codebook;
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const unitsById = new Map(data.units.map((u) => [u.unit, u]));
  const prefix = `framing-coding/${data.id}/`;
  const sessionKey = `${prefix}session`;

  // Storage: a failure (private mode, quota) is reported once, never thrown.
  let storageWarned = false;
  const read = (key: string): unknown => {
    try {
      const text = win.localStorage.getItem(key);
      return text === null ? null : JSON.parse(text);
    } catch {
      return null;
    }
  };
  const write = (key: string, value: unknown) => {
    try {
      win.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      if (!storageWarned) say("This browser does not let the page save: export your codes often.");
      storageWarned = true;
    }
  };

  // The coder's session.
  let coder = "";
  let slot = 1;
  let order: PageUnit[] = [];
  let index = 0;
  let codes = new Map<string, Entry>();
  const coderKey = () => `${prefix}coder/${coder}`;
  const current = () => order[index];
  const isCoded = (unit: string) => codes.get(unit)?.code !== undefined;
  const codedCount = () => order.filter((u) => isCoded(u.unit)).length;
  const firstUncoded = () => order.findIndex((u) => !isCoded(u.unit));
  const persist = () => {
    write(coderKey(), { v: 1, current: current()?.unit, codes: [...codes] });
  };

  const units = (count: number) => `${count} unit${count === 1 ? "" : "s"}`;
  const unitsOf = (s: number) =>
    data.slots > 1 ? data.units.filter((u) => (u.coders ?? []).includes(s)) : data.units;

  function say(message: string) {
    const status = $("status");
    status.textContent = message;
  }

  function start(name: string, chosenSlot: number): boolean {
    const given = unitsOf(chosenSlot);
    if (given.length === 0) {
      $("start-error").textContent = data.slots > 1
        ? `No units are given to slot ${chosenSlot}.`
        : "This page holds no units.";
      return false;
    }
    coder = name;
    slot = chosenSlot;
    order = coderOrder(given.map((u) => u.unit), coder, data.seed).map((id) =>
      unitsById.get(id) as PageUnit
    );
    codes = new Map();
    const saved = read(coderKey()) as { current?: unknown; codes?: unknown } | null;
    if (saved && Array.isArray(saved.codes)) {
      for (const pair of saved.codes) {
        if (!Array.isArray(pair) || typeof pair[0] !== "string" || !unitsById.has(pair[0])) {
          continue;
        }
        const e = pair[1] as Entry | null;
        if (e === null || typeof e !== "object") continue;
        const entry: Entry = {};
        if (e.code === null || book.scale.some((p) => p.value === e.code)) entry.code = e.code;
        if (typeof e.note === "string") entry.note = e.note;
        codes.set(pair[0], entry);
      }
    }
    const at = saved ? order.findIndex((u) => u.unit === saved.current) : -1;
    index = at >= 0 ? at : Math.max(0, firstUncoded());
    write(sessionKey, { name: coder, slot });
    $("start").hidden = true;
    $("coding").hidden = false;
    $("progress-box").hidden = false;
    $("coder-label").textContent = data.slots > 1 ? `${coder} (slot ${slot})` : coder;
    say("");
    show();
    return true;
  }

  /** The passage's text with the spans that fall in it marked. */
  function marked(text: string, from: number, to: number, spans: PageUnit["spans"]): (El | Txt)[] {
    const out: (El | Txt)[] = [];
    let at = from;
    for (const s of spans) {
      const a = Math.max(s.start, from);
      const b = Math.min(s.end, to);
      if (b <= a) continue;
      if (a > at) out.push(doc.createTextNode(text.slice(at, a)));
      out.push(make("mark", "", text.slice(a, b)));
      at = b;
    }
    if (at < to) out.push(doc.createTextNode(text.slice(at, to)));
    return out;
  }

  function showArticle(unit: PageUnit) {
    const article = articles.get(unit.article) as PageArticle;
    const text = article.text;
    const titleEl = $("article-title");
    const body = $("article-body");
    body.replaceChildren();
    titleEl.replaceChildren();
    const passages = article.passages.length > 0
      ? article.passages
      : [{ start: 0, end: text.length, voice: "body" }];
    let shown = 0;
    for (const p of passages) {
      // Trim whitespace at the ends without moving offsets into the text.
      let from = p.start;
      let to = p.end;
      while (from < to && /\s/.test(text[from])) from++;
      while (to > from && /\s/.test(text[to - 1])) to--;
      if (to <= from) continue;
      const parts = marked(text, from, to, unit.spans);
      if (p.voice === "title") {
        if (titleEl.textContent) titleEl.append(doc.createTextNode(" "));
        titleEl.append(...parts);
      } else {
        const para = make(p.voice === "quote" ? "blockquote" : "p", `voice-${p.voice}`);
        if (p.voice !== "body" && p.voice !== "quote") {
          para.append(make("span", "voice-label", `${p.voice}: `));
        }
        para.append(...parts);
        body.append(para);
      }
      shown += unit.spans.filter((s) => s.start < to && s.end > from).length;
    }
    if (!titleEl.textContent && article.title) titleEl.textContent = article.title;
    titleEl.hidden = !titleEl.textContent;
    const outside =
      unit.spans.filter((s) => !passages.some((p) => s.start < p.end && s.end > p.start)).length;
    const note = $("outside-note");
    note.hidden = outside === 0;
    note.textContent = outside === 0
      ? ""
      : `${outside} mention(s) of ${unit.name} fall in parts of the page not shown here.`;
    const metaEl = $("meta");
    metaEl.replaceChildren();
    const meta = unit.meta ?? {};
    for (const [k, v] of Object.entries(meta)) {
      const value = typeof v === "string" ? v : JSON.stringify(v) ?? "";
      metaEl.append(make("dt", "", k), make("dd", "", value));
    }
    metaEl.hidden = Object.keys(meta).length === 0;
    const pane = $("article");
    pane.scrollTop = 0;
    const first = shown > 0
      ? (pane as unknown as { querySelector(s: string): El | null })
        .querySelector("mark")
      : null;
    if (first) first.scrollIntoView({ block: "center" });
  }

  function show() {
    const unit = current();
    if (!unit) return;
    showArticle(unit);
    const question = $("question");
    question.replaceChildren();
    book.question.split("ACTOR").forEach((part, i) => {
      if (i > 0) question.append(make("strong", "actor", unit.name));
      question.append(doc.createTextNode(part));
    });
    const entry = codes.get(unit.unit);
    const buttons = [...book.scale.map((p) => p.value), null];
    buttons.forEach((value, i) => {
      const pressed = entry?.code !== undefined && entry.code === value;
      $(`code-${i}`).setAttribute("aria-pressed", String(pressed));
    });
    const label = entry?.code === undefined
      ? "Not coded yet."
      : entry.code === null
      ? `Your code: ${book.cannotTell.label}.`
      : `Your code: ${book.scale.find((p) => p.value === entry.code)?.label}.`;
    $("current-code").textContent = label;
    $("note").value = entry?.note ?? "";
    $("back").disabled = index === 0;
    $("next").disabled = index === order.length - 1;
    const coded = codedCount();
    $("position").textContent = `${index + 1} / ${order.length}`;
    $("coded").textContent = `${coded} of ${order.length} coded`;
    const bar = $("progress-bar");
    bar.setAttribute("max", String(order.length));
    bar.setAttribute("value", String(coded));
    const done = $("done");
    done.hidden = coded < order.length;
    done.textContent = coded < order.length
      ? ""
      : `All ${units(order.length)} are coded. Export your codes with the button below.`;
  }

  function go(to: number) {
    if (to < 0 || to >= order.length) return;
    index = to;
    persist();
    show();
  }

  function code(value: number | null) {
    const unit = current();
    if (!unit) return;
    const entry = codes.get(unit.unit) ?? {};
    entry.code = value;
    codes.set(unit.unit, entry);
    if (index < order.length - 1) {
      index++;
      say("");
    } else {
      const open = firstUncoded();
      if (open >= 0) {
        index = open;
        say(`That was the last unit; going to the first uncoded one (${open + 1}).`);
      }
    }
    persist();
    show();
    // Away from the button just pressed, so Enter cannot code the next unit by accident.
    $("article").focus({ preventScroll: true });
  }

  function exportCsv() {
    const given = new Set(order.map((u) => u.unit));
    const rows = data.units.filter((u) => given.has(u.unit) && isCoded(u.unit)).map((u) => {
      const e = codes.get(u.unit) as Entry;
      return [u.unit, coder, e.code === null ? "NA" : String(e.code), e.note ?? ""];
    });
    if (rows.length === 0) {
      say("Nothing is coded yet: there is nothing to export.");
      return;
    }
    const csv = csvText([["unit", "coder", "code", "note"], ...rows]);
    const url = win.URL.createObjectURL(new win.Blob([csv], { type: "text/csv;charset=utf-8" }));
    const slug = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "x";
    const link = make("a");
    link.href = url;
    link.download = `codes-${slug(data.title)}-${slug(coder)}.csv`;
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    win.setTimeout(() => win.URL.revokeObjectURL(url), 10_000);
    say(`Exported ${rows.length} code(s) to ${link.download}.`);
  }

  async function importCsv(input: El) {
    const file = input.files?.[0];
    if (!file) return;
    let rows: string[][];
    try {
      rows = parseCsv(await file.text());
    } catch (e) {
      say(`Cannot read ${file.name}: ${(e as Error).message}.`);
      input.value = "";
      return;
    }
    const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const col = (name: string) => header.indexOf(name);
    if (col("unit") < 0 || col("coder") < 0 || col("code") < 0) {
      say(`Cannot read ${file.name}: expected a header "unit,coder,code,note".`);
      input.value = "";
      return;
    }
    const given = new Set(order.map((u) => u.unit));
    let loaded = 0;
    let otherCoder = 0;
    let unknownUnit = 0;
    let badCode = 0;
    for (const row of rows.slice(1)) {
      if (row.length === 1 && row[0] === "") continue;
      const field = (name: string) => col(name) >= 0 ? row[col(name)] ?? "" : "";
      if (field("coder").trim() !== coder) {
        otherCoder++;
        continue;
      }
      const unit = field("unit");
      if (!given.has(unit)) {
        unknownUnit++;
        continue;
      }
      const raw = field("code").trim();
      const value = raw.toUpperCase() === "NA" ? null : Number(raw);
      if (value !== null && (raw === "" || !book.scale.some((p) => p.value === value))) {
        badCode++;
        continue;
      }
      codes.set(unit, { code: value, note: field("note") });
      loaded++;
    }
    input.value = "";
    const ignored = otherCoder + unknownUnit + badCode;
    const why = [
      otherCoder ? `${otherCoder} of another coder` : "",
      unknownUnit ? `${unknownUnit} for units not given to you here` : "",
      badCode ? `${badCode} with a code not on the scale` : "",
    ].filter((s) => s).join(", ");
    const open = firstUncoded();
    if (loaded > 0 && open >= 0) index = open;
    persist();
    show();
    say(
      `Loaded ${loaded} code(s) from ${file.name}; ignored ${ignored} row(s)` +
        (why ? ` (${why}).` : "."),
    );
  }

  // The start screen.
  const slotSelect = $("coder-slot");
  if (data.slots > 1) {
    for (let s = 1; s <= data.slots; s++) {
      const option = make("option", "", `Slot ${s} (${units(unitsOf(s).length)})`);
      option.value = String(s);
      slotSelect.append(option);
    }
    $("slot-field").hidden = false;
  }
  $("start-count").textContent = data.slots > 1
    ? `This page holds ${units(data.units.length)}, shared among ${data.slots} coder slots.`
    : `This page holds ${units(data.units.length)} to code.`;
  $("start-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("coder-name").value.trim();
    if (!name) {
      $("start-error").textContent = "Please enter your name.";
      $("coder-name").focus();
      return;
    }
    $("start-error").textContent = "";
    if (start(name, data.slots > 1 ? Number(slotSelect.value) : 1)) {
      $("article").focus({ preventScroll: true });
    }
  });

  // The coding screen.
  const scaleEl = $("scale");
  const points = [
    ...book.scale.map((p) => ({ value: p.value as number | null, label: p.label, key: p.key })),
    { value: null, label: book.cannotTell.label, key: book.cannotTell.key },
  ];
  points.forEach((p, i) => {
    const button = make("button", p.value === null ? "code cannot" : "code");
    button.id = `code-${i}`;
    button.setAttribute("type", "button");
    button.setAttribute("aria-keyshortcuts", p.key);
    button.setAttribute("aria-pressed", "false");
    button.append(make("kbd", "", p.key), make("span", "", p.label));
    button.addEventListener("click", () => code(p.value));
    scaleEl.append(button);
  });
  $("keys").textContent = `Keys: ${points.map((p) => p.key).join(" ")} code the unit and go on; ` +
    "← and → go back and forward (not while typing a note; Esc leaves the note).";
  $("instructions").textContent = book.instructions;
  $("instructions-box").hidden = book.instructions.trim() === "";
  $("note").addEventListener("input", () => {
    const unit = current();
    if (!unit) return;
    const entry = codes.get(unit.unit) ?? {};
    entry.note = $("note").value;
    codes.set(unit.unit, entry);
    persist();
  });
  $("back").addEventListener("click", () => go(index - 1));
  $("next").addEventListener("click", () => go(index + 1));
  $("export").addEventListener("click", exportCsv);
  $("import").addEventListener("change", () => void importCsv($("import")));
  $("switch").addEventListener("click", () => {
    try {
      win.localStorage.removeItem(sessionKey);
    } catch { /* nothing saved to forget */ }
    $("coding").hidden = true;
    $("progress-box").hidden = true;
    $("start").hidden = false;
    $("coder-name").value = coder;
    $("coder-name").focus();
  });
  doc.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.isComposing || $("coding").hidden) return;
    const target = event.target;
    const tag = target?.tagName ?? "";
    if (tag === "TEXTAREA" || tag === "INPUT" || tag === "SELECT" || target?.isContentEditable) {
      if (event.key === "Escape" && target?.id === "note") $("article").focus();
      return;
    }
    const point = points.find((p) => p.key === event.key) ??
      points.find((p) => p.key.toLowerCase() === event.key.toLowerCase());
    if (point) {
      event.preventDefault();
      if (!event.repeat) code(point.value);
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      go(index + 1);
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      go(index - 1);
    }
  });

  // Resume the last session, else ask the name.
  const session = read(sessionKey) as { name?: unknown; slot?: unknown } | null;
  const name = typeof session?.name === "string" ? session.name.trim() : "";
  const savedSlot = Number(session?.slot);
  if (name && Number.isInteger(savedSlot) && savedSlot >= 1 && savedSlot <= data.slots) {
    if (start(name, savedSlot)) return;
  }
  $("start").hidden = false;
  $("coder-name").focus();
}
