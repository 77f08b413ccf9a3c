import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";

import { sendWebhook } from "./send-webhook";
import { BlockedAddressError, resolveSafeAddress } from "./ssrf-guard";

describe("SSRF guard", () => {
  it.each([
    ["10.0.0.5", "private"],
    ["172.16.3.4", "private"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["169.254.169.254", "linkLocal"], // cloud metadata
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
