-- Derived from prisma/migrations/20261204173400_event_item_outcomes by `npm run db:generate-variants`.

-- AlterEnum
ALTER TYPE "EventStatus" ADD VALUE 'PARTIAL';

-- AlterTable
ALTER TABLE "ExternalEventLog" ADD COLUMN     "itemOutcomes" JSONB;

