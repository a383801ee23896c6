-- Derived from prisma/migrations/20261204142100_leads_people_required by `npm run db:generate-variants`.

-- DropForeignKey
ALTER TABLE "Contact" DROP CONSTRAINT "Contact_leadId_fkey";

-- DropForeignKey
ALTER TABLE "Lead" DROP CONSTRAINT "Lead_contactId_fkey";

-- DropForeignKey
ALTER TABLE "Conversation" DROP CONSTRAINT "Conversation_leadId_fkey";

-- DropIndex
DROP INDEX "Lead_contactId_key";

-- AlterTable
ALTER TABLE "Contact" ALTER COLUMN "leadId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Lead" DROP COLUMN "contactId";

-- AlterTable
ALTER TABLE "Conversation" ALTER COLUMN "leadId" SET NOT NULL;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

