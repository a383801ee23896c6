-- Derived from prisma/migrations/20261204144524_lead_board_totals by `npm run db:generate-variants`.

-- CreateIndex
CREATE INDEX "Lead_status_currency_value_idx" ON "Lead"("status", "currency", "value");

