import type { Metadata } from "next";
import Link from "next/link";
import { SignOutEverywhereButton, TwoFactorPanel } from "@/components/account/two-factor-panel";
import { requirePageUser } from "@/lib/require-page-user";
import { recoveryCodesLeft } from "@/lib/users/two-factor";

export const metadata: Metadata = { title: "Your account" };

/** Everyone's own security: two-factor sign-in and ending sessions. Agents and admins alike. */
export default async function AccountPage() {
  const user = await requirePageUser();
  const codesLeft = user.twoFactorEnabled ? await recoveryCodesLeft(user.id) : 0;
  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto max-w-2xl space-y-8 p-4 md:p-8">
        <h1 className="text-lg font-semibold">Your account</h1>
        {user.mustEnrollTwoFactor ? (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Your team requires two-factor sign-in for admins. Set it up to continue.
          </p>
        ) : null}
        <section className="space-y-3">
          <h2 className="font-medium">Notifications and away</h2>
          <p className="text-sm text-slate-700">
            Which new messages notify you, with or without sound, and whether you are away.{" "}
            <Link href="/account/notifications" className="text-brand-700 underline">Change your preferences</Link>
          </p>
        </section>
        <section className="space-y-3">
          <h2 className="font-medium">Two-factor sign-in</h2>
          <TwoFactorPanel enabled={user.twoFactorEnabled} recoveryCodesLeft={codesLeft} />
        </section>
        <section className="space-y-3">
          <h2 className="font-medium">Sessions</h2>
          <p className="text-sm text-slate-700">Signed in somewhere you no longer use? End every session, this one too.</p>
          <SignOutEverywhereButton />
        </section>
      </div>
    </div>
  );
}
