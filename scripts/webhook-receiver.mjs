// `npm run webhooks:receiver`: a receiver on this machine for trying outbound webhooks out (the `local`
// endpoint of config/webhooks.yaml.example). It checks each request's signature with the standardwebhooks
// library, as a real receiver would, prints the event and answers 204 (400 when the signature is wrong).
// The secret is the one Hooksmith reads: <WEBHOOK_SECRETS_DIR>/local_webhook_secret or LOCAL_WEBHOOK_SECRET;
// when there is none it makes one and writes it there, so Reload picks it up without a restart.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { Webhook } from "standardwebhooks";

const port = Number(process.env.PORT ?? 4000);
const secretFile = path.join(process.env.WEBHOOK_SECRETS_DIR ?? "/run/secrets", "local_webhook_secret");

function secret() {
  if (existsSync(secretFile)) return readFileSync(secretFile, "utf8").trim();
  if (process.env.LOCAL_WEBHOOK_SECRET) return process.env.LOCAL_WEBHOOK_SECRET.trim();
  const made = `whsec_${randomBytes(32).toString("base64")}`;
  try {
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, `${made}\n`, { mode: 0o600 });
    console.log(`A new secret is in ${secretFile}: Hooksmith reads it on Reload.`);
  } catch {
    console.log(`Could not write ${secretFile}. Put this secret there (or set WEBHOOK_SECRETS_DIR to a directory you can write):\n${made}`);
  }
  return made;
}

const verifier = new Webhook(secret());
createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString("utf8");
  try {
    const event = verifier.verify(body, request.headers);
    console.log(`${new Date().toISOString()} ${event.event_type} ${event.event_id}\n${JSON.stringify(event.data, null, 2)}`);
    response.writeHead(204).end();
  } catch (error) {
    console.log(`${new Date().toISOString()} refused: ${error instanceof Error ? error.message : String(error)}`);
    response.writeHead(400, { "content-type": "text/plain" }).end("signature check failed");
  }
}).listen(port, "127.0.0.1", () => console.log(`Receiving webhooks on http://127.0.0.1:${port}/ (Ctrl-C stops)`));
