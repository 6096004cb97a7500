import { DEFAULT_CODEBOOK } from "../lib/coding/codebook.ts";
import { deepStrictEqual, notDeepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { join } from "node:path";
import fc from "fast-check";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { codingPage, type CodingPageArticle } from "../lib/coding/page.ts";
import { coderOrder, csvText, parseCsv } from "../lib/coding/_page_script.ts";
import type { Codebook, CodingUnit } from "../lib/coding/schema.ts";
import { CHROMIUM_ARGS, findChromium } from "../lib/export/browser.ts";

const chromium = findChromium();
const onCi = Deno.env.get("CI") === "true";
if (chromium === undefined && !onCi) {
  console.warn(
    "coding_page_test.ts: Chromium not found ($CHROMIUM_PATH, /usr/bin/chromium, ...): " +
      "skipping the browser tests. Install it with: apt-get install -y chromium fonts-liberation",
  );
}
/** Browser tests run where Chromium is; on CI a missing Chromium fails them instead of skipping. */
const ignore = chromium === undefined && !onCi;

// ---- Fixtures: the toolkit's default codebook, six ordinary articles and one hostile one.

const CODEBOOK: Codebook = {
  ...DEFAULT_CODEBOOK,
  instructions: "Judge the author's own words, not the quotes.\nIgnore the headline's tone.",
};

const OUTLET = "Gazette-Zeta-Unique";
const MODEL = 0.7318;
const HOSTILE_TITLE = `Breaking "news" & 'views' </script><script>globalThis.pwned=1</script>`;
const HOSTILE_BODY = `Evil Corp <img src=x onerror="globalThis.pwned=2"> said <!-- nothing\u2028` +
  `</script><script>alert(1)</script> and <b onclick="globalThis.pwned=3">more</b>.`;

/** An article with a title passage, body paragraphs and a quote; the actor named in each. */
function article(i: number, actor: string): CodingPageArticle {
  const title = `${actor} visits region ${i}`;
  const body1 = `In the morning ${actor} arrived.\n` + "Filler sentence. ".repeat(40);
  const quote = `"We welcome ${actor}," an official said.`;
  const body2 = `Later, ${actor} left.`;
  const text = `${title}\n\n${body1}\n\n${quote}\n\n${body2}\n`;
  const at = (s: string) => text.indexOf(s);
  return {
    id: `art-${i}`,
    title,
    text,
    passages: [
      { start: at(title), end: at(title) + title.length, voice: "title" },
      { start: at(body1), end: at(body1) + body1.length, voice: "body" },
      { start: at(quote), end: at(quote) + quote.length, voice: "quote" },
      { start: at(body2), end: at(body2) + body2.length, voice: "body" },
    ],
  };
}

const ACTORS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"];
const ARTICLES: CodingPageArticle[] = [
  ...ACTORS.map((a, i) => article(i, a)),
  {
    id: "art-x",
    title: HOSTILE_TITLE,
    text: `${HOSTILE_TITLE}\n\n${HOSTILE_BODY}\n\nTrailing text outside every passage: Evil Corp.`,
    passages: [
      { start: 0, end: HOSTILE_TITLE.length, voice: "title" },
      {
        start: HOSTILE_TITLE.length + 2,
        end: HOSTILE_TITLE.length + 2 + HOSTILE_BODY.length,
        voice: "body",
      },
      { start: 9_000, end: 9_100, voice: "body" }, // past the text: clipped away
    ],
  },
];

/** Every occurrence of `name` in the article's text, as raw-text spans. */
function spansOf(a: CodingPageArticle, name: string) {
  const spans = [];
  for (let at = a.text.indexOf(name); at >= 0; at = a.text.indexOf(name, at + 1)) {
    spans.push({ start: at, end: at + name.length });
  }
  return spans;
}

function unit(a: CodingPageArticle, actorName: string, coders: number[]): CodingUnit {
  const id = actorName.toLowerCase().replace(/\W+/g, "-");
  return {
    unit: `${a.id}::${id}`,
    article: a.id,
    actor: id,
    actorName,
    meta: { outlet: OUTLET, date: "2024-03-01" },
    model: MODEL,
    sampled: true,
    inclusionProbability: 0.25,
    stratum: "stratum-Kilo",
    coders,
    voice: "body",
    spans: spansOf(a, actorName),
  };
}

const HOSTILE_ACTOR = `<i>Evil</i> Corp & "Sons"`;
const UNITS: CodingUnit[] = [
  ...ACTORS.map((name, i) => unit(ARTICLES[i], name, i % 2 === 0 ? [1] : [2])),
  {
    ...unit(ARTICLES[6], "Evil Corp", [1, 2]),
    actorName: HOSTILE_ACTOR,
    // One span crossing the title/body boundary, one past the text, one outside every passage.
    spans: [
      ...spansOf(ARTICLES[6], "Evil Corp"),
      { start: HOSTILE_TITLE.length - 4, end: HOSTILE_TITLE.length + 6 },
      { start: 5_000, end: 5_010 },
    ],
  },
  // Not sampled: left out of the page.
  { ...unit(ARTICLES[0], "Zulu", [1]), sampled: false },
];
const SAMPLED = UNITS.filter((u) => u.sampled);
const nameOf = (u: CodingUnit) => u.actorName ?? u.actor;

// ---- Without a browser.

Deno.test("codingPage() embeds no model score, design or metadata unless asked, and escapes text", () => {
  const html = codingPage(UNITS, ARTICLES, CODEBOOK, { title: "Test <coding>" });
  for (const absent of [OUTLET, String(MODEL), "inclusionProbability", "stratum", "Zulu"]) {
    ok(!html.includes(absent), `no ${absent}`);
  }
  ok(html.includes("<title>Test &lt;coding&gt;</title>"));
  // The only markup is the page's own: no article tag survives, in the data or elsewhere.
  for (const tag of ["<img", "<b ", "<i>", "<!--", "</script><script>"]) {
    ok(!html.includes(tag), `no ${tag}`);
  }
  strictEqual(html.split("<script").length - 1, 2, "the data and the program");
  ok(!/[\u2028\u2029]/.test(html));
  ok(!/<[^>]*\b(?:src|href)=/.test(html), "no resource is linked");
  ok(html.includes("Content-Security-Policy"));
  const json = html.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)?.[1];
  const data = JSON.parse(json!);
  deepStrictEqual(data.units.map((u: { unit: string }) => u.unit), SAMPLED.map((u) => u.unit));
  strictEqual(
    data.articles.find((a: { id: string }) => a.id === "art-x").text.includes(HOSTILE_BODY),
    true,
  );

  const shown = codingPage(UNITS, ARTICLES, CODEBOOK, { showMeta: true });
  ok(shown.includes(OUTLET), "metadata with showMeta");
  ok(!shown.includes(String(MODEL)), "never the model score");
  ok(!shown.includes("stratum-Kilo"));
});

