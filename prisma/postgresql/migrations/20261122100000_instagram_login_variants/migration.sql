-- Derived from prisma/migrations/20261122100000_instagram_login_variants by `npm run db:generate-variants`.

-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "tokenErrorCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tokenRefreshedAt" TIMESTAMP(3);

