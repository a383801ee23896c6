/**
 * A reply too long for its channel, as several messages of at most `max` characters each: cut at
 * the last paragraph, line, sentence or word break in the second half of each part, so no word is
 * cut unless one is longer than half a message. Nothing is dropped but the whitespace at the cuts.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutAt(rest, max);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Separators by preference, and whether the part keeps the separator's first character (the full stop). */
const BREAKS: [string, boolean][] = [
  ["\n\n", false],
  ["\n", false],
  [". ", true],
  ["! ", true],
  ["? ", true],
  [" ", false],
];

function cutAt(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const [separator, keepFirst] of BREAKS) {
    const at = window.lastIndexOf(separator);
    const end = keepFirst ? at + 1 : at;
    if (at > max / 2 && end <= max) return end;
  }
  // No break near the end: cut at the limit, but never between the halves of an emoji.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
