import type { ConversationDetailJson } from "@/lib/inbox/api-types";

/** Under the thread's title while the assignee is auto-assignment's choice (lib/assignment). */
export function AutoAssignedNote({ conversation }: { conversation: Pick<ConversationDetailJson, "assignee" | "autoAssignedAt"> }) {
  if (!conversation.autoAssignedAt || !conversation.assignee) return null;
  return (
    <p className="truncate text-xs text-slate-500" data-testid="auto-assigned">
      Assigned to <bdi>{conversation.assignee.name}</bdi> automatically
    </p>
  );
}
