export interface ActionMessageValue {
  tone: "good" | "bad";
  text: string;
}

/** The outcome of a settings action: an alert when it failed, a polite status when it worked. */
export function ActionMessage({ message, className = "" }: { message: ActionMessageValue | null; className?: string }) {
  if (!message) return null;
  return (
    <p role={message.tone === "bad" ? "alert" : "status"} className={`text-sm ${message.tone === "bad" ? "text-red-700" : "text-emerald-700"} ${className}`}>
      {message.text}
    </p>
  );
}
