/**
 * Runs `work` at once unless it is already running; a kick that arrives meanwhile makes it run once
 * more when it ends (new work may have appeared after it last looked). For the polling loops that
 * look for due rows: the job runner and the media worker.
 */
export interface KickState {
  pumping: boolean;
  pumpAgain: boolean;
}

export function kickOnce(state: KickState, work: () => Promise<void>, what: string): void {
  if (state.pumping) {
    state.pumpAgain = true;
    return;
  }
  state.pumping = true;
  work()
    .catch((error: unknown) => console.error(`${what}: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => {
      state.pumping = false;
      if (state.pumpAgain) {
        state.pumpAgain = false;
        kickOnce(state, work, what);
      }
    });
}
