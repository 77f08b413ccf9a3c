import "server-only";

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const cache = new Map<string, string>();

/**
 * A secret generated once and kept under DATA_DIR (mode 0600), for settings a single-machine install may
 * leave unset. Several processes racing to create it all end up with the first one's value.
 */
export function dataDirSecret(dataDir: string, name: string, generate: () => string): string {
  const file = path.resolve(dataDir, name);
  // Read once per process: callers ask on every request, and the file never changes once written.
  const known = cache.get(file);
  if (known) return known;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, generate(), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  cache.set(file, secret);
  return secret;
}
