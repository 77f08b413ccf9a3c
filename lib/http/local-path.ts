import "server-only";

const BASE = "http://local.invalid";
const DEFAULT_PATH = "/features";

/**
 * `value` as a path on this origin, or `/features`: a crafted `callbackUrl` (`//evil.example`,
 * `/\evil.example`, `https://evil.example`, tabs or dots hiding a second slash) cannot send a person to
 * another site. The result is what a URL parser makes of the value, as a browser would.
 */
export function localPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return DEFAULT_PATH;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_PATH;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` normalises to `//evil.example`, which a browser reads as another host.
  if (url.origin !== BASE || path.startsWith("//")) return DEFAULT_PATH;
  return path;
}
