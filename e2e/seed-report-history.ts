// `tsx e2e/seed-report-history.ts`: a month of speed-to-lead history (March 2025) in the e2e app's
// database, for the reports spec: far from any date other specs write, so its figures are known.
import { db } from "@/lib/db";

const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@example.com" }, select: { id: true } });
const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" }, select: { id: true } });
const already = await db.contact.count({ where: { externalId: { startsWith: "report-history-" } } });

if (already === 0) {
  const conversations = [
    { started: "2025-03-10T09:00:00Z", channel: "WHATSAPP", seconds: 60, by: agent.id },
    { started: "2025-03-10T10:00:00Z", channel: "WHATSAPP", seconds: 120, by: agent.id },
    { started: "2025-03-10T11:00:00Z", channel: "INSTAGRAM", seconds: 600, by: admin.id },
    { started: "2025-03-20T09:00:00Z", channel: "INSTAGRAM", seconds: 1200, by: agent.id },
    { started: "2025-03-20T10:00:00Z", channel: "INSTAGRAM", seconds: 1800, by: agent.id },
    { started: "2025-03-20T11:00:00Z", channel: "INSTAGRAM", seconds: 2400, by: agent.id },
  ] as const;
  for (const [index, row] of conversations.entries()) {
    const started = new Date(row.started);
    const lead = await db.lead.create({ data: { createdAt: new Date("2025-01-01T00:00:00Z"), name: `Report history ${index}` } });
    const contact = await db.contact.create({ data: { channel: row.channel, externalId: `report-history-${index}`, displayName: `Report history ${index}`, leadId: lead.id } });
    const conversation = await db.conversation.create({
      data: {
        channel: row.channel,
        businessAccountId: "report-history",
        contactId: contact.id,
        leadId: lead.id,
        status: "ARCHIVED",
        lastMessageAt: started,
        firstInboundAt: started,
        firstResponseAt: new Date(started.getTime() + row.seconds * 1000),
        firstResponseSeconds: row.seconds,
        firstResponseById: row.by,
        assigneeId: row.by,
      },
    });
    await db.message.create({
      data: { conversationId: conversation.id, channel: row.channel, direction: "OUTBOUND", text: "Hello!", status: "READ", sentById: row.by, sentAt: new Date(started.getTime() + row.seconds * 1000) },
    });
  }
  await db.lead.create({ data: { name: "Report history new", createdAt: new Date("2025-03-10T12:00:00Z"), sourceChannel: "WHATSAPP" } });
  await db.lead.create({
    data: { name: "Report history won", createdAt: new Date("2025-03-12T12:00:00Z"), status: "WON", value: 50_000, currency: "EUR", wonAt: new Date("2025-03-15T12:00:00Z"), ownerId: agent.id, sourceChannel: "WHATSAPP" },
  });
  await db.lead.create({ data: { name: "Report history qualified", createdAt: new Date("2025-03-20T12:00:00Z"), status: "QUALIFIED", value: 12_000, sourceChannel: "INSTAGRAM" } });
}
await db.$disconnect();
