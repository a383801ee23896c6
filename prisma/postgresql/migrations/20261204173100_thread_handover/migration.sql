-- Derived from prisma/migrations/20261204173100_thread_handover by `npm run db:generate-variants`.

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "standbyInboundAt" TIMESTAMP(3),
ADD COLUMN     "threadHeldSince" TIMESTAMP(3),
ADD COLUMN     "threadHolderAppId" TEXT,
ADD COLUMN     "threadRequestedAt" TIMESTAMP(3);

