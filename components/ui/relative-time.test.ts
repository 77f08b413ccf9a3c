import { describe, expect, it } from "vitest";

import { formatRelative } from "./relative-time";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const at = (seconds: number) => new Date(NOW + seconds * 1000);

describe("formatRelative", () => {
  it("says days up to 45 days, so an expiry 30 days out reads the same a moment later", () => {
    expect(formatRelative(at(30 * 86_400), NOW)).toBe("in 30 days");
    expect(formatRelative(at(30 * 86_400 - 1), NOW)).toBe("in 30 days");
    expect(formatRelative(at(-44 * 86_400), NOW)).toBe("44 days ago");
  });

  it("switches to months, then years, and says 'just now' within ten seconds", () => {
    expect(formatRelative(at(90 * 86_400), NOW)).toBe("in 3 months");
    expect(formatRelative(at(-400 * 86_400), NOW)).toBe("last year");
    expect(formatRelative(at(5), NOW)).toBe("just now");
    expect(formatRelative(at(-120), NOW)).toBe("2 minutes ago");
  });
});
