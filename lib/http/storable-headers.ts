// No "server-only": a pure function, for inbound requests and outbound answers alike.

/** Headers that carry credentials: never stored or shown. The webhook signature is not one (it proves, it does not grant). */
const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);

/** The request's headers as they are kept with the event: lower-case names, credentials left out. */
export function storableHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (!CREDENTIAL_HEADERS.has(key)) kept[key] = value;
  }
  return kept;
}
