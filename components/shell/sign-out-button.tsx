"use client";

import { signOut } from "next-auth/react";
import { clearDrafts } from "@/components/inbox/use-draft";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => {
        clearDrafts();
        void signOut({ callbackUrl: "/sign-in" });
      }}
      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      Sign out
    </button>
  );
}
