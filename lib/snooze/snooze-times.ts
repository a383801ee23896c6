/**
 * The snooze menu's presets, in the browser's own time zone (the server knows none): 9:00
 * tomorrow, and 9:00 next Monday (a week ahead when it is Monday already).
 */
export function tomorrowAt9(now: Date): Date {
  const at = new Date(now);
  at.setDate(at.getDate() + 1);
  at.setHours(9, 0, 0, 0);
  return at;
}

export function nextMondayAt9(now: Date): Date {
  const at = new Date(now);
  at.setDate(at.getDate() + ((8 - at.getDay()) % 7 || 7));
  at.setHours(9, 0, 0, 0);
  return at;
}

/** A `<input type="datetime-local">` value ("2026-12-05T14:30") read as local time; null when empty or invalid. */
export function fromLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Short enough for the thread header: "Dec 5, 09:00" in the reader's locale and zone. */
export function snoozeLabel(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}
