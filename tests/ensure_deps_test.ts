import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { DEBIAN_PACKAGES, installPlan, missingDependencies } from "../tools/ensure_deps.ts";

Deno.test("installPlan() does nothing when nothing is missing", () => {
  deepStrictEqual(installPlan([], { root: false, aptGet: false }), { kind: "nothing" });
});

Deno.test("installPlan() installs as root with apt-get: update, then only the missing packages", () => {
  deepStrictEqual(installPlan(["jupyter"], { root: true, aptGet: true }), {
    kind: "install",
    commands: [["apt-get", "update"], ["apt-get", "install", "-y", ...DEBIAN_PACKAGES.jupyter]],
  });
});

Deno.test("installPlan() gives the exact sudo command when not root", () => {
  const plan = installPlan(["jupyter", "chromium"], { root: false, aptGet: true });
  deepStrictEqual(plan, {
    kind: "instruct",
    command: "sudo apt-get update && sudo apt-get install -y jupyter-nbconvert python3-nbclient " +
      "python3-jupyter-client jupyter-core python3-ipykernel chromium fonts-liberation",
  });
});

Deno.test("installPlan() names packages and the Chromium path without apt-get", () => {
  const plan = installPlan(["chromium"], { root: true, aptGet: false });
  strictEqual(plan.kind, "instruct");
  if (plan.kind === "instruct") {
    ok(plan.command.includes("chromium fonts-liberation"), plan.command);
    ok(plan.command.includes("/usr/bin/chromium"), plan.command);
    ok(!plan.command.includes("pip"), plan.command);
  }
});

Deno.test("missingDependencies() answers only for what is asked", async () => {
  const missing = await missingDependencies(["chromium"]);
  ok(missing.every((d) => d === "chromium"));
  deepStrictEqual(await missingDependencies([]), []);
});
