import type { Metadata } from "next";
import Link from "next/link";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { requirePageUser } from "@/lib/require-page-user";

export const metadata: Metadata = { title: "Notifications and away" };

/** Everyone's own preferences (agents and admins alike): notifications and Away. */
export default async function NotificationPreferencesPage() {
  await requirePageUser();
  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto max-w-2xl space-y-6 p-4 md:p-8">
        <div>
          <Link href="/account" className="text-sm text-brand-700 hover:underline">← Your account</Link>
          <h1 className="mt-1 text-lg font-semibold">Notifications and away</h1>
        </div>
        <PreferencesForm />
      </div>
    </div>
  );
}
