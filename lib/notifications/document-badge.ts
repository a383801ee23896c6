/** The unread count in the tab: "(3) Inbox · Unified Inbox", and a red dot with the number on the icon. */

const COUNT_PREFIX = /^\(\d+\+?\) /;

export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(COUNT_PREFIX, "");
  return count > 0 ? `(${count > 99 ? "99+" : count}) ${bare}` : bare;
}

/** A 32 px icon (the app's "U" tile) with the count on a red badge, as a data URL for <link rel=icon>. */
export function faviconWithCount(count: number): string | null {
  const canvas = document.createElement("canvas");
  canvas.width = 32;
  canvas.height = 32;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.fillStyle = "#2855e0";
  context.beginPath();
  context.roundRect(0, 0, 32, 32, 7);
  context.fill();
  context.fillStyle = "#ffffff";
  context.font = "bold 20px system-ui, sans-serif";
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillText("U", 16, 17);
  if (count > 0) {
    context.fillStyle = "#dc2626";
    context.beginPath();
    context.arc(22, 10, 10, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = "#ffffff";
    context.font = "bold 13px system-ui, sans-serif";
    context.fillText(count > 9 ? "9+" : String(count), 22, 11);
  }
  return canvas.toDataURL("image/png");
}
