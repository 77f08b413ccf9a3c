// GET /docs/api — the API reference: Scalar's viewer over GET /api/v1/openapi.json (signed-in people, like every page).
// No inline script: Scalar reads its configuration from the data attribute and loads from our own origin.
import { apiHandler } from "@/lib/http/api-handler";

const CONFIGURATION = JSON.stringify({ url: "/api/v1/openapi.json", withDefaultFonts: false, hideClientButton: false });

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

export const GET = apiHandler(
  { access: "user" },
  async () => new Response(PAGE, { headers: { "content-type": "text/html; charset=utf-8" } }),
);
