"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType } from "react";

import { cn } from "@/lib/ui/cn";

export type NavEntry = { href: string; label: string; icon: ComponentType<{ className?: string }> };

/** A nav link with its icon, marked current on its page and on the pages below it; `className` sizes it. */
export function NavItem({
  href,
  label,
  icon: Icon,
  className,
  activeClassName,
}: NavEntry & { className?: string; activeClassName?: string }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2 rounded-md px-3 text-sm text-muted-foreground hover:bg-muted hover:text-foreground",
        className,
        active && cn("bg-muted text-foreground", activeClassName),
      )}
    >
      <Icon className="size-4 shrink-0" />
      {label}
    </Link>
  );
}
