/**
 * The size of a run's input, for the progress bar's time left.
 *
 * @module
 */

/**
 * Adds up the bytes of the given files and of the `.txt`/`.md` files directly
 * in the given folders. Paths that cannot be read count as 0.
 *
 * @param paths Files and folders.
 * @returns Total bytes.
 *
 * @example
 * ```ts
 * import { inputBytes } from "./input_bytes.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.txt`, "12345");
 * await Deno.writeTextFile(`${dir}/b.jsonl`, "123");
 * strictEqual(await inputBytes([dir, `${dir}/b.jsonl`, `${dir}/none`]), 8);
 * ```
 */
export async function inputBytes(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const path of paths) {
    try {
      const info = await Deno.stat(path);
      if (!info.isDirectory) {
        total += info.size;
        continue;
      }
      for await (const entry of Deno.readDir(path)) {
        if (entry.isFile && /\.(txt|md)$/i.test(entry.name)) {
          total += (await Deno.stat(`${path}/${entry.name}`)).size;
        }
      }
    } catch {
      // Unreadable inputs are reported by the loader; here they add nothing.
    }
  }
  return total;
}
