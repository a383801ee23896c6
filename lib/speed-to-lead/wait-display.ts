/** How the inbox shows a wait: its length at a glance, and its colour against the SLA target. */

/** "12 min", "2 h 5 min", "3 d 4 h": coarse enough to read at a glance. */
export function waitedLabel(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return hours % 24 ? `${Math.floor(hours / 24)} d ${hours % 24} h` : `${Math.floor(hours / 24)} d`;
}

/** Below half the target, at half (amber), past it (red). */
export function waitLevel(seconds: number, targetMinutes: number): "ok" | "warn" | "breach" {
  if (seconds > targetMinutes * 60) return "breach";
  if (seconds >= (targetMinutes * 60) / 2) return "warn";
  return "ok";
}
