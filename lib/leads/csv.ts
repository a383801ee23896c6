import { currencyDigits } from "@/lib/leads/money";

/**
 * CSV for spreadsheets (RFC 4180: quoted when needed, quotes doubled, CRLF rows). A cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe: lead
 * names and usernames come from customers, and a name like `=HYPERLINK(…)` must stay text.
 */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(cell: string | number | null | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Minor units as a decimal amount in the currency's own precision (EUR 2, JPY 0, KWD 3). */
export function minorToDecimal(value: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (value / 10 ** digits).toFixed(digits);
}
