const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Shortens text to at most `max` visible characters without cutting one in half. `String.slice`
 * counts UTF-16 units and can split an emoji into a lone surrogate, which databases refuse.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let result = "";
  for (const { segment } of graphemes.segment(text)) {
    if (result.length + segment.length > max) break;
    result += segment;
  }
  return result;
}

/** `truncateText` with a trailing ellipsis when something was cut, for previews shown to people. */
export function ellipsize(text: string, max: number): string {
  return text.length > max ? `${truncateText(text, max - 1)}…` : text;
}
