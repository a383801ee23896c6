import { AskAnAdmin } from "@/components/shell/admin-only";
import { requirePageUser } from "@/lib/require-page-user";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  if (user.role !== "ADMIN") return <AskAnAdmin />;
  return children;
}
