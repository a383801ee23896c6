/**
 * Which teammates a note mentions: `@` followed by a teammate's full name (as the composer's
 * autocomplete inserts it), in any case, and not running on into a longer word ("@Ana" is not
 * "@Anabela"). Longer names are tried first, so "@Ana Lima" mentions Ana Lima and not a teammate
 * called plain "Ana".
 */
export function findMentions<T extends { id: string; name: string }>(text: string, team: T[]): T[] {
  const lower = text.toLocaleLowerCase();
  const taken: Array<[number, number]> = [];
  const found = new Map<string, T>();
  for (const member of [...team].sort((a, b) => b.name.length - a.name.length)) {
    const needle = `@${member.name.trim().toLocaleLowerCase()}`;
    if (needle.length < 2) continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (/[\p{L}\p{N}_]/u.test(lower.charAt(end))) continue;
      if (taken.some(([start, stop]) => at < stop && end > start)) continue;
      taken.push([at, end]);
      found.set(member.id, member);
    }
  }
  return [...found.values()];
}
