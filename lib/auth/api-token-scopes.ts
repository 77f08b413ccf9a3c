// A plain tuple with no imports, so pages and db/schema can use it.

/** What an API token may do: `read` answers only GET/HEAD requests; `write` whatever its owner may do. */
export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
