import { eq } from "drizzle-orm";
import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";

import { jobRuns, jobRunSteps } from "@/db/schema";
import { createLogger } from "@/lib/log";
import { setUpTestDatabase } from "@/test/database";
import { embeddedTestClient, startTestExecutor, TEST_SIGNING_KEY } from "@/test/embedded-jobs";

import { claimRuns } from "./claim-runs";
import type { ExecutorDeps } from "./deps";
import { driveRun } from "./drive-run";

const { db } = await setUpTestDatabase();
const client = embeddedTestClient();

const calls: Record<string, number> = {};
const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
let gate: { promise: Promise<void>; open(): void } | undefined;

const stepsAndWaits = client.createFunction({ id: "steps-and-waits", triggers: [{ event: "test/steps" }] }, async ({ event, step }) => {
  const first = await step.run("first", () => {
    count("first");
    return { doubled: (event.data.n as number) * 2 };
  });
  await step.sleep("pause", "10m");
  const approval = await step.waitForEvent("approval", { event: "test/approved", match: "data.ticket", timeout: "1h" });
  return { first, approvedBy: approval?.data.by ?? null };
});

const flaky = client.createFunction({ id: "flaky", retries: 2, triggers: [{ event: "test/flaky" }] }, async ({ event, step }) => {
  return step.run("sometimes", () => {
    const n = count(`flaky:${event.data.key}`);
    if (n <= (event.data.failures as number)) throw new Error(`failure ${n}`);
    return "ok";
  });
});

const doomed = client.createFunction({ id: "doomed", retries: 1, triggers: [{ event: "test/doomed" }] }, async () => {
  throw new NonRetriableError("cannot ever work");
});

const onFailure = client.createFunction({ id: "on-failure", triggers: [{ event: "inngest/function.failed" }] }, async ({ event }) => {
  count(`failed:${event.data.function_id}`);
});

const cron = client.createFunction({ id: "every-five-minutes", triggers: [{ cron: "*/5 * * * *" }] }, async () => {
  count("cron");
});

const keyed = client.createFunction(
  { id: "keyed", concurrency: { limit: 1, key: "event.data.account" }, triggers: [{ event: "test/keyed" }] },
  async ({ step }) => {
    await step.run("hold", async () => {
      count("keyed");
      await gate?.promise;
    });
  },
);

const single = client.createFunction(
  {
    id: "single",
    singleton: { key: "event.data.feature", mode: "skip" },
    cancelOn: [{ event: "test/single.cancel", match: "data.feature" }],
    triggers: [{ event: "test/single" }],
  },
  async ({ step }) => {
    await step.sleep("long", "1h");
  },
);

const once = client.createFunction({ id: "once", idempotency: "event.data.key", triggers: [{ event: "test/once" }] }, async () => {
  count("once");
});

const parallel = client.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) => {
  const [a, b] = await Promise.all([step.run("a", () => count("parallel:a")), step.run("b", () => count("parallel:b"))]);
  await step.sendEvent("announce", { name: "test/announced", data: { sum: a + b } });
  return a + b;
});

const listener = client.createFunction({ id: "listener", triggers: [{ event: "test/announced" }] }, async ({ event }) => {
  count(`announced:${event.data.sum}`);
});

const withFailureHandler = client.createFunction(
  {
    id: "with-failure-handler",
    retries: 0,
    triggers: [{ event: "test/broken" }],
    onFailure: async ({ error }) => {
      count(`on-failure:${error.message}`);
    },
  },
  async () => {
    throw new Error("broken on purpose");
  },
);

const rateLimited = client.createFunction({ id: "rate-limited", triggers: [{ event: "test/rate-limited" }] }, async ({ step }) =>
  step.run("call api", () => {
    if (count("rate-limited") === 1) throw new RetryAfterError("slow down", "30s");
    return "done";
  }),
);

const replaced = client.createFunction(
  { id: "replaced", singleton: { key: "event.data.feature", mode: "cancel" }, triggers: [{ event: "test/replaced" }] },
  async ({ step }) => {
    await step.sleep("long", "1h");
  },
);

const prioritised = client.createFunction(
  { id: "prioritised", priority: { run: "event.data.priority" }, triggers: [{ event: "test/prioritised" }] },
  async ({ event }) => event.data.name,
);

const threeSteps = client.createFunction({ id: "three-steps", triggers: [{ event: "test/three-steps" }] }, async ({ step }) => {
  const one = await step.run("one", () => 1);
  const two = await step.run("two", () => one + 1);
  return step.run("three", () => two + 1);
});

