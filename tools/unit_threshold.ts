/**
 * `deno task unit:threshold [SIZES...]`: the null simulation behind
 * `MIN_ARTICLES_PER_GROUP`. For each group size n, 2n synthetic articles
 * (an article-level random effect on topic and stance rates and on the tone
 * toward an actor; `tests/_synthetic_articles.ts`) are split at random into
 * two halves 400 times (60 times for the slower sentence unit), and the
 * share of rows at p < 0.05 and of intervals that hold 0 is printed for
 * both units. Default sizes: 3 4 5 6 8 10 12 30 100.
 *
 * @module
 */
import { nullRates, syntheticArticles } from "../tests/_synthetic_articles.ts";

if (import.meta.main) {
  const sizes = Deno.args.length > 0 ? Deno.args.map(Number) : [3, 4, 5, 6, 8, 10, 12, 30, 100];
  console.log(
    "| articles a group | article unit: p < 0.05 | interval holds 0 | sentence unit: p < 0.05 | interval holds 0 |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: |");
  for (const n of sizes) {
    const articles = syntheticArticles(2 * n, 100 + n);
    const a = nullRates(articles, 400, "article", 400, 7);
    const s = nullRates(articles, 60, "sentence", 200, 7);
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    console.log(
      `| ${n} | ${pct(a.falsePositive)} | ${pct(a.coverage)} | ${pct(s.falsePositive)} | ${
        pct(s.coverage)
      } |`,
    );
  }
}
