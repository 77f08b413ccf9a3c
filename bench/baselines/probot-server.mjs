// Baseline (b): Probot's own Node middleware with a handler that writes the same event row through
// postgres.js (Probot verifies the signature and awaits the handler before it answers).
// Usage: node probot-server.mjs <port> <database url> <webhook secret>
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import { createNodeMiddleware, createProbot } from "probot";

import { openEventWriter } from "./insert-event.mjs";

const [port, url, secret] = process.argv.slice(2);
const writer = openEventWriter(url);
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

const probot = createProbot({ overrides: { appId: 1, privateKey, secret, logLevel: "info" }, env: {} });
const middleware = await createNodeMiddleware(
  (app) => {
    app.onAny(async (context) => {
      await writer.insert(context.id, context.name, context.payload);
    });
  },
  { probot, webhooksPath: "/webhooks/github" },
);

http
  .createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`probot baseline listening on ${port}`));
