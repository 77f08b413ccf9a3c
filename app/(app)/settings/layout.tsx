import type { ReactNode } from "react";

import { auth } from "@/auth";
import { SettingsNav } from "@/components/shell/settings-nav";

/** Every settings page: the settings sub-nav on the left (by role), the page on the right. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  return (
    <div className="flex flex-col gap-6 md:flex-row md:items-start">
      <aside className="md:w-52 md:shrink-0">
        <SettingsNav isAdmin={session?.user.role === "admin"} />
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
