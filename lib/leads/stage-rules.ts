import { LEAD_STAGE_RANK } from "@/lib/leads/constants";
import type { LeadStatusValue } from "@/lib/inbox/constants";

export interface StageState {
  status: LeadStatusValue;
  wonAt: Date | null;
  lostReason: string | null;
}

/**
 * What a move to `next` writes. Moving stamps `statusChangedAt`; entering WON stamps `wonAt` and
 * leaving it clears it (a deal reopened is not won); leaving LOST clears the reason, since it no
 * longer explains anything. Staying put changes nothing, so a repeated PATCH is harmless.
 */
export function stageChange(current: StageState, next: LeadStatusValue, now: Date, lostReason?: string | null) {
  if (next === current.status) return lostReason !== undefined && next === "LOST" ? { lostReason } : {};
  return {
    status: next,
    statusChangedAt: now,
    wonAt: next === "WON" ? now : null,
    lostReason: next === "LOST" ? (lostReason ?? current.lostReason) : null,
  };
}

/** The stage a merge keeps unless the user chose one: the later in the pipeline. */
export function laterStage(a: LeadStatusValue, b: LeadStatusValue): LeadStatusValue {
  return LEAD_STAGE_RANK[b] > LEAD_STAGE_RANK[a] ? b : a;
}
