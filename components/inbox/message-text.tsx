import { messageTokens } from "@/lib/text/message-tokens";

/** A message's words with clickable links, and WhatsApp's own bold / italic / strikethrough. */
export function MessageText({ text, channel, outbound }: { text: string; channel: string; outbound: boolean }) {
  return (
    <span>
      {messageTokens(text, { whatsappStyles: channel === "WHATSAPP" }).map((token, index) => {
        switch (token.kind) {
          case "link":
            return (
              <a key={index} href={token.href} target="_blank" rel="noopener noreferrer nofollow"
                className={`underline underline-offset-2 ${outbound ? "text-white" : "text-brand-700"}`}>
                {token.text}
              </a>
            );
          case "bold":
            return <strong key={index}>{token.text}</strong>;
          case "italic":
            return <em key={index}>{token.text}</em>;
          case "strike":
            return <s key={index}>{token.text}</s>;
          default:
            return token.text;
        }
      })}
    </span>
  );
}
