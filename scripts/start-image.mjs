// The container's start command (Dockerfile CMD), run from the standalone build's directory: reads each
// secret the app takes from the environment out of /run/secrets (Docker secrets; the file is the
// variable's name in lower case) unless the variable is set, then serves the standalone server in this
// process, which drains on SIGTERM (lib/server/graceful-shutdown.ts) and migrates the database at start.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const SECRET_VARIABLES = [
  "AUTH_SECRET",
  "DATABASE_URL",
  "GITHUB_APP_PRIVATE_KEY",
  "GITHUB_CLIENT_SECRET",
  "GITHUB_WEBHOOK_SECRET",
  "WEBHOOK_SECRET",
  "INNGEST_EVENT_KEY",
  "INNGEST_SIGNING_KEY",
  "ADMIN_API_TOKEN",
  "METRICS_TOKEN",
];
const secretsDir = process.env.WEBHOOK_SECRETS_DIR || "/run/secrets";
for (const name of SECRET_VARIABLES) {
  const file = path.join(secretsDir, name.toLowerCase());
  if (!process.env[name] && existsSync(file)) process.env[name] = readFileSync(file, "utf8").trim();
}
process.env.NEXT_MANUAL_SIG_HANDLE ??= "1";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.HOSTNAME ??= "0.0.0.0";

await import(pathToFileURL(path.join(process.cwd(), "server.js")).href);
