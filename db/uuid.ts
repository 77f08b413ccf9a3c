import "server-only";

/** Whether `id` has the shape of a uuid column value: anything else cannot name a row, so it is a not-found, not a query error. */
export const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);