Deno.test("codingPage() refuses units it cannot show", () => {
  throws(() => codingPage([{ ...UNITS[0], article: "nowhere" }], ARTICLES, CODEBOOK), RangeError);
  throws(() => codingPage([UNITS[0], UNITS[0]], ARTICLES, CODEBOOK), RangeError);
  throws(
    () => codingPage([{ ...UNITS[0], coders: [3] }], ARTICLES, CODEBOOK, { coders: 2 }),
    RangeError,
  );
  throws(() => codingPage(UNITS, ARTICLES, CODEBOOK, { coders: 0 }), RangeError);
  const clash = { ...CODEBOOK, cannotTell: { label: "cannot tell", key: "1" } };
  throws(() => codingPage(UNITS, ARTICLES, clash));
  // With one slot, `coders` does not matter.
  ok(codingPage([{ ...UNITS[0], coders: [] }], ARTICLES, CODEBOOK).includes("art-0::alpha"));
});

Deno.test("coderOrder() is a permutation fixed by name and seed", () => {
  const ids = Array.from({ length: 30 }, (_, i) => `u${i}`);
  const ana = coderOrder(ids, "Ana", 0);
  deepStrictEqual(ana, coderOrder(ids, "Ana", 0));
  deepStrictEqual([...ana].sort(), [...ids].sort());
  notDeepStrictEqual(ana, coderOrder(ids, "Ben", 0));
  notDeepStrictEqual(ana, coderOrder(ids, "Ana", 1));
  notDeepStrictEqual(ana, ids);
});

