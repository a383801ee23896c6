/**
 * An error as one log line that carries no customer data. Prisma's messages print the failing
 * call's arguments (a message's text, a contact's name) above the reason, and the validation kind
 * prints the whole argument tree; only the error's name, code and last line (the reason) are kept.
 * Matched by name so this module stays free of the Prisma client.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!error.name.startsWith("PrismaClient")) return error.message;
  const code = (error as { code?: unknown }).code;
  const reason = error.message.split("\n").map((line) => line.trim()).filter(Boolean).at(-1) ?? "";
  return `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${reason.slice(0, 300)}`;
}
