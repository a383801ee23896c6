import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import type { CreateLabelInput, UpdateLabelInput } from "@/lib/validations/label";

/** The team's label catalogue: admins manage it (audited), everyone reads it for the picker. */

export const labelSelect = { id: true, name: true, color: true } as const;

export async function listLabels() {
  return db.label.findMany({ orderBy: { name: "asc" }, select: labelSelect });
}

export async function createLabel(input: CreateLabelInput, user: Pick<SessionUser, "id">) {
  try {
    const label = await db.label.create({ data: input, select: labelSelect });
    await writeAuditLog({ actorId: user.id, action: "label.create", target: label.name, details: { color: label.color } });
    return label;
  } catch (error) {
    throw nameTaken(error, input.name);
  }
}

export async function updateLabel(id: string, input: UpdateLabelInput, user: Pick<SessionUser, "id">) {
  const before = await findOrThrow(id);
  try {
    const label = await db.label.update({ where: { id }, data: input, select: labelSelect });
    await writeAuditLog({ actorId: user.id, action: "label.update", target: before.name, details: { ...input } });
    await labelsChanged();
    return label;
  } catch (error) {
    throw nameTaken(error, input.name);
  }
}

/** Removing a label takes it off every conversation (the join rows cascade). */
export async function deleteLabel(id: string, user: Pick<SessionUser, "id">) {
  const label = await findOrThrow(id);
  await db.label.delete({ where: { id } });
  await writeAuditLog({ actorId: user.id, action: "label.delete", target: label.name });
  await labelsChanged();
}

async function findOrThrow(id: string) {
  const found = await db.label.findUnique({ where: { id }, select: labelSelect });
  if (!found) throw new ApiError({ code: "NOT_FOUND", message: "Label not found" });
  return found;
}

// Lists and threads show labels by name and colour: open inboxes refetch (ids only on the bus).
async function labelsChanged() {
  await eventBus.publish({ type: "labels.updated" });
}

function nameTaken(error: unknown, name: string | undefined) {
  if (!isUniqueViolation(error, { model: "Label" })) return error;
  return new ApiError({
    code: "CONFLICT",
    message: `There is already a label called “${name}”. Pick another name.`,
    details: [{ field: "name", issue: "Already used" }],
  });
}
