// GET /docs/api/scalar.js — Scalar's standalone viewer bundle, served from our own origin (no CDN).
import { readFile } from "node:fs/promises";
import path from "node:path";

import { apiHandler } from "@/lib/http/api-handler";

const BUNDLE = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");

// The page's own request carries the session cookie; the proxy skips .js paths, so apiHandler checks it.
export const GET = apiHandler(
  { access: "user" },
  async () =>
    new Response(await readFile(BUNDLE), {
      headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "private, max-age=3600" },
    }),
);
