-- Derived from prisma/migrations/20261122090000_media_files by `npm run db:generate-variants`.

-- CreateEnum
CREATE TYPE "MediaStatus" AS ENUM ('PENDING', 'STORED', 'FAILED', 'TOO_LARGE');

-- CreateTable
CREATE TABLE "MediaFile" (
    "id" TEXT NOT NULL,
    "messageId" TEXT,
    "attachmentIndex" INTEGER NOT NULL DEFAULT 0,
    "status" "MediaStatus" NOT NULL DEFAULT 'PENDING',
    "storageKey" TEXT,
    "thumbnailKey" TEXT,
    "contentType" TEXT,
    "size" INTEGER,
    "filename" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "error" TEXT,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediaFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MediaFile_status_nextAttemptAt_idx" ON "MediaFile"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MediaFile_uploadedById_createdAt_idx" ON "MediaFile"("uploadedById", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediaFile_messageId_attachmentIndex_key" ON "MediaFile"("messageId", "attachmentIndex");

-- AddForeignKey
ALTER TABLE "MediaFile" ADD CONSTRAINT "MediaFile_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaFile" ADD CONSTRAINT "MediaFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

