import { ok } from "node:assert/strict";
import { isKernelStartFailure } from "../tools/run_notebooks.ts";

Deno.test("isKernelStartFailure: a port race is retried, a failing cell is not", () => {
  ok(isKernelStartFailure(
    "error: Uncaught (in promise) AddrInUse: Address already in use (os error 98)\n",
  ));
  ok(isKernelStartFailure("RuntimeError: Kernel died before replying to kernel_info"));
  ok(!isKernelStartFailure("CellExecutionError: ReferenceError: x is not defined"));
  ok(!isKernelStartFailure("TimeoutError: Cell execution timed out"));
});
