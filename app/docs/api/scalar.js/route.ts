// GET /docs/api/scalar.js — Scalar's standalone viewer bundle, served from our own origin (no CDN).
import { readFile } from "node:fs/promises";
import path from "node:path";

const BUNDLE = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");

export async function GET() {
  return new Response(await readFile(BUNDLE), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
