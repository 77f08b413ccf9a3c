// No "server-only" and no path aliases: next.config.ts applies these to Next's answers, and the
// webhook listener that answers ahead of Next (github-webhook-listener.ts) to its own.

/** Headers on every response; pages also get a nonce-based Content-Security-Policy from proxy.ts. */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** Paths the proxy does not run on (JSON, text, redirects): a policy that allows nothing to run or frame them. */
export const ENDPOINT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sent only when the request came over https (TLS ends at the proxy in front of Next). */
export const HSTS = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
