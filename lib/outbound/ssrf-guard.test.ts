import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";

import { sendWebhook } from "./send-webhook";
import { BlockedAddressError, blockedRange, resolveSafeAddress } from "./ssrf-guard";

/**
 * The SSRF table: one row per block of the IANA IPv4 and IPv6 special-purpose address registries, the
 * cloud metadata addresses, and addresses that embed a private IPv4 address; then global unicast that passes.
 */
const REFUSED: [address: string, why: string][] = [
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"], // 0.0.0.0/8 "this network"
  ["10.0.0.5", "private"],
  ["100.64.0.1", "carrierGradeNat"], // shared address space 100.64/10
  ["100.127.255.254", "carrierGradeNat"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["169.254.1.1", "linkLocal"],
  ["172.16.3.4", "private"],
  ["172.31.255.255", "private"],
  ["192.0.0.1", "reserved"], // IETF protocol assignments 192.0.0/24
  ["192.0.0.170", "reserved"], // NAT64 discovery
  ["192.0.2.1", "reserved"], // TEST-NET-1
  ["192.31.196.1", "as112"],
  ["192.52.193.1", "amt"],
  ["192.88.99.1", "reserved"], // deprecated 6to4 relay anycast
  ["192.168.1.1", "private"],
  ["192.175.48.1", "as112"],
  ["198.18.0.1", "reserved"], // benchmarking 198.18/15
  ["198.19.255.1", "reserved"],
  ["198.51.100.7", "reserved"], // TEST-NET-2
  ["203.0.113.9", "reserved"], // TEST-NET-3
  ["224.0.0.1", "multicast"],
  ["240.0.0.1", "reserved"], // 240/4
  ["255.255.255.255", "broadcast"],
  // Cloud metadata
  ["169.254.169.254", "cloud metadata"],
  ["168.63.129.16", "cloud metadata"],
  ["100.100.100.200", "cloud metadata"],
  ["fd00:ec2::254", "cloud metadata"],
  // IPv6
  ["::", "unspecified"],
  ["::1", "loopback"],
  ["::ffff:127.0.0.1", "loopback"], // IPv4-mapped: judged as the IPv4 address it is
  ["::ffff:10.1.2.3", "private"],
  ["::ffff:169.254.169.254", "cloud metadata"],
  ["::a00:1", "not global unicast"], // IPv4-compatible ::10.0.0.1 (deprecated ::/96), as URL and DNS spell it
  ["::10.0.0.1", "private"], // the same, dotted: ipaddr.js reads it as IPv4-mapped
  ["::ffff:0:10.0.0.1", "rfc6145"], // IPv4-translated
  ["64:ff9b::a00:1", "rfc6052"], // NAT64 well-known prefix embedding 10.0.0.1
  ["64:ff9b:1::a00:1", "rfc6052"], // local-use NAT64 64:ff9b:1::/48
  ["100::1", "discard"], // discard-only 100::/64
  ["2001::1", "teredo"], // Teredo 2001::/32
  ["2001:0:4136:e378:8000:63bf:f5ff:fffe", "teredo"], // Teredo embedding 10.0.0.1 (obfuscated)
  ["2001:2::1", "benchmarking"],
  ["2001:3::1", "amt"],
  ["2001:4:112::1", "as112v6"],
  ["2001:10::1", "deprecatedOrchid"],
  ["2001:20::1", "orchid2"],
  ["2001:30::1", "droneRemoteIdProtocolEntityTags"],
  ["2001:db8::1", "reserved"], // documentation
  ["2001:1ff::1", "reserved"], // rest of the IETF protocol block 2001::/23
  ["2002:a00:1::1", "6to4"], // 6to4 embedding 10.0.0.1
  ["2620:4f:8000::1", "as112v6"],
  ["3fff::1", "reserved"], // documentation 3fff::/20
  ["5f00::1", "segmentRouting"],
  ["fc00::1", "uniqueLocal"],
  ["fd12:3456::1", "uniqueLocal"],
  ["fe80::1", "linkLocal"],
  ["fec0::1", "deprecatedSiteLocal"], // site-local fec0::/10
  ["ff02::1", "multicast"],
  ["4000::1", "not global unicast"], // unassigned, outside 2000::/3
];

const ALLOWED = [
  "93.184.216.34",
  "8.8.8.8",
  "1.1.1.1",
  "100.128.0.1",
  "198.20.0.1",
  "::ffff:93.184.216.34",
  "2606:4700::1111",
  "2a00:1450:4001::1",
];

describe("SSRF table", () => {
  it.each(REFUSED)("refuses %s (%s)", (address, why) => {
    expect(blockedRange(address)).toBe(why);
  });

  it.each(ALLOWED)("lets global unicast %s through", (address) => {
    expect(blockedRange(address)).toBeNull();
  });
});

describe("SSRF guard", () => {
  it.each([
    ["10.0.0.5", "private"],
    ["172.16.3.4", "private"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["169.254.169.254", "cloud metadata"],
    ["168.63.129.16", "cloud metadata"],
    ["[fec0::1]", "deprecatedSiteLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["[::1]", "loopback"],
    ["[fe80::1]", "linkLocal"],
    ["[fd00::1]", "uniqueLocal"],
    ["[::ffff:127.0.0.1]", "loopback"], // IPv4-mapped: checked as the IPv4 address it is
    ["[::ffff:10.1.2.3]", "private"],
  ])("refuses %s (%s)", async (host, range) => {
    await expect(resolveSafeAddress(host, false)).rejects.toThrow(new RegExp(`\\(${range}\\)`));
  });

  it("checks names after resolving them: localhost is loopback", async () => {
    await expect(resolveSafeAddress("localhost", false)).rejects.toBeInstanceOf(BlockedAddressError);
  });

  it("lets public addresses through, and loopback only when allowed (tests)", async () => {
    expect(await resolveSafeAddress("93.184.216.34", false)).toEqual({ address: "93.184.216.34", family: 4 });
    expect(await resolveSafeAddress("[2606:4700::1111]", false)).toEqual({ address: "2606:4700::1111", family: 6 });
    expect(await resolveSafeAddress("127.0.0.1", true)).toEqual({ address: "127.0.0.1", family: 4 });
    await expect(resolveSafeAddress("10.0.0.1", true)).rejects.toThrow("private");
  });

  it("never sends to a refused address: the delivery fails before any connection", async () => {
    let connections = 0;
    const server = createServer((_req, res) => res.end("ok")).on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://localhost:${(server.address() as AddressInfo).port}/hook`;
    const refused = await sendWebhook({ url, body: "{}", headers: {} }, { timeoutMs: 1000, allowLoopback: false });
    expect(refused).toMatchObject({ ok: false, httpStatus: null, error: expect.stringContaining("refused") });
    expect(connections).toBe(0);
    const allowed = await sendWebhook({ url, body: "{}", headers: {} }, { timeoutMs: 1000, allowLoopback: true });
    expect(allowed).toMatchObject({ ok: true, httpStatus: 200, responseExcerpt: "ok" });
    server.close();
  });
});
