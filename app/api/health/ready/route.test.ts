import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { openDatabase } from "@/db/client";
import type { RouteDeps } from "@/lib/http/route-deps";
import { setUpTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { injectRouteDeps } from "@/test/route-deps";

import { GET } from "./route";

const handle = await setUpTestDatabase();

// Each test picks what the process looks like: the test database (the process's) or another handle,
// and whether the embedded executor was started.
let overrides: Partial<RouteDeps> = {};
injectRouteDeps(() => overrides);

const ready = () => callRoute(GET, new Request("http://app.test/api/health/ready"));

describe("GET /api/health/ready", () => {
  it("is 200 on a migrated database with the executor started and the configuration loaded", async () => {
    overrides = { embeddedExecutorStarted: () => true };
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", jobs: "ok", config: "ok", accepting: "ok" },
    });
  });

  it("is 503 naming the database and migrations when the database is unreachable", async () => {
    const unreachable = await openDatabase({ databaseUrl: "postgres://hooksmith:pw@127.0.0.1:9/nowhere", dataDir: "" });
    overrides = { embeddedExecutorStarted: () => true, databaseHandle: async () => unreachable };
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: "not_ready",
        checks: { database: "failed", migrations: "failed", jobs: "ok", config: "ok", accepting: "ok" },
      });
    } finally {
      await unreachable.close();
    }
  });

  it("is 503 naming jobs when embedded mode has no executor in this process", async () => {
    overrides = { embeddedExecutorStarted: () => false };
    const response = await ready();
    expect(response.status).toBe(503);
    expect((await response.json()).checks).toEqual({ database: "ok", migrations: "ok", jobs: "failed", config: "ok", accepting: "ok" });
  });

  it("is 503 naming accepting once a graceful shutdown has begun", async () => {
    overrides = { embeddedExecutorStarted: () => true, shuttingDown: () => true };
    const response = await ready();
    expect(response.status).toBe(503);
    expect((await response.json()).checks).toMatchObject({ database: "ok", accepting: "failed" });
  });

  // Last: it removes the record of the newest migration from this file's database.
  it("is 503 naming migrations when the newest migration is not recorded", async () => {
    overrides = { embeddedExecutorStarted: () => true };
    await handle.db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    );
    const response = await ready();
    expect(response.status).toBe(503);
    expect((await response.json()).checks).toEqual({ database: "ok", migrations: "failed", jobs: "ok", config: "ok", accepting: "ok" });
  });
});
