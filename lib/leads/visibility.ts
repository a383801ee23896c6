import type { SessionUser } from "@/lib/auth";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getTeamSettings, type AgentVisibility } from "@/lib/settings/team-settings";

/**
 * Who sees which conversations and leads (TeamSettings.agentVisibility). With "OWN_AND_UNASSIGNED"
 * an agent sees a conversation assigned to them, or an unassigned one whose lead is theirs or
 * nobody's; and a lead they own, a lead nobody owns, or one with a conversation assigned to them.
 * Admins, and everyone under "ALL", see everything. Every list, count, search, single item and live
 * update applies these fragments, so a hidden row is never named to the agent (404, not 403).
 */

type Viewer = Pick<SessionUser, "id" | "role">;

export async function getAgentVisibility(): Promise<AgentVisibility> {
  return (await getTeamSettings()).agentVisibility;
}

/** True when this viewer's lists need the visibility fragments at all. */
export async function isRestricted(user: Viewer): Promise<boolean> {
  return user.role !== "ADMIN" && (await getAgentVisibility()) === "OWN_AND_UNASSIGNED";
}

export async function visibleConversationWhere(user: Viewer): Promise<Prisma.ConversationWhereInput> {
  if (!(await isRestricted(user))) return {};
  return conversationVisibleTo(user.id);
}

export async function visibleLeadWhere(user: Viewer): Promise<Prisma.LeadWhereInput> {
  if (!(await isRestricted(user))) return {};
  return { OR: [{ ownerId: user.id }, { ownerId: null }, { conversations: { some: { assigneeId: user.id } } }] };
}

/** The rule itself, for an agent under "OWN_AND_UNASSIGNED". */
export function conversationVisibleTo(userId: string): Prisma.ConversationWhereInput {
  return {
    OR: [
      { assigneeId: userId },
      { assigneeId: null, lead: { OR: [{ ownerId: userId }, { ownerId: null }] } },
    ],
  };
}
