import Link from "next/link";
import type { SessionUser } from "@/lib/auth";
import { MentionsBell } from "@/components/shell/mentions-bell";
import { SignOutButton } from "@/components/shell/sign-out-button";

export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="flex h-12 shrink-0 items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 whitespace-nowrap sm:px-4">
      <nav aria-label="Main" className="flex min-w-0 items-center gap-1">
        <Link href="/inbox" className="mr-3 flex items-center gap-2 font-semibold text-slate-900">
          <span className="flex h-6 w-6 items-center justify-center rounded-md bg-brand-600 text-xs font-bold text-white">U</span>
          Inbox
        </Link>
        <Link href="/leads" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          Leads
        </Link>
        <Link href="/reports" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          Reports
        </Link>
        {user.role === "ADMIN" ? (
          <Link href="/settings" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900">
            Settings
          </Link>
        ) : null}
        <Link href="/account" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          Account
        </Link>
      </nav>
      {/* On a phone the name gives way so the header stays one line. */}
      <div className="flex min-w-0 items-center gap-2 sm:gap-3">
        <MentionsBell />
        <span className="flex min-w-0 items-center text-sm text-slate-700" data-testid="current-user">
          <span className="hidden truncate sm:inline">{user.name}</span>
          <span className="ml-2 shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">
            {user.role === "ADMIN" ? "Admin" : "Agent"}
          </span>
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
