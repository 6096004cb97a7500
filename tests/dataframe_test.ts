import { deepStrictEqual, throws } from "node:assert/strict";
import { toDataFrame } from "../lib/tables/dataframe.ts";

Deno.test("toDataFrame() keeps rows, column order, and fills missing fields with null", () => {
  const df = toDataFrame([{ a: "x", b: 1 }, { b: 2, c: true }]);
  deepStrictEqual(df.columns, ["a", "b", "c"]);
  deepStrictEqual(df.values, [["x", 1, null], [null, 2, true]]);
});

Deno.test("toDataFrame() gives an empty table the columns it is told", () => {
  const df = toDataFrame([], { columns: ["article", "chars"] });
  deepStrictEqual(df.columns, ["article", "chars"]);
  deepStrictEqual(df.shape, [0, 2]);
});

Deno.test("toDataFrame() rejects nested values, naming the record and field", () => {
  throws(
    () => toDataFrame([{ a: 1 }, { a: [1, 2] as unknown as number }]),
    (e: Error) => e instanceof TypeError && e.message.includes('record 1 field "a"'),
  );
});
