import { describe, expect, it } from "vitest";

import { setDatabaseHandle } from "@/db";
import { openDatabase } from "@/db/client";
import { setUpTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";

import { GET } from "./route";

const handle = await setUpTestDatabase();
const health = () => callRoute(GET, new Request("http://app.test/api/health"));

describe("GET /api/health", () => {
  it("is 200 with the database status when the database answers", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok", driver: handle.driver } });
  });

  it("is 503 when the database is unreachable, without connection details", async () => {
    const unreachable = await openDatabase({ databaseUrl: "postgres://hooksmith:pw@127.0.0.1:9/nowhere", dataDir: "" });
    setDatabaseHandle(unreachable);
    try {
      const response = await health();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toEqual({ status: "unavailable", database: { status: "unreachable" } });
    } finally {
      setDatabaseHandle(handle);
      await unreachable.close();
    }
  });
});
