-- Derived from prisma/migrations/20261204185300_speed_to_lead_backfill by `npm run db:generate-variants`.

-- This is an empty migration.

-- From prisma/migrations/20261204185300_speed_to_lead_backfill/postgresql.sql:
-- Speed to lead, for conversations that existed before it (lib/speed-to-lead keeps these at write
-- time from now on). A staff answer is an outbound message a person or Meta's apps sent (not the
-- automatic away message, not one that failed or never left).

-- The customer's first message.
UPDATE "Conversation" SET "firstInboundAt" = (
  SELECT MIN(m."sentAt") FROM "Message" m WHERE m."conversationId" = "Conversation"."id" AND m."direction" = 'INBOUND'
) WHERE "firstInboundAt" IS NULL;

-- Still waiting: the earliest customer message no staff answer came at or after.
UPDATE "Conversation" SET "waitingSince" = (
  SELECT MIN(m."sentAt") FROM "Message" m
  WHERE m."conversationId" = "Conversation"."id" AND m."direction" = 'INBOUND'
    AND NOT EXISTS (
      SELECT 1 FROM "Message" o
      WHERE o."conversationId" = m."conversationId" AND o."direction" = 'OUTBOUND' AND o."automatic" = false
        AND o."status" NOT IN ('PENDING', 'FAILED') AND o."sentAt" >= m."sentAt"
    )
) WHERE "waitingSince" IS NULL;

-- The first staff answer after the first customer message; its time round the clock (business
-- hours are not known to a migration).
UPDATE "Conversation" SET "firstResponseAt" = (
  SELECT MIN(o."sentAt") FROM "Message" o
  WHERE o."conversationId" = "Conversation"."id" AND o."direction" = 'OUTBOUND' AND o."automatic" = false
    AND o."status" NOT IN ('PENDING', 'FAILED') AND o."sentAt" >= "Conversation"."firstInboundAt"
) WHERE "firstResponseAt" IS NULL AND "firstInboundAt" IS NOT NULL;

UPDATE "Conversation" SET
  "firstResponseSeconds" = CAST(ROUND(EXTRACT(EPOCH FROM ("firstResponseAt" - "firstInboundAt"))) AS INTEGER),
  "firstResponseById" = (
    SELECT o."sentById" FROM "Message" o
    WHERE o."conversationId" = "Conversation"."id" AND o."direction" = 'OUTBOUND' AND o."sentAt" = "Conversation"."firstResponseAt"
      AND o."automatic" = false AND o."sentById" IS NOT NULL
    LIMIT 1
  )
WHERE "firstResponseAt" IS NOT NULL AND "firstResponseSeconds" IS NULL;
