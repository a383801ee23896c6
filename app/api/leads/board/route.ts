// GET /api/leads/board — the pipeline board's first screen: per stage its count, value totals and
// first cards. Takes the list's filters (not cursor/limit).
import { withUser } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { getBoard } from "@/lib/leads/get-board";
import { leadFilterSchema } from "@/lib/validations/lead";

export const GET = withUser(async ({ req, user }) => Response.json(await getBoard(parseQuery(req, leadFilterSchema), user)));
