import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { openDatabase, queryRows } from "./client";

describe("openDatabase on PGlite", () => {
  it("initialises a new data directory apart, then opens it with small shared buffers, and opens it again", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "hooksmith-pglite-"));
    try {
      for (const time of ["first", "second"]) {
        const handle = await openDatabase({ dataDir });
        try {
          const [row] = await queryRows<{ shared_buffers: string }>(handle.db, sql`show shared_buffers`);
          expect(row?.shared_buffers, time).toBe("16MB");
          if (time === "first") await handle.db.execute(sql`create table kept (id int)`);
          else expect(await queryRows(handle.db, sql`select * from kept`)).toEqual([]);
        } finally {
          await handle.close();
        }
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
