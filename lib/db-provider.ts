/** Which database a DATABASE_URL points at. Only `lib/db*` modules and raw SQL (conversation search) need to know. */
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** `file:./data/inbox.db` → `./data/inbox.db` (relative to the working directory, as Prisma reads it). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}