Deno.test("csvText() and parseCsv() round-trip any fields (RFC 4180)", () => {
  strictEqual(csvText([["a", 'say "hi", then go', "x\ny"]]), 'a,"say ""hi"", then go","x\ny"\r\n');
  fc.assert(fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 })), (rows) => {
    deepStrictEqual(parseCsv(csvText(rows)), rows);
  }));
  deepStrictEqual(parseCsv("\ufeffa,b\nc,d"), [["a", "b"], ["c", "d"]]);
  throws(() => parseCsv('a,"b'), SyntaxError);
  throws(() => parseCsv('a,"b"c'), SyntaxError);
});

// ---- In Chromium.

interface Screen {
  start: boolean;
  position: string;
  coded: string;
  question: string;
  title: string;
  body: string;
  note: string;
  pressed: number;
  marks: string[];
  firstMarkVisible: boolean;
  status: string;
  pwned: unknown;
  images: number;
  scripts: number;
}

/** What the coder sees now. */
function screen(page: Page): Promise<Screen> {
  return page.evaluate(() => {
    interface E {
      textContent: string | null;
      value: string;
      hidden: boolean;
      getAttribute(n: string): string | null;
      getBoundingClientRect(): { top: number; bottom: number; height: number };
    }
    const g = globalThis as unknown as {
      pwned?: unknown;
      innerHeight: number;
      document: {
        getElementById(id: string): E;
        querySelectorAll(s: string): ArrayLike<E>;
      };
    };
    const d = g.document;
    const text = (id: string) => d.getElementById(id).textContent ?? "";
    const buttons = Array.from(d.querySelectorAll("#scale button"));
    const marks = Array.from(d.querySelectorAll("#article mark"));
    const box = marks[0]?.getBoundingClientRect();
    return {
      start: !d.getElementById("start").hidden,
      position: text("position"),
      coded: text("coded"),
      question: text("question"),
      title: text("article-title"),
      body: text("article-body"),
      note: d.getElementById("note").value,
      pressed: buttons.findIndex((b) => b.getAttribute("aria-pressed") === "true"),
      marks: marks.map((m) => m.textContent ?? ""),
      firstMarkVisible: box !== undefined && box.height > 0 && box.top >= 0 &&
        box.bottom <= g.innerHeight,
      status: text("status"),
      pwned: g.pwned,
      images: d.querySelectorAll("img").length,
      scripts: d.querySelectorAll("script").length,
    };
  });
}

/** A page that records every request other than the file itself (and aborts it), and every error. */
async function openPage(
  browser: Browser | Awaited<ReturnType<Browser["createBrowserContext"]>>,
  url: string,
) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warn") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e}`));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.setRequestInterception(true);
  page.on("request", (r) => {
    if (r.url() === url || r.url().startsWith("blob:")) {
      void r.continue();
    } else {
      requests.push(r.url());
      void r.abort();
    }
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, errors, requests };
}

async function startAs(page: Page, name: string, slot?: number) {
  await page.waitForSelector("#coder-name", { visible: true });
  await page.$eval("#coder-name", (e) => (e as unknown as { value: string }).value = "");
  await page.type("#coder-name", name);
  if (slot !== undefined) await page.select("#coder-slot", String(slot));
  await page.keyboard.press("Enter");
  await page.waitForSelector("#coding", { visible: true });
}

/** The actor of every unit, walking from the first to the last by the arrow key. */
async function walk(page: Page, count: number, unitOf: (question: string) => CodingUnit) {
  await page.evaluate(() =>
    (globalThis as unknown as { document: { activeElement: { blur(): void } } }).document
      .activeElement.blur()
  );
  for (let i = 0; i < count; i++) await page.keyboard.press("ArrowLeft");
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = await screen(page);
    strictEqual(s.position, `${i + 1} / ${count}`);
    seen.push(unitOf(s.question).unit);
    await page.keyboard.press("ArrowRight");
  }
  return seen;
}

/** The unit whose actor the question names. */
function unitOf(question: string): CodingUnit {
  const found = SAMPLED.filter((u) => question.includes(nameOf(u)));
  strictEqual(found.length, 1, `one unit for the question ${JSON.stringify(question)}`);
  return found[0];
}

