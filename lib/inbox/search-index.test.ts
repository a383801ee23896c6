import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrationsDirectory, runMigrations } from "@/lib/db-migrate";
import { ftsPhrase } from "@/lib/inbox/search-terms";

/**
 * The SQLite search indexes (migration 20261201200000_conversation_search) are FTS5 tables with
 * external content, kept in step by triggers. Nothing fails loudly when they drift — a search just
 * misses rows — so these tests hold the triggers to every write, and hold later migrations to
 * keeping them (a table rebuild drops its triggers and renumbers its rowids).
 */

const MIGRATIONS = migrationsDirectory("file:./any.db");
const SEARCH_MIGRATION = "20261201200000_conversation_search";
const NOW = "2026-12-01T10:00:00.000+00:00";

describe("SQLite search indexes", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  function scratch(): string {
    const directory = mkdtempSync(path.join(tmpdir(), "search-index-"));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    return directory;
  }

  function open(file: string): Database.Database {
    const database = new Database(file);
    cleanups.push(() => database.close());
    return database;
  }

  /** Rows as the app of each schema wrote them: before the leads migration a lead pointed at its contact, after it the contact and conversation point at their lead. */
  function seed(database: Database.Database, key: string, name: string, text: string) {
    const leadsArePeople = (database.prepare(`SELECT 1 FROM pragma_table_info('Contact') WHERE name = 'leadId'`).get()) !== undefined;
    if (leadsArePeople) {
      database.prepare(`INSERT INTO "Lead" ("id","updatedAt") VALUES (?,?)`).run(`ld-${key}`, NOW);
      database.prepare(`INSERT INTO "Contact" ("id","channel","externalId","displayName","instagramUsername","leadId","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?)`)
        .run(`ct-${key}`, "INSTAGRAM", `ext-${key}`, name, `${key}.user`, `ld-${key}`, NOW, NOW);
      database.prepare(`INSERT INTO "Conversation" ("id","channel","businessAccountId","contactId","leadId","updatedAt") VALUES (?,?,?,?,?,?)`)
        .run(`cv-${key}`, "INSTAGRAM", "biz", `ct-${key}`, `ld-${key}`, NOW);
    } else {
      database.prepare(`INSERT INTO "Contact" ("id","channel","externalId","displayName","instagramUsername","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?)`)
        .run(`ct-${key}`, "INSTAGRAM", `ext-${key}`, name, `${key}.user`, NOW, NOW);
      database.prepare(`INSERT INTO "Lead" ("id","contactId","updatedAt") VALUES (?,?,?)`).run(`ld-${key}`, `ct-${key}`, NOW);
      database.prepare(`INSERT INTO "Conversation" ("id","channel","businessAccountId","contactId","updatedAt") VALUES (?,?,?,?,?)`)
        .run(`cv-${key}`, "INSTAGRAM", "biz", `ct-${key}`, NOW);
    }
    database.prepare(`INSERT INTO "Message" ("id","conversationId","channel","direction","text","updatedAt") VALUES (?,?,?,?,?,?)`)
      .run(`m-${key}`, `cv-${key}`, "INSTAGRAM", "INBOUND", text, NOW);
  }

  const messagesMatching = (database: Database.Database, term: string) =>
    (database.prepare(`SELECT m."id" FROM "MessageSearch" s JOIN "Message" m ON m.rowid = s.rowid WHERE "MessageSearch" MATCH ? ORDER BY m."id"`)
      .all(ftsPhrase(term)) as { id: string }[]).map((row) => row.id);
  const contactsMatching = (database: Database.Database, query: string) =>
    (database.prepare(`SELECT ct."id" FROM "ContactSearch" s JOIN "Contact" ct ON ct.rowid = s.rowid WHERE "ContactSearch" MATCH ? ORDER BY ct."id"`)
      .all(query) as { id: string }[]).map((row) => row.id);

  /** FTS5 compares every indexed row with the content table: throws on any drift. */
  function expectInStep(database: Database.Database) {
    database.exec(`INSERT INTO "MessageSearch"("MessageSearch", rank) VALUES ('integrity-check', 1)`);
    database.exec(`INSERT INTO "ContactSearch"("ContactSearch", rank) VALUES ('integrity-check', 1)`);
  }

  it("follows inserts, edits, unsends, deletes and cascades", async () => {
    const file = path.join(scratch(), "inbox.db");
    await runMigrations(`file:${file}`);
    const database = open(file);
    database.pragma("foreign_keys = ON");
    seed(database, "a", "Marta Quintanilha", "is the ottoman still available?");
    seed(database, "b", "Rui Costa", "price of the OTTOMAN please");
    expect(messagesMatching(database, "ottoman")).toEqual(["m-a", "m-b"]);
    expect(contactsMatching(database, `displayName : ${ftsPhrase("quinta")}`)).toEqual(["ct-a"]);

    database.prepare(`UPDATE "Message" SET "text" = ? WHERE "id" = ?`).run("is the footstool still available?", "m-a");
    expect(messagesMatching(database, "ottoman")).toEqual(["m-b"]);
    expect(messagesMatching(database, "footstool")).toEqual(["m-a"]);
    // Unsent: the ingest clears the text.
    database.prepare(`UPDATE "Message" SET "text" = NULL, "status" = 'DELETED' WHERE "id" = ?`).run("m-b");
    expect(messagesMatching(database, "ottoman")).toEqual([]);
    // Status changes alone don't touch the index.
    database.prepare(`UPDATE "Message" SET "status" = 'READ' WHERE "id" = ?`).run("m-a");

    database.prepare(`UPDATE "Contact" SET "displayName" = ?, "whatsappId" = ? WHERE "id" = ?`).run("Marta Q.", "351912345678", "ct-a");
    expect(contactsMatching(database, `displayName : ${ftsPhrase("quinta")}`)).toEqual([]);
    expect(contactsMatching(database, `whatsappId : ${ftsPhrase("912345")}`)).toEqual(["ct-a"]);
    // Deleting a contact cascades to its conversation and messages: their index entries go too.
    database.prepare(`DELETE FROM "Contact" WHERE "id" = ?`).run("ct-a");
    expect(messagesMatching(database, "footstool")).toEqual([]);
    expect(contactsMatching(database, `whatsappId : ${ftsPhrase("912345")}`)).toEqual([]);
    expectInStep(database);

    // VACUUM keeps the rowids of tables with indexes, which both content tables have.
    seed(database, "c", "Ana Lopes", "the ottoman in linen");
    database.exec("VACUUM");
    expect(messagesMatching(database, "ottoman")).toEqual(["m-c"]);
    expectInStep(database);
  });

  it("indexes the rows written before it, and stays in step through every later migration", async () => {
    const names = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const directory = scratch();
    const upTo = (last: string) => {
      const subset = path.join(directory, `until-${last}`);
      mkdirSync(subset);
      for (const name of names.filter((candidate) => candidate <= last)) cpSync(path.join(MIGRATIONS, name), path.join(subset, name), { recursive: true });
      return subset;
    };
    const file = `file:${path.join(directory, "inbox.db")}`;
    const beforeSearch = names[names.indexOf(SEARCH_MIGRATION) - 1];
    await runMigrations(file, upTo(beforeSearch));
    const before = open(file.slice(5));
    seed(before, "gap", "Gil Quintanilha", "an ottoman soon deleted");
    seed(before, "old", "Olívia Quintanilha", "the ottoman from before");

    await runMigrations(file, upTo(SEARCH_MIGRATION));
    const database = open(file.slice(5));
    seed(database, "new", "Nuno Quintanilha", "an ottoman after the index");
    // A gap in the rowids: a table rebuild that copies the rows would renumber the ones after it.
    database.prepare(`DELETE FROM "Contact" WHERE "id" = ?`).run("ct-gap");
    database.prepare(`DELETE FROM "Message" WHERE "id" = ?`).run("m-gap");
    expect(messagesMatching(database, "ottoman")).toEqual(["m-new", "m-old"]);

    // Everything after the search migration (nothing yet, or a table rebuild someday).
    await runMigrations(file, MIGRATIONS);
    seed(database, "later", "Luís Quintanilha", "an ottoman after every migration");
    database.prepare(`UPDATE "Message" SET "text" = ? WHERE "id" = ?`).run("edited after every migration", "m-old");
    expect(messagesMatching(database, "ottoman")).toEqual(["m-later", "m-new"]);
    expect(contactsMatching(database, `displayName : ${ftsPhrase("quintanilha")}`)).toEqual(["ct-later", "ct-new", "ct-old"]);
    const triggers = database.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string }[];
    expect(triggers.map((trigger) => trigger.name)).toEqual([
      "Contact_search_delete", "Contact_search_insert", "Contact_search_update",
      "Message_search_delete", "Message_search_insert", "Message_search_update",
    ]);
    expectInStep(database);
  });
});
