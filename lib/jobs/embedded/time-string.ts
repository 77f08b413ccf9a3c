import "server-only";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses Inngest time strings ("30s", "1h30m", "2d") to milliseconds. */
export function parseTimeString(value: string): number {
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== value) throw new Error(`Unrecognised time string "${value}"`);
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNITS[unit!]!, 0);
}

/** A Sleep op's `name`: a duration for step.sleep, an ISO timestamp for step.sleepUntil. */
export function wakeTime(name: string, now: Date): Date {
  // The SDK renders a zero duration as an empty string.
  if (name === "") return now;
  if (/^\d+(?:\.\d+)?(?:ms|s|m|h|d|w)/.test(name)) return new Date(now.getTime() + parseTimeString(name));
  const at = new Date(name);
  if (Number.isNaN(at.getTime())) throw new Error(`Unrecognised sleep target "${name}"`);
  return at;
}
