"use client";

import { Boxes, Cog, FolderKanban, Inbox, Send, Settings } from "lucide-react";

import { NavItem } from "./nav-item";

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
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {LINKS.filter((link) => isAdmin || !link.admin).map((link) => (
        <NavItem key={link.href} {...link} className="py-2 font-medium" />
      ))}
    </nav>
  );
}
