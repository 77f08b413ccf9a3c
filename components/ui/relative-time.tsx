"use client";

import { useEffect, useState } from "react";

// The smallest span each unit is used from: days up to 45 ("in 30 days" stays exact; a token made
// 30 days ahead must not read "next month" a moment later), months up to a year.
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ["year", 31_536_000, 31_536_000],
  ["month", 3_888_000, 2_592_000],
  ["day", 86_400, 86_400],
  ["hour", 3_600, 3_600],
  ["minute", 60, 60],
  ["second", 1, 1],
];

export function formatRelative(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 10) return "just now";
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const [unit, , size] = UNITS.find(([, from]) => Math.abs(seconds) >= from) ?? ["second", 1, 1];
  return format.format(Math.round(seconds / size), unit);
}

/** "3 minutes ago", with the exact time on hover; re-renders every 30 s so it stays true. */
export function RelativeTime({ value }: { value: string | null | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!value) return <span className="text-muted-foreground">—</span>;
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()}>
      {formatRelative(date, now)}
    </time>
  );
}
