/** Display helpers shared by the inbox's server page and client components (no dependencies). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ContactLike {
  displayName: string | null;
  instagramUsername: string | null;
  /** A WhatsApp customer's username: shown instead of the phone, which they may keep from us. */
  whatsappUsername?: string | null;
  whatsappId: string | null;
}

export function formatPhone(waId: string): string {
  return `+${waId}`;
}

/**
 * Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in a name a
 * customer chose they only serve to disguise it ("invoice\u202Efdp.exe" reads "invoiceexe.pdf").
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** The name to show; rendered inside <bdi> so a right-to-left name can't reorder the text around it. */
export function contactName(contact: ContactLike): string {
  const displayName = contact.displayName ? withoutBidiControls(contact.displayName).trim() : "";
  if (displayName) return displayName;
  return contactHandle(contact) ?? "Unknown contact";
}

/** The second line under a name: @username on Instagram, on WhatsApp the @username or else the phone number. */
export function contactHandle(contact: ContactLike): string | null {
  if (contact.instagramUsername) return `@${contact.instagramUsername}`;
  if (contact.whatsappUsername) return `@${contact.whatsappUsername}`;
  if (contact.whatsappId) return formatPhone(contact.whatsappId);
  return null;
}

/** The profile picture through the app's own origin (app/api/inbox/contacts/[id]/avatar), or none. */
export function avatarSrc(contact: { id: string; avatarUrl: string | null }): string | null {
  return contact.avatarUrl ? `/api/inbox/contacts/${contact.id}/avatar` : null;
}

export function initials(name: string): string {
  const words = name.replace(/^[@+]/, "").split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** List times: "now", "5m", "3h", "Yesterday", "Mon", "12 Mar", "12 Mar 2024". */
export function shortTime(iso: string | null, now = new Date()): string {
  if (!iso) return "";
  const date = new Date(iso);
  const diff = now.getTime() - date.getTime();
  if (diff < MINUTE) return "now";
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}m`;
  if (sameDay(date, now)) return `${Math.floor(diff / HOUR)}h`;
  const yesterday = new Date(now.getTime() - DAY);
  if (sameDay(date, yesterday)) return "Yesterday";
  if (diff < 6 * DAY) return date.toLocaleDateString(undefined, { weekday: "short" });
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString(undefined, { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) });
}

export function dayLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (sameDay(date, now)) return "Today";
  if (sameDay(date, new Date(now.getTime() - DAY))) return "Yesterday";
  return date.toLocaleDateString(undefined, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: "numeric" }),
  });
}

/** "customer since today", "… yesterday", "… 12 Mar", "… 12 Mar 2024". */
export function sinceLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (sameDay(date, now)) return "today";
  if (sameDay(date, new Date(now.getTime() - DAY))) return "yesterday";
  return date.toLocaleDateString(undefined, { day: "numeric", month: "short", ...(date.getFullYear() === now.getFullYear() ? {} : { year: "numeric" }) });
}

export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

export function dateTimeLabel(iso: string): string {
  return new Date(iso).toLocaleString();
}

export function dateLabel(iso: string): string {
  return new Date(iso).toLocaleDateString();
}

/** "3 h", "25 min", "2 d": for "Reply window closes in …" and "… ago". */
export function duration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return `${Math.max(1, Math.round(abs / MINUTE))} min`;
  if (abs < 2 * DAY) return `${Math.round(abs / HOUR)} h`;
  return `${Math.round(abs / DAY)} d`;
}
