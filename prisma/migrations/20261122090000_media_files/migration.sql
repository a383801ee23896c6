-- CreateTable
CREATE TABLE "MediaFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT,
    "attachmentIndex" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "storageKey" TEXT,
    "thumbnailKey" TEXT,
    "contentType" TEXT,
    "size" INTEGER,
    "filename" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "error" TEXT,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MediaFile_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MediaFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MediaFile_status_nextAttemptAt_idx" ON "MediaFile"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MediaFile_uploadedById_createdAt_idx" ON "MediaFile"("uploadedById", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediaFile_messageId_attachmentIndex_key" ON "MediaFile"("messageId", "attachmentIndex");

