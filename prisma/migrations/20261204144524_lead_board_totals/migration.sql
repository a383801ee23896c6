-- CreateIndex
CREATE INDEX "Lead_status_currency_value_idx" ON "Lead"("status", "currency", "value");


-- Where the database was analysed before (sqlite_stat1 without this index), SQLite picked the new
-- index for a board column's `status = ? ORDER BY lastContactAt` and sorted the whole stage;
-- statistics that include it keep that query on (status, lastContactAt).
ANALYZE "Lead";
