import type { MessageJson } from "@/lib/inbox/api-types";

/** The emoji people put on a message, as chips under its bubble (the customer's and the business's). */
export function MessageReactions({ reactions, outbound }: { reactions: MessageJson["reactions"]; outbound: boolean }) {
  if (reactions.length === 0) return null;
  return (
    <ul aria-label="Reactions" className={`-mt-1.5 flex gap-1 px-2 ${outbound ? "justify-end" : "justify-start"}`}>
      {reactions.map((reaction, index) => {
        const who = reaction.direction === "INBOUND" ? "Customer" : "You";
        return (
          <li key={index} data-testid="reaction" title={`${who} reacted ${reaction.emoji}`}
            className="rounded-full border border-slate-200 bg-white px-1.5 py-0.5 text-sm leading-none shadow-sm">
            <span aria-hidden>{reaction.emoji}</span>
            <span className="sr-only">{`${who} reacted ${reaction.emoji}`}</span>
          </li>
        );
      })}
    </ul>
  );
}
