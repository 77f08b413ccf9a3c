import "server-only";

import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

export class BlockedAddressError extends Error {
  constructor(host: string, address: string, range: string) {
    super(`${host} resolves to ${address} (${range}): refused, webhooks go to public addresses only`);
    this.name = "BlockedAddressError";
  }
}

/** Address ranges a webhook must never reach: the host itself, private networks, cloud metadata. */
const BLOCKED_RANGES = new Set([
  "unspecified",
  "broadcast",
  "multicast",
  "linkLocal", // includes 169.254.169.254, cloud metadata
  "loopback",
  "private",
  "carrierGradeNat",
  "uniqueLocal",
  "ipv4Mapped",
  "rfc6145",
  "rfc6052",
  "6to4",
  "teredo",
  "reserved",
  "benchmarking",
  "amt",
  "as112",
  "as112v6",
  "deprecated",
  "orchid2",
  "droneRemoteIdProtocolEntityTags",
]);

/**
 * Resolves `host` and checks every address it has; returns the one to connect to, so the connection is
 * pinned to what was checked (a second DNS answer cannot rebind it). Loopback passes only when allowed
 * (tests, ALLOW_INSECURE_WEBHOOK_URLS).
 */
export async function resolveSafeAddress(host: string, allowLoopback: boolean): Promise<{ address: string; family: 4 | 6 }> {
  const bare = host.replace(/^\[|\]$/g, "");
  const answers = ipaddr.isValid(bare)
    ? [{ address: bare, family: ipaddr.parse(bare).kind() === "ipv6" ? 6 : 4 }]
    : await lookup(bare, { all: true, verbatim: true });
  if (!answers.length) throw new Error(`${host} did not resolve`);
  for (const answer of answers) {
    let parsed = ipaddr.parse(answer.address);
    if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    const range = parsed.range();
    if (range === "loopback" && allowLoopback) continue;
    if (BLOCKED_RANGES.has(range)) throw new BlockedAddressError(host, answer.address, range);
  }
  return { address: answers[0]!.address, family: answers[0]!.family === 6 ? 6 : 4 };
}