async function downloaded(dir: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    for await (const f of Deno.readDir(dir)) {
      if (f.name.endsWith(".csv")) return join(dir, f.name);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No CSV was downloaded to ${dir}`);
}

Deno.test({
  name: "codingPage() in Chromium: code by keyboard, resume, export, import, hostile text, slots",
  ignore,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    if (chromium === undefined) {
      throw new Error(
        "Chromium not found: install it with apt-get install -y chromium fonts-liberation",
      );
    }
    const dir = await Deno.makeTempDir({ prefix: "coding_page_test_" });
    const file = join(dir, "coding.html");
    await Deno.writeTextFile(
      file,
      codingPage(UNITS, ARTICLES, CODEBOOK, { title: "Test coding", seed: 7 }),
    );
    const url = `file://${file}`;
    const downloads = join(dir, "downloads");
    await Deno.mkdir(downloads);
    const browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    try {
      const cdp = await browser.target().createCDPSession();
      await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
      const n = SAMPLED.length;
      const order = coderOrder(SAMPLED.map((u) => u.unit), "Ana Lima", 7);
      const NOTE = 'Tone shifts at the end, "he said" 3 times';
      let csvPath = "";

      await t.step("code by keyboard, note, go back, reload, export", async () => {
        const { page, errors, requests } = await openPage(browser, url);
        ok((await screen(page)).start, "the name is asked first");
        await startAs(page, "Ana Lima");
        let s = await screen(page);
        strictEqual(s.position, `1 / ${n}`);
        strictEqual(s.coded, `0 of ${n} coded`);
        strictEqual(unitOf(s.question).unit, order[0], "the order is the coder's shuffle");
        ok(s.marks.length > 0 && s.firstMarkVisible, "the first mention is marked and in view");
        ok(s.question.startsWith("How does the author's text evaluate "));

        await page.keyboard.press("2"); // order[0]: negative (−1)
        await page.keyboard.press("5"); // order[1]: very positive (+2)
        await page.keyboard.press("0"); // order[2]: cannot tell
        s = await screen(page);
        strictEqual(s.position, `4 / ${n}`);
        strictEqual(unitOf(s.question).unit, order[3]);
        // order[3]: a note with digits, a comma and quotes: typing codes nothing.
        await page.click("#note");
        await page.keyboard.type(NOTE);
        s = await screen(page);
        strictEqual(s.position, `4 / ${n}`, "typing in the note does not move");
        strictEqual(s.coded, `3 of ${n} coded`, "typing in the note does not code");
        strictEqual(s.note, NOTE);
        await page.keyboard.press("Escape");
        await page.keyboard.press("3"); // neutral (0)
        strictEqual((await screen(page)).position, `5 / ${n}`);
        // Back to order[1] and change it to positive (+1).
        for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
        s = await screen(page);
        strictEqual(unitOf(s.question).unit, order[1]);
        strictEqual(s.pressed, 4, "very positive is shown as chosen");
        await page.click("#code-3");
        s = await screen(page);
        strictEqual(unitOf(s.question).unit, order[2]);
        strictEqual(s.pressed, 5, "cannot tell is shown as chosen");
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("ArrowRight");
        strictEqual((await screen(page)).position, `5 / ${n}`);

        await page.screenshot({ path: "/tmp/coding_page.png" });

        await page.reload({ waitUntil: "load" });
        s = await screen(page);
        ok(!s.start, "the coder is not asked again");
        strictEqual(s.position, `5 / ${n}`, "resumes at the same place");
        strictEqual(s.coded, `4 of ${n} coded`);
        await page.keyboard.press("ArrowLeft");
        s = await screen(page);
        strictEqual(s.note, NOTE);
        strictEqual(s.pressed, 2, "neutral kept");

        await page.click("#export");
        csvPath = await downloaded(downloads);
        const rows = parseCsv(await Deno.readTextFile(csvPath));
        const expected = new Map([
          [order[0], ["-1", ""]],
          [order[1], ["1", ""]],
          [order[2], ["NA", ""]],
          [order[3], ["0", NOTE]],
        ]);
        deepStrictEqual(rows[0], ["unit", "coder", "code", "note"]);
        deepStrictEqual(
          rows.slice(1),
          SAMPLED.filter((u) => expected.has(u.unit)).map((
            u,
          ) => [u.unit, "Ana Lima", ...expected.get(u.unit)!]),
        );
        ok(
          (await Deno.readTextFile(csvPath)).includes(
            `"Tone shifts at the end, ""he said"" 3 times"\r\n`,
          ),
        );
        await page.close();
        deepStrictEqual(errors, []);
        deepStrictEqual(requests, []);
      });

      await t.step(
        "a fresh profile loads the exported CSV and goes on; every unit is reachable",
        async () => {
          const context = await browser.createBrowserContext();
          const { page, errors, requests } = await openPage(context, url);
          await startAs(page, "Ana Lima");
          strictEqual(
            (await screen(page)).coded,
            `0 of ${n} coded`,
            "nothing saved in this profile",
          );
          // The export plus a row of another coder and one of a unit not on the page.
          const extra = join(dir, "extra.csv");
          await Deno.writeTextFile(
            extra,
            await Deno.readTextFile(csvPath) +
              csvText([[order[5], "Ben", "2", ""], ["art-9::nobody", "Ana Lima", "1", ""]]),
          );
          const input = await page.$("#import");
          await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(extra);
          await page.waitForFunction(() =>
            (globalThis as unknown as {
              document: { getElementById(id: string): { textContent: string } };
            })
              .document.getElementById("status").textContent.startsWith("Loaded")
          );
          let s = await screen(page);
          ok(s.status.startsWith("Loaded 4 code(s) from extra.csv; ignored 2 row(s)"), s.status);
          strictEqual(s.coded, `4 of ${n} coded`);
          strictEqual(s.position, `5 / ${n}`, "goes on at the first uncoded unit");

          const seen = await walk(page, n, unitOf);
          deepStrictEqual(seen, order, "every sampled unit, in the coder's order");
          // The hostile article: shown as text, nothing ran.
          const hostileAt = order.indexOf("art-x::evil-corp");
          for (let i = 0; i < n - 1 - hostileAt; i++) await page.keyboard.press("ArrowLeft");
          s = await screen(page);
          strictEqual(s.title, HOSTILE_TITLE);
          ok(s.body.includes(HOSTILE_BODY), "the body is shown as text");
          ok(s.question.includes(HOSTILE_ACTOR), "the actor's name is shown as text");
          ok(
            s.marks.includes("Evil Corp") && s.marks.some((m) => m.includes("ipt>")),
            "title/body crossing span marked",
          );
          strictEqual(s.pwned, undefined);
          strictEqual(s.images, 0);
          strictEqual(s.scripts, 2);
          ok(
            (await page.$eval("#outside-note", (e) => e.textContent ?? "")).includes(
              "1 mention(s)",
            ),
          );
          await page.keyboard.press("1");
          const newlyCoded = hostileAt >= 4 ? 1 : 0; // order[0..3] came from the CSV
          strictEqual((await screen(page)).coded, `${4 + newlyCoded} of ${n} coded`);
          await context.close();
          deepStrictEqual(errors, []);
          deepStrictEqual(requests, []);
        },
      );

      await t.step(
        "two coder slots get their units, in an order per name; metadata shown when asked",
        async () => {
          const file2 = join(dir, "slots.html");
          await Deno.writeTextFile(
            file2,
            codingPage(UNITS, ARTICLES, CODEBOOK, { coders: 2, showMeta: true, title: "Slots" }),
          );
          const context = await browser.createBrowserContext();
          const { page, errors, requests } = await openPage(context, `file://${file2}`);
          const slotUnits = (slot: number) =>
            SAMPLED.filter((u) => u.coders!.includes(slot)).map((u) => u.unit);
          const orders: Record<string, string[]> = {};
          for (const [name, slot] of [["Ana", 1], ["Ben", 1], ["Ana", 2]] as const) {
            if (name !== "Ana" || slot !== 1) await page.click("#switch");
            await startAs(page, name, slot);
            orders[`${name}/${slot}`] = await walk(page, slotUnits(slot).length, unitOf);
            deepStrictEqual([...orders[`${name}/${slot}`]].sort(), slotUnits(slot).sort());
            deepStrictEqual(orders[`${name}/${slot}`], coderOrder(slotUnits(slot), name, 0));
          }
          notDeepStrictEqual(orders["Ana/1"], orders["Ben/1"]);
          ok((await page.$eval("#meta", (e) => e.textContent ?? "")).includes(OUTLET));
          ok(!(await page.content()).includes(String(MODEL)));
          await context.close();
          deepStrictEqual(errors, []);
          deepStrictEqual(requests, []);
        },
      );
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
