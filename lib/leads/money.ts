/** Deal values are integer minor units (cents); these turn them into text and back in the currency's own precision. */

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "€1,250" (whole amounts drop the cents, as a board shows them). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency);
  const amount = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : digits }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}

/** "1250", "1,250.50", "1250,5" → minor units; null for an empty field; NaN for anything else. */
export function parseMoney(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, "");
  if (!cleaned) return null;
  // The last "," or "." followed by 1–2 (or the currency's) digits is the decimal mark; others group.
  const digits = currencyDigits(currency);
  const match = /^(\d{1,3}(?:[.,]?\d{3})*|\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!match) return Number.NaN;
  const whole = match[1].replace(/[.,]/g, "");
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return Number.NaN;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || 0);
}
