-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Integration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'Meta',
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "accessToken" TEXT,
    "apiSecret" TEXT,
    "config" JSONB NOT NULL,
    "tokenExpiresAt" DATETIME,
    "tokenRefreshedAt" DATETIME,
    "tokenErrorCount" INTEGER NOT NULL DEFAULT 0,
    "lastVerifiedAt" DATETIME,
    "connectedAs" TEXT,
    "needsReconnect" BOOLEAN NOT NULL DEFAULT false,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Integration" ("accessToken", "apiSecret", "config", "connectedAs", "createdAt", "id", "isEnabled", "lastError", "lastVerifiedAt", "name", "needsReconnect", "provider", "tokenExpiresAt", "updatedAt") SELECT "accessToken", "apiSecret", "config", "connectedAs", "createdAt", "id", "isEnabled", "lastError", "lastVerifiedAt", "name", "needsReconnect", "provider", "tokenExpiresAt", "updatedAt" FROM "Integration";
DROP TABLE "Integration";
ALTER TABLE "new_Integration" RENAME TO "Integration";
CREATE UNIQUE INDEX "Integration_name_key" ON "Integration"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

