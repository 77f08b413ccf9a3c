"use client";

import { Boxes, Cog, FolderKanban, Inbox, Send, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/ui/cn";

/** `admin`: a page that answers "Admins only" to a member, so a member is never offered it. */
const LINKS = [
  { href: "/features", label: "Features", icon: Boxes },
  { href: "/projects", label: "Projects", icon: FolderKanban },
  { href: "/webhooks", label: "Webhooks", icon: Inbox },
  { href: "/deliveries", label: "Deliveries", icon: Send, admin: true },
  { href: "/jobs", label: "Jobs", icon: Cog, admin: true },
  { href: "/settings", label: "Settings", icon: Settings },
];

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {LINKS.filter((link) => isAdmin || !link.admin).map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground",
              active && "bg-muted text-foreground",
            )}
          >
            <Icon className="size-4 shrink-0" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
