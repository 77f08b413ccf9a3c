import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A secret generated once and kept under DATA_DIR (mode 0600), for settings a single-machine install may
 * leave unset. Several processes racing to create it all end up with the first one's value.
 */
export function dataDirSecret(dataDir: string, name: string, generate: () => string): string {
  const file = path.resolve(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, generate(), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}
