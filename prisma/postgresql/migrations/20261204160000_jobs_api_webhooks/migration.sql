-- Derived from prisma/migrations/20261204160000_jobs_api_webhooks by `npm run db:generate-variants`.

-- DropForeignKey
ALTER TABLE "ApiIdempotencyKey" DROP CONSTRAINT "ApiIdempotencyKey_tokenId_fkey";

-- DropTable
DROP TABLE "ApiIdempotencyKey";

