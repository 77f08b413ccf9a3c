import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { setUpTestDatabase } from "@/test/database";

import { queryRows } from "./client";

const handle = await setUpTestDatabase();

describe(`migrations on ${handle.driver}`, () => {
  it("create every table of the schema", async () => {
    const tables = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["accounts", "api_tokens", "sessions", "users", "verification_tokens"]),
    );
  });

  it("apply again as a no-op (every start runs them)", async () => {
    await handle.migrate();
    await handle.migrate();
  });
});
