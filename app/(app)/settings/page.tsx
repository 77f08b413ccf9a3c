import { redirect } from "next/navigation";

/** Settings opens on the person's own account, as GitHub's does; the sub-nav leads to the rest. */
export default function SettingsPage() {
  redirect("/settings/account");
}
