/** This tab's id for presence: one per page load, so two tabs of one person come and go on their own. */
let tabId: string | null = null;

export function tabConnectionId(): string {
  tabId ??= Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return tabId;
}
