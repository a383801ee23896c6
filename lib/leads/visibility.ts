import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InboxEvent } from "@/lib/realtime/types";
import { getTeamSettings, type AgentVisibility } from "@/lib/settings/team-settings";

/**
 * Who sees which conversations and leads (TeamSettings.agentVisibility). With "OWN_AND_UNASSIGNED"
 * an agent sees a conversation assigned to them, or an unassigned one whose lead is theirs or
 * nobody's; and a lead they own, a lead nobody owns, or one with a conversation assigned to them.
 * Admins, and everyone under "ALL", see everything. Lists, counts, search, single items and live
 * updates all apply these rules, so a hidden row is never named to the agent (404, not 403).
 */

type Viewer = Pick<SessionUser, "id" | "role">;

export async function getAgentVisibility(): Promise<AgentVisibility> {
  return (await getTeamSettings()).agentVisibility;
}

/** True when this viewer sees only some conversations and leads. */
export async function isRestricted(user: Viewer): Promise<boolean> {
  return user.role !== "ADMIN" && (await getAgentVisibility()) === "OWN_AND_UNASSIGNED";
}

export async function visibleConversationWhere(user: Viewer): Promise<Prisma.ConversationWhereInput> {
  return (await isRestricted(user)) ? conversationVisibleTo(user.id) : {};
}

export async function visibleLeadWhere(user: Viewer): Promise<Prisma.LeadWhereInput> {
  return (await isRestricted(user)) ? { OR: [{ ownerId: user.id }, { ownerId: null }, { conversations: { some: { assigneeId: user.id } } }] } : {};
}

/** The conversation rule for an agent under "OWN_AND_UNASSIGNED", as a Prisma filter. */
function conversationVisibleTo(userId: string): Prisma.ConversationWhereInput {
  return { OR: [{ assigneeId: userId }, { assigneeId: null, lead: { OR: [{ ownerId: userId }, { ownerId: null }] } }] };
}

/**
 * The same rule in SQL over a "Conversation" aliased `c`, for the restricted list, counts and
 * search; null when everything is visible. Row by row down the list's index: Prisma's relation
 * filter became an IN over every ownerless lead, which SQLite answered by merging two indexes and
 * sorting (0.5 s at 100k conversations), and under OR PostgreSQL would hash an EXISTS the same way.
 */
export async function visibleConversationSql(user: Viewer): Promise<Prisma.Sql | null> {
  if (!(await isRestricted(user))) return null;
  return Prisma.sql`(c."assigneeId" = ${user.id} OR (c."assigneeId" IS NULL AND
    (SELECT TRUE FROM "Lead" l WHERE l."id" = c."leadId" AND (l."ownerId" = ${user.id} OR l."ownerId" IS NULL))))`;
}

const notFound = () => new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });

/** 404 for a conversation this viewer may not see, exactly as for one that does not exist. */
export async function assertConversationVisible(user: Viewer, conversationId: string): Promise<void> {
  if (!(await isRestricted(user))) return;
  const visible = await db.conversation.count({ where: { id: conversationId, ...conversationVisibleTo(user.id) } });
  if (visible === 0) throw notFound();
}

/** The same for a message, by the conversation it belongs to (media, retries). */
export async function assertMessageVisible(user: Viewer, messageId: string): Promise<void> {
  if (!(await isRestricted(user))) return;
  const visible = await db.message.count({ where: { id: messageId, conversation: conversationVisibleTo(user.id) } });
  if (visible === 0) throw new ApiError({ code: "NOT_FOUND", message: "Message not found" });
}

/** The same for a contact, by its conversations (its profile picture). */
export async function assertContactVisible(user: Viewer, contactId: string): Promise<void> {
  if (!(await isRestricted(user))) return;
  const visible = await db.conversation.count({ where: { contactId, ...conversationVisibleTo(user.id) } });
  if (visible === 0) throw new ApiError({ code: "NOT_FOUND", message: "Contact not found" });
}

/** For the live stream: whether this viewer may hear of the event (never the id of a conversation they cannot see). */
export async function mayReceive(user: Viewer, event: InboxEvent): Promise<boolean> {
  if (!(await isRestricted(user))) return true;
  if ("conversationId" in event) {
    return (await db.conversation.count({ where: { id: event.conversationId, ...conversationVisibleTo(user.id) } })) > 0;
  }
  if ("leadId" in event) return (await db.lead.count({ where: { id: event.leadId, ...(await visibleLeadWhere(user)) } })) > 0;
  return true;
}
