import { IntegrationWarningBanner } from "@/components/settings/integration-warning-banner";
import { AppHeader } from "@/components/shell/app-header";
import { NotificationCenter } from "@/components/notifications/notification-center";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { requirePageUser } from "@/lib/require-page-user";

export const dynamic = "force-dynamic";

export default async function InboxLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="flex h-full flex-col">
      <AppHeader user={user} />
      <IntegrationWarningBanner user={user} />
      <NotificationCenter userId={user.id} />
      <RegisterServiceWorker />
      <div className="min-h-0 flex-1">{children}</div>
    </div>
  );
}
