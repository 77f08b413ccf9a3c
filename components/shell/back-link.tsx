import { ArrowLeft } from "lucide-react";
import Link from "next/link";

/** "← Features" above a detail page: back to the list it was opened from. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeft className="size-4" /> {children}
    </Link>
  );
}