const { executor, registry, clock, serveHandler } = startTestExecutor(db, client, [
  threeSteps,
  prioritised,
  parallel,
  listener,
  withFailureHandler,
  rateLimited,
  replaced,
  stepsAndWaits,
  flaky,
  doomed,
  onFailure,
  cron,
  keyed,
  single,
  once,
]);

const runOf = async (runId: string) => (await db.select().from(jobRuns).where(eq(jobRuns.id, runId)))[0]!;

/** The executor's deps, for driving a claimed run by hand. */
const deps = (): ExecutorDeps => ({
  db,
  registry,
  callServeHandler: serveHandler,
  serveUrl: "http://app.test/api/inngest",
  signingKey: TEST_SIGNING_KEY,
  now: () => clock.now,
  retryBaseMs: 1000,
  leaseMs: 60_000,
  parallelism: 1,
  log: createLogger({ test: true }),
  ingest: executor.send,
});

describe("embedded executor", () => {
  it("drives step.run, sleep and a waitForEvent satisfied by a later event, running each step once", async () => {
    const { runIds } = await executor.send([{ name: "test/steps", data: { n: 21, ticket: "T-1" } }]);
    await executor.drain();
    let run = await runOf(runIds[0]!);
    expect(run.status).toBe("sleeping");

    clock.advance(10 * 60_000);
    await executor.drain();
    expect((await runOf(run.id)).status).toBe("waiting");

    await executor.send([{ name: "test/approved", data: { ticket: "T-other", by: "mallory" } }]);
    await executor.drain();
    expect((await runOf(run.id)).status).toBe("waiting");

    await executor.send([{ name: "test/approved", data: { ticket: "T-1", by: "alice" } }]);
    await executor.drain();
    run = await runOf(run.id);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ first: { doubled: 42 }, approvedBy: "alice" });
    expect(calls.first).toBe(1);
    const steps = await db.select().from(jobRunSteps).where(eq(jobRunSteps.runId, run.id));
    expect(steps.map((step) => `${step.op}:${step.status}`)).toEqual(["StepRun:completed", "Sleep:sleeping", "WaitForEvent:waiting"]);
  });

  it("stores a burst in one go: a run per new event id in the order sent, and a waiting run resumed by the burst's first match", async () => {
    const waiting = (await executor.send([{ name: "test/steps", data: { n: 2, ticket: "T-9" } }])).runIds[0]!;
    await executor.drain();
    clock.advance(10 * 60_000);
    await executor.drain();
    expect((await runOf(waiting)).status).toBe("waiting");

    await executor.send([{ id: "burst-0", name: "test/three-steps" }]);
    const burst = await executor.send([
      { id: "burst-1", name: "test/three-steps" },
      { id: "burst-1", name: "test/three-steps" },
      { id: "burst-0", name: "test/three-steps" },
      { name: "test/approved", data: { ticket: "T-other", by: "mallory" } },
      { name: "test/approved", data: { ticket: "T-9", by: "alice" } },
      { name: "test/approved", data: { ticket: "T-9", by: "bob" } },
      { id: "burst-2", name: "test/three-steps" },
    ]);
    expect(burst.ids).toHaveLength(7);
    // burst-1 once, burst-0 not again (stored before), burst-2.
    const runs = await Promise.all(burst.runIds.map(runOf));
    expect(runs.map((run) => (run.event as { id: string }).id)).toEqual(["burst-1", "burst-2"]);
    await executor.drain();
    expect(await Promise.all(burst.runIds.map(async (id) => (await runOf(id)).status))).toEqual(["completed", "completed"]);
    expect((await runOf(waiting)).output).toEqual({ first: { doubled: 4 }, approvedBy: "alice" });
  });

  it("resumes a waitForEvent with null at its timeout", async () => {
    const { runIds } = await executor.send([{ name: "test/steps", data: { n: 1, ticket: "T-2" } }]);
    await executor.drain();
    clock.advance(10 * 60_000);
    await executor.drain();
    clock.advance(60 * 60_000);
    await executor.drain();
    const run = await runOf(runIds[0]!);
    expect(run.status).toBe("completed");
    expect(run.output).toMatchObject({ approvedBy: null });
  });

  it("retries a throwing step with exponential backoff until it succeeds", async () => {
    const { runIds } = await executor.send([{ name: "test/flaky", data: { key: "a", failures: 2 } }]);
    await executor.drain();
    let run = await runOf(runIds[0]!);
    expect(run).toMatchObject({ status: "queued", attempt: 1 });
    expect(run.nextRunAt.getTime() - clock.now.getTime()).toBe(1000);
    clock.advance(1000);
    await executor.drain();
    run = await runOf(run.id);
    expect(run.nextRunAt.getTime() - clock.now.getTime()).toBe(2000);
    clock.advance(2000);
    await executor.drain();
    run = await runOf(run.id);
    expect(run.status).toBe("completed");
    expect(run.output).toBe("ok");
    expect(calls["flaky:a"]).toBe(3);
  });

  it("fails the run once retries are exhausted, and emits inngest/function.failed", async () => {
    const { runIds } = await executor.send([{ name: "test/flaky", data: { key: "b", failures: 99 } }]);
    for (let i = 0; i < 5; i++) {
      await executor.drain();
      clock.advance(60_000);
    }
    const run = await runOf(runIds[0]!);
    expect(run.status).toBe("failed");
    expect(calls["flaky:b"]).toBe(3);
    expect(calls["failed:test-app-flaky"]).toBe(1);
  });

  it("fails at once on a NonRetriableError", async () => {
    const { runIds } = await executor.send([{ name: "test/doomed" }]);
    await executor.drain();
    const run = await runOf(runIds[0]!);
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ message: "cannot ever work" });
  });

  it("fires a cron trigger on schedule with the controlled clock", async () => {
    const before = calls.cron ?? 0;
    await executor.start();
    await executor.stop();
    await executor.drain();
    expect(calls.cron ?? 0).toBe(before);
    clock.advance(5 * 60_000);
    await executor.drain();
    expect(calls.cron).toBe(before + 1);
    await executor.drain();
    expect(calls.cron).toBe(before + 1);
  });

  it("never runs two steps of one concurrency key at once", async () => {
    let open!: () => void;
    gate = { promise: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
    await executor.send([
      { name: "test/keyed", data: { account: "acme" } },
      { name: "test/keyed", data: { account: "acme" } },
      { name: "test/keyed", data: { account: "globex" } },
    ]);
    const driving = executor.tick();
    await expect.poll(() => calls.keyed).toBe(2);
    // One acme step is executing: the other acme run cannot be claimed, whatever else is free.
    expect(await claimRuns({ db, registry, now: () => clock.now, leaseMs: 60_000 }, 10)).toEqual([]);
    gate.open();
    await driving;
    await executor.drain();
    expect(calls.keyed).toBe(3);
  });

  it("singleton skips a second run for the same key; cancelOn with match cancels it", async () => {
    const first = await executor.send([{ name: "test/single", data: { feature: "f1" } }]);
    const second = await executor.send([{ name: "test/single", data: { feature: "f1" } }]);
    const other = await executor.send([{ name: "test/single", data: { feature: "f2" } }]);
    expect(first.runIds).toHaveLength(1);
    expect(second.runIds).toHaveLength(0);
    expect(other.runIds).toHaveLength(1);
    await executor.drain();
    await executor.send([{ name: "test/single.cancel", data: { feature: "f1" } }]);
    expect((await runOf(first.runIds[0]!)).status).toBe("cancelled");
    expect((await runOf(other.runIds[0]!)).status).toBe("sleeping");
  });

  it("claims a high-priority run before runs queued earlier", async () => {
    const low = await executor.send([{ name: "test/prioritised", data: { name: "routine", priority: 0 } }]);
    clock.advance(5_000);
    const high = await executor.send([{ name: "test/prioritised", data: { name: "urgent", priority: 120 } }]);
    const [first] = await claimRuns({ db, registry, now: () => clock.now, leaseMs: 60_000 }, 1);
    expect(first!.id).toBe(high.runIds[0]);
    await executor.drain();
    expect((await runOf(low.runIds[0]!)).status).toBe("completed");
  });

  it("runs once per idempotency key", async () => {
    const a = await executor.send([
      { name: "test/once", data: { key: "k" } },
      { name: "test/once", data: { key: "k" } },
    ]);
    expect(a.runIds).toHaveLength(1);
    await executor.drain();
    expect(calls.once).toBe(1);
  });

  it("the serve handler refuses unsigned and wrongly signed calls with 401", async () => {
    const body = JSON.stringify({
      event: { name: "test/once", data: {} },
      events: [],
      steps: {},
      ctx: { run_id: "r", attempt: 0 },
      version: 2,
    });
    const url = "http://app.test/api/inngest?fnId=test-app-once&stepId=step";
    const unsigned = await serveHandler(new Request(url, { method: "POST", body, headers: { "content-type": "application/json" } }));
    expect(unsigned.status).toBe(401);
    const forged = await serveHandler(
      new Request(url, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-inngest-signature": `t=${Math.floor(Date.now() / 1000)}&s=${"0".repeat(64)}` },
      }),
    );
    expect(forged.status).toBe(401);
  });

  it("runs parallel steps one request each, and delivers step.sendEvent to the functions it triggers", async () => {
    const { runIds } = await executor.send([{ name: "test/parallel" }]);
    await executor.drain();
    const run = await runOf(runIds[0]!);
    expect(run).toMatchObject({ status: "completed", output: 2 });
    expect([calls["parallel:a"], calls["parallel:b"]]).toEqual([1, 1]);
    expect(calls["announced:2"]).toBe(1);
  });

  it("runs the onFailure handler when a run fails", async () => {
    await executor.send([{ name: "test/broken" }]);
    await executor.drain();
    expect(calls["on-failure:broken on purpose"]).toBe(1);
  });

  it("honours RetryAfterError's delay for a step", async () => {
    const { runIds } = await executor.send([{ name: "test/rate-limited" }]);
    await executor.drain();
    const run = await runOf(runIds[0]!);
    expect(run.status).toBe("queued");
    expect(run.nextRunAt.getTime() - clock.now.getTime()).toBe(30_000);
    clock.advance(30_000);
    await executor.drain();
    expect((await runOf(run.id)).output).toBe("done");
  });

  it("singleton mode cancel replaces the active run of the same key", async () => {
    const first = await executor.send([{ name: "test/replaced", data: { feature: "f9" } }]);
    await executor.drain();
    const second = await executor.send([{ name: "test/replaced", data: { feature: "f9" } }]);
    expect((await runOf(first.runIds[0]!)).status).toBe("cancelled");
    expect((await runOf(second.runIds[0]!)).status).toBe("queued");
  });

  it("calls a run again under the same claim while its steps finish, and stops between steps when told", async () => {
    await executor.drain();
    const [first, second] = (await executor.send([{ name: "test/three-steps" }, { name: "test/three-steps" }])).runIds;
    // One claim: all three steps and the return, each step's row written as it finished.
    const [claimed] = await claimRuns({ db, registry, now: () => clock.now, leaseMs: 60_000 }, 1);
    await driveRun(deps(), claimed!);
    expect(await runOf(claimed!.id)).toMatchObject({ status: "completed", output: 3, leaseToken: null });
    const rows = await db.select().from(jobRunSteps).where(eq(jobRunSteps.runId, claimed!.id)).orderBy(jobRunSteps.id);
    expect(rows.map((row) => `${row.name}:${row.status}`)).toEqual(["one:completed", "two:completed", "three:completed"]);

    // Told to stop (shutdown): the step under way is answered and stored, the run handed back queued.
    const [other] = await claimRuns({ db, registry, now: () => clock.now, leaseMs: 60_000 }, 1);
    expect(other!.id).toBe(claimed!.id === first ? second : first);
    await driveRun(deps(), other!, () => false);
    expect(await runOf(other!.id)).toMatchObject({ status: "queued", leaseToken: null, leaseUntil: null, stack: [expect.any(String)] });
    await executor.drain();
    expect(await runOf(other!.id)).toMatchObject({ status: "completed", output: 3 });
  });

  it("a driver whose lease was taken over writes nothing back; the new holder finishes the run", async () => {
    // Nothing else runnable, and this run ahead of anything that becomes due: both claims take it.
    await executor.drain();
    const { runIds } = await executor.send([{ name: "test/prioritised", data: { name: "stalled", priority: 600 } }]);
    const claim = () => claimRuns({ db, registry, now: () => clock.now, leaseMs: 60_000 }, 1);
    const [stalled] = await claim();
    clock.advance(61_000);
    const [takenOver] = await claim();
    expect(takenOver!.id).toBe(runIds[0]);
    expect(takenOver!.leaseToken).not.toBe(stalled!.leaseToken);

    await driveRun(deps(), stalled!);
    expect(await runOf(runIds[0]!)).toMatchObject({ status: "running", leaseToken: takenOver!.leaseToken, output: null });
    await driveRun(deps(), takenOver!);
    expect(await runOf(runIds[0]!)).toMatchObject({ status: "completed", leaseToken: null, output: "stalled" });
  });
});
