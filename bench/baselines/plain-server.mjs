// Baseline (c): a plain Node http server — @octokit/webhooks-methods verify + one INSERT via postgres.js.
// Usage: node plain-server.mjs <port> <database url> <webhook secret>
import http from "node:http";
import { verify } from "@octokit/webhooks-methods";

import { openEventWriter } from "./insert-event.mjs";

const [port, url, secret] = process.argv.slice(2);
const writer = openEventWriter(url);

http
  .createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", async () => {
      try {
        const body = Buffer.concat(chunks).toString("utf8");
        if (!(await verify(secret, body, String(req.headers["x-hub-signature-256"] ?? "")))) {
          res.writeHead(401).end();
          return;
        }
        const payload = JSON.parse(body);
        const id = await writer.insert(String(req.headers["x-github-delivery"]), String(req.headers["x-github-event"]), payload);
        res
          .writeHead(id ? 202 : 200, { "content-type": "application/json" })
          .end(JSON.stringify({ status: id ? "accepted" : "duplicate" }));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`plain baseline listening on ${port}`));
