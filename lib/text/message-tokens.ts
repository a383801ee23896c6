/**
 * A message's text as the thread renders it: links (http, https and www. only, so never a
 * `javascript:` URL) and, on WhatsApp, its *bold*, _italic_ and ~strikethrough~ markers. Pure and
 * string-only, so the rules are unit-tested and React escapes everything it renders.
 */
export type MessageToken =
  | { kind: "text"; text: string }
  | { kind: "link"; text: string; href: string }
  | { kind: "bold" | "italic" | "strike"; text: string };

// Trailing punctuation is the sentence's, not the link's.
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,:;!?')\]]/gi;
// WhatsApp: a marker pair around text that neither starts nor ends with a space, at word edges.
const STYLE = /(^|[\s([{"'])([*_~])(?=\S)([^\n]*?\S)\2(?=$|[\s)\]}.,:;!?"'])/g;
const STYLE_KIND = { "*": "bold", _: "italic", "~": "strike" } as const;

export function messageTokens(text: string, options: { whatsappStyles: boolean }): MessageToken[] {
  const tokens: MessageToken[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    if (start > last) tokens.push(...styled(text.slice(last, start), options.whatsappStyles));
    const href = match[0].toLowerCase().startsWith("www.") ? `https://${match[0]}` : match[0];
    tokens.push({ kind: "link", text: match[0], href });
    last = start + match[0].length;
  }
  if (last < text.length) tokens.push(...styled(text.slice(last), options.whatsappStyles));
  return tokens;
}

function styled(text: string, enabled: boolean): MessageToken[] {
  if (!enabled) return [{ kind: "text", text }];
  const tokens: MessageToken[] = [];
  let last = 0;
  for (const match of text.matchAll(STYLE)) {
    const start = match.index + match[1].length;
    if (start > last) tokens.push({ kind: "text", text: text.slice(last, start) });
    tokens.push({ kind: STYLE_KIND[match[2] as keyof typeof STYLE_KIND], text: match[3] });
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push({ kind: "text", text: text.slice(last) });
  return tokens;
}
