-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "standbyInboundAt" DATETIME;
ALTER TABLE "Conversation" ADD COLUMN "threadHeldSince" DATETIME;
ALTER TABLE "Conversation" ADD COLUMN "threadHolderAppId" TEXT;
ALTER TABLE "Conversation" ADD COLUMN "threadRequestedAt" DATETIME;

