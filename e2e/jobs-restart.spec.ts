import { rmSync } from "node:fs";
import path from "node:path";

import { expect, test } from "./fixtures";
import { startApp, type AppProcess } from "./server-process";

// +1 is the main server's simulator (playwright.config.ts): keep clear of it.
const PORT = Number(process.env.E2E_PORT ?? 3210) + 10;
const DATA_DIR = path.join(__dirname, ".artifacts", "data-restart");
const TOKEN = "e2e-restart-admin-token-0123456789abcdef";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

type Run = { id: string; status: string };
type Detail = Run & { steps: { name: string; op: string; status: string }[]; output: unknown };

let app: AppProcess | undefined;
test.afterEach(async () => app?.kill("SIGKILL"));

async function latestSelfTest(url: string): Promise<Detail | undefined> {
  const list = (await (await fetch(`${url}/api/v1/admin/jobs?function_id=hooksmith-jobs-self-test`, { headers: auth })).json()) as {
    data: Run[];
  };
  if (!list.data[0]) return undefined;
  return (await (await fetch(`${url}/api/v1/admin/jobs/${list.data[0].id}`, { headers: auth })).json()) as Detail;
}

test("a server killed with SIGKILL mid-step resumes the run from its stored steps after restart", async () => {
  test.setTimeout(180_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  const env = { DATA_DIR, ADMIN_API_TOKEN: TOKEN, LOG_LEVEL: "warn" };
  app = await startApp(PORT, env);

  const sent = await fetch(`${app.url}/api/v1/admin/jobs/self-test`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ pauseSeconds: 1, holdSeconds: 4 }),
  });
  expect(sent.status).toBe(202);

  // Kill while the "hold" step is executing: "record start" and the sleep are done and stored.
  let before: Detail | undefined;
  await expect
    .poll(
      async () => {
        before = await latestSelfTest(app!.url);
        return before?.status === "running" && before.steps.some((step) => step.name === "pause");
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBe(true);
  await app.kill("SIGKILL");

  app = await startApp(PORT, env);
  let after: Detail | undefined;
  await expect.poll(async () => (after = await latestSelfTest(app!.url))?.status, { timeout: 60_000, intervals: [250] }).toBe("completed");

  expect(after!.id).toBe(before!.id);
  const ran = (name: string) => after!.steps.filter((step) => step.name === name && step.op === "StepRun").length;
  expect(ran("record start")).toBe(1);
  expect(ran("hold")).toBe(1);
});
