import { describe, expect, it } from "vitest";

import { callRoute } from "@/test/http";
import { injectRouteDeps } from "@/test/route-deps";

import { GET } from "./route";

// Liveness must not need the database: a database open that throws proves it is never asked.
injectRouteDeps({
  db: () => Promise.reject(new Error("liveness must not touch the database")),
  databaseHandle: () => Promise.reject(new Error("liveness must not touch the database")),
});

describe("GET /api/health/live", () => {
  it("is 200 while the process is up, without the database", async () => {
    const response = await callRoute(GET, new Request("http://app.test/api/health/live"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
