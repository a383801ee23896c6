import { AskAnAdmin } from "@/components/shell/admin-only";
import { SettingsNav } from "@/components/settings/settings-nav";
import { adminPageUser } from "@/lib/settings/admin-page-user";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 p-4 md:flex-row md:p-8">
        <aside className="shrink-0 md:w-48">
          <h1 className="mb-3 px-3 text-lg font-semibold">Settings</h1>
          <SettingsNav />
        </aside>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
