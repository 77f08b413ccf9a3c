import "server-only";

import { z } from "zod";

import { AppError } from "@/lib/errors";

/** Keyset cursor for lists ordered by (created_at desc, id desc): opaque to clients. */
export type Cursor = { at: string; id: string };

// Every keyset list is keyed by a uuid: anything else would reach the database as a type error (a 500).
const cursorSchema = z.object({ at: z.iso.datetime({ offset: true }), id: z.uuid() });

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(value: string | null | undefined): Cursor | undefined {
  if (!value) return undefined;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch {
    throw new AppError(400, "invalid_cursor", "The cursor is not one this API returned");
  }
}

export const pageSizeSchema = z.coerce.number().int().min(1).max(200).default(50);
