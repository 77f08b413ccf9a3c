import postgres from "postgres";

import { openDatabase } from "@/db/client";

/** Connection URL of another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

async function admin<T>(url: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createPostgresTemplate(url: string, template: string) {
  await dropPostgresDatabase(url, template);
  await admin(url, (sql) => sql.unsafe(`create database "${template}"`));
  const handle = await openDatabase({ databaseUrl: databaseUrl(url, template), dataDir: "" });
  await handle.migrate();
  await handle.close();
}

export async function copyPostgresDatabase(url: string, template: string, database: string) {
  await admin(url, (sql) => sql.unsafe(`create database "${database}" template "${template}"`));
}

export async function dropPostgresDatabase(url: string, database: string) {
  await admin(url, (sql) => sql.unsafe(`drop database if exists "${database}" with (force)`));
}
