// Column shapes the tables share; not tables themselves, so the schema barrel does not export them.
import { text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

/** A timestamp with its zone, to the millisecond (keyset cursors compare them exactly). */
export const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** A uuid primary key the database generates. */
export const uuidPrimaryKey = () => uuid("id").primaryKey().defaultRandom();

/** A required uuid reference to the row this one belongs to: deleted with it. */
export const uuidBelongsTo = (name: string, parent: () => AnyPgColumn) => uuid(name).notNull().references(parent, { onDelete: "cascade" });

/** A required text reference to the row this one belongs to: deleted with it. */
export const textBelongsTo = (name: string, parent: () => AnyPgColumn) => text(name).notNull().references(parent, { onDelete: "cascade" });
