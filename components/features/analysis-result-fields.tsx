import type { ReactNode } from "react";

import { cn } from "@/lib/ui/cn";

/** The entries of `value` other than `known`: what an analysis command wrote that this page has no layout for. */
export function otherEntries(value: object, known: readonly string[]): [string, unknown][] {
  return Object.entries(value).filter(([key, entry]) => !known.includes(key) && entry !== undefined);
}

/** A field name as words: `has_backend_code` → "has backend code". */
export const fieldLabel = (key: string) => key.replace(/[_-]+/g, " ");

/** Any JSON value, readable: scalars as text, short lists inline, anything nested as formatted JSON. */
export function FieldValue({ value }: { value: unknown }) {
  if (value === null) return <span className="text-muted-foreground">none</span>;
  if (typeof value === "boolean") return <span>{value ? "yes" : "no"}</span>;
  if (typeof value === "string" || typeof value === "number") return <span className="break-words">{String(value)}</span>;
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number"))
    return <span className="break-words">{value.join(", ")}</span>;
  return <pre className="max-h-64 overflow-auto rounded bg-muted p-2 text-xs whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>;
}

/** Fields as a definition list, each name beside its value; nothing when there are none. */
export function FieldList({ entries, className, testId }: { entries: [string, unknown][]; className?: string; testId?: string }) {
  if (entries.length === 0) return null;
  return (
    <dl className={cn("grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-4 gap-y-1", className)} data-testid={testId}>
      {entries.map(([key, value]) => (
        <Row key={key} term={fieldLabel(key)}>
          <FieldValue value={value} />
        </Row>
      ))}
    </dl>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

/** An item's extra fields, inline and small, under the item's own layout. */
export function ExtraFields({ value, known }: { value: object; known: readonly string[] }) {
  const entries = otherEntries(value, known);
  if (entries.length === 0) return null;
  return (
    <p className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
      {entries.map(([key, entry]) => (
        <span key={key}>
          {fieldLabel(key)}: {typeof entry === "object" && entry !== null ? JSON.stringify(entry) : String(entry)}
        </span>
      ))}
    </p>
  );
}
