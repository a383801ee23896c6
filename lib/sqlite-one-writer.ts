import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter["startTransaction"]>>;

/**
 * SQLite through Prisma's better-sqlite3 adapter has one connection, and the adapter runs a
 * statement sent outside a transaction on it at once, even while an interactive transaction is open
 * there: the statement becomes part of that transaction, sees its uncommitted rows and is rolled
 * back with it. An agent's "mark read" would vanish because a webhook batch or another admin's
 * refused change that it never belonged to rolled back (lib/db-client.test.ts shows both).
 *
 * So one first-come-first-served turn for the connection: a transaction holds it from BEGIN to
 * COMMIT or ROLLBACK, a statement outside one takes it for itself. The cost is that a statement
 * waits for the transaction open at that moment, which on SQLite's single writer it largely did
 * anyway. A transaction's own statements go straight through, so code inside a transaction must use
 * its `tx`, never the global client: that statement would wait for its own transaction to end.
 */
export function oneTransactionAtATime(adapter: SqliteAdapter): SqliteAdapter {
  const turn = new Turn();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => turn.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => turn.run(() => adapter.executeRaw(query)),
    executeScript: (script) => turn.run(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => {
      const release = await turn.take();
      try {
        return endingTurn(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

/** Prisma sends COMMIT or ROLLBACK through the transaction, then calls one of these: the turn ends. */
function endingTurn(transaction: SqliteTransaction, release: () => void): SqliteTransaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => transaction.commit().finally(release),
    rollback: () => transaction.rollback().finally(release),
  };
}

/** A FIFO lock: `take` resolves with a release function once every earlier holder released. */
export class Turn {
  private last: Promise<void> = Promise.resolve();

  take(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      let done = false;
      release = () => {
        if (done) return;
        done = true;
        resolve();
      };
    });
    const previous = this.last;
    this.last = previous.then(() => released);
    return previous.then(() => release);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.take();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
