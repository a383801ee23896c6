/**
 * A name as people write it in different apps: "Sofía  Rossi", "sofia rossi", "SOFIA ROSSI 🌸"
 * are one name. Accents, case, emoji, punctuation and spacing go; letters and digits stay.
 */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return "";
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
