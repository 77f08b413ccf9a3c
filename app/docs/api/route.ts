// GET /docs/api — the API reference: Scalar's viewer over GET /api/v1/openapi.json (signed-in people, like every page).
// No inline script: Scalar reads its configuration from the data attribute and loads from our own origin.
import { apiHandler } from "@/lib/http/api-handler";

// The "Ask AI" agent is off: it calls Scalar's hosted services, and this page talks to no one but us.
const CONFIGURATION = JSON.stringify({
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  hideClientButton: false,
  agent: { disabled: true },
});

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Hooksmith API reference</title>
  </head>
  <body>
    <script id="api-reference" data-configuration="${CONFIGURATION.replaceAll('"', "&quot;")}"></script>
    <script src="/docs/api/scalar.js"></script>
  </body>
</html>`;

/**
 * Its own policy, not the pages' nonce one: Scalar (Vue) injects <style> elements it cannot nonce. Scripts
 * still come only from this origin, and nothing else is loosened.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const GET = apiHandler(
  { access: "user" },
  async () => new Response(PAGE, { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": POLICY } }),
);
