/**
 * Where `query` occurs in `text`, ignoring case and accents as the search does ("joão" in
 * "Oi JOAO!"), as offsets into the original text, so the list can highlight what matched.
 */
export function findFolded(text: string, query: string): { start: number; end: number } | null {
  const needle = fold(query);
  if (!needle) return null;
  let folded = "";
  // For each UTF-16 offset of `folded`, the offset in `text` of the character it came from.
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = fold(char);
    for (let index = 0; index < piece.length; index++) origin.push(offset);
    folded += piece;
    offset += char.length;
  }
  origin.push(offset);
  const at = folded.indexOf(needle);
  if (at === -1) return null;
  const last = origin[at + needle.length - 1];
  return { start: origin[at], end: last + String.fromCodePoint(text.codePointAt(last)!).length };
}

function fold(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
