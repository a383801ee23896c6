-- AlterTable
ALTER TABLE "ExternalEventLog" ADD COLUMN "itemOutcomes" JSONB;

