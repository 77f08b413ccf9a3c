import "server-only";

import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

export class BlockedAddressError extends Error {
  constructor(host: string, address: string, range: string) {
    super(`${host} resolves to ${address} (${range}): refused, webhooks go to public addresses only`);
    this.name = "BlockedAddressError";
  }
}

/**
 * Addresses ipaddr.js calls "unicast" that a webhook must still never reach: cloud metadata services
 * (the link-local and unique-local ones are refused by their range already; listed so the table says so).
 */
const METADATA_ADDRESSES: [string, string][] = [
  ["169.254.169.254/32", "AWS, GCP, Azure, OpenStack metadata"],
  ["168.63.129.16/32", "Azure wire server"],
  ["100.100.100.200/32", "Alibaba Cloud metadata"],
  ["fd00:ec2::254/128", "AWS metadata over IPv6"],
];
const METADATA_RANGES = METADATA_ADDRESSES.map(([cidr]) => ipaddr.parseCIDR(cidr));

/** IPv6 global unicast is 2000::/3 (RFC 4291); everything outside it (e.g. fec0::/10, ::/96, 100::/64) is special. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/**
 * Why `address` must not be reached, or null when it is a global unicast address. Allow-list, not
 * block-list: ipaddr.js's range() covers the IANA IPv4 and IPv6 special-purpose registries (private,
 * shared 100.64/10, 192.0.0/24, benchmarking 198.18/15, 240/4, documentation, 6to4, Teredo, NAT64, ORCHID,
 * …), and anything it does not call "unicast" is refused. An IPv4-mapped IPv6 address is judged as the
 * IPv4 address it is.
 */
export function blockedRange(address: string): string | null {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const metadata = METADATA_RANGES.find(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
  if (metadata) return "cloud metadata";
  const range = parsed.range();
  if (range !== "unicast") return range;
  if (parsed.kind() === "ipv6" && !parsed.match(GLOBAL_UNICAST_V6)) return "not global unicast";
  return null;
}

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
    const range = blockedRange(answer.address);
    if (range === "loopback" && allowLoopback) continue;
    if (range) throw new BlockedAddressError(host, answer.address, range);
  }
  return { address: answers[0]!.address, family: answers[0]!.family === 6 ? 6 : 4 };
}
