"use client";

import { Boxes, Cog, FolderKanban, Inbox, Send, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/ui/cn";

const LINKS = [
  { href: "/features", label: "Features", icon: Boxes },
  { href: "/projects", label: "Projects", icon: FolderKanban },
  { href: "/webhooks", label: "Webhooks", icon: Inbox },
  { href: "/deliveries", label: "Deliveries", icon: Send },
  { href: "/settings", label: "Settings", icon: Settings },
];

const ADMIN_LINKS = [{ href: "/jobs", label: "Jobs", icon: Cog }];

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {[...LINKS, ...(isAdmin ? ADMIN_LINKS : [])].map(({ href, label, icon: Icon }) => {
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
            <Icon className="size-4" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
