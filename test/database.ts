import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";

import { setDatabaseHandle } from "@/db";
import { openDatabase, pgliteHandle, type DatabaseHandle } from "@/db/client";

import { copyPostgresDatabase, databaseUrl, dropPostgresDatabase } from "./postgres-admin";

/**
 * A fresh, migrated database for this test file — PGlite by default, PostgreSQL when DATABASE_URL is
 * set — installed as the process database so route handlers use it too. Dropped after the file.
 */
export async function setUpTestDatabase(): Promise<DatabaseHandle> {
  const template = inject("databaseTemplate");
  let handle: DatabaseHandle;
  let cleanup = async () => {};
  if (template.kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const loadDataDir = new Blob([readFileSync(template.file)]);
    handle = await pgliteHandle(await PGlite.create({ loadDataDir }));
  } else {
    const name = `hooksmith_test_${randomBytes(6).toString("hex")}`;
    await copyPostgresDatabase(template.url, template.template, name);
    handle = await openDatabase({ databaseUrl: databaseUrl(template.url, name), dataDir: "", maxConnections: 4 });
    cleanup = () => dropPostgresDatabase(template.url, name);
  }
  setDatabaseHandle(handle);
  afterAll(async () => {
    setDatabaseHandle(undefined);
    await handle.close();
    await cleanup();
  });
  return handle;
}
