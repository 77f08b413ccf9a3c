"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/ui/cn";

type Format = "pretty" | "raw";

/**
 * Headers or a body as stored, for a person to read or copy: "Pretty" indents JSON (headers as an object),
 * "Raw" shows headers as `name: value` lines and a body as compact JSON. A body that is not JSON is shown as text.
 */
export function MessageView({ label, kind, value }: { label: string; kind: "headers" | "body"; value: unknown }) {
  const [format, setFormat] = useState<Format>("pretty");
  const [copied, setCopied] = useState(false);
  const text = render(kind, value, format);
  return (
    <figure className="flex flex-col gap-1.5" aria-label={label}>
      <figcaption className="flex flex-wrap items-center gap-2 text-xs font-medium">
        <span>{label}</span>
        <span role="group" aria-label={`${label} format`} className="ml-auto inline-flex rounded-md border border-border">
          {(["pretty", "raw"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={format === option}
              className={cn("px-2 py-0.5 capitalize", format === option ? "bg-muted text-foreground" : "text-muted-foreground")}
              onClick={() => setFormat(option)}
            >
              {option}
            </button>
          ))}
        </span>
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="h-6 px-2 text-xs"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            });
          }}
        >
          {copied ? <Check /> : <Copy />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </figcaption>
      <pre
        className={cn(
          "max-h-96 overflow-auto rounded-md border border-border bg-card p-3 font-mono text-xs",
          format === "raw" && "break-all whitespace-pre-wrap",
        )}
      >
        {text}
      </pre>
    </figure>
  );
}

function render(kind: "headers" | "body", value: unknown, format: Format): string {
  if (typeof value === "string") return format === "pretty" ? prettyText(value) : value;
  if (kind === "headers" && format === "raw" && value && typeof value === "object")
    return Object.entries(value as Record<string, string>)
      .map(([name, header]) => `${name}: ${header}`)
      .join("\n");
  return format === "pretty" ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

/** Indents a body that is JSON; leaves any other text as it is. */
function prettyText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
