import useSWR from "swr";
import type { MessageTemplateJson } from "@/lib/inbox/api-types";
import { requestJson } from "@/lib/swr/fetcher";

/** Approved WhatsApp templates, only fetched when the window is closed and templates are the way back. */
export function useTemplates(conversationId: string | null) {
  return useSWR<{ templates: MessageTemplateJson[] }>(
    conversationId ? `/api/inbox/conversations/${conversationId}/templates` : null,
    requestJson,
    { revalidateOnFocus: false },
  );
}
