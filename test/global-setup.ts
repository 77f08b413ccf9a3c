import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

import { pgliteHandle } from "@/db/client";

import { createPostgresTemplate, dropPostgresDatabase } from "./postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a tarball of a migrated data directory. PostgreSQL: the name of a migrated template database. */
    databaseTemplate: { kind: "pglite"; file: string } | { kind: "postgres"; url: string; template: string };
  }
}

/**
 * Migrates one template database for the whole run (fresh PGlite + migrations costs seconds); each test
 * file then starts from a copy of it. With DATABASE_URL set, the template lives on that PostgreSQL server.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `hooksmith_template_${process.pid}`;
    await createPostgresTemplate(url, template);
    project.provide("databaseTemplate", { kind: "postgres", url, template });
    return () => dropPostgresDatabase(url, template);
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const handle = await pgliteHandle(await PGlite.create());
  await handle.migrate();
  const client = (handle.db as unknown as { $client: InstanceType<typeof PGlite> }).$client;
  const dump = await client.dumpDataDir("none");
  await handle.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), "hooksmith-template-"));
  const file = path.join(dir, "pglite.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("databaseTemplate", { kind: "pglite", file });
  return () => rmSync(dir, { recursive: true, force: true });
}
