/**
 * Kysely's SQLite dialect with two connections to the one file, and write transactions that take
 * SQLite's write lock when they begin.
 *
 * - **Writes** (transactions, and any statement that is not a plain SELECT) run on the writer
 *   connection, one at a time: a transaction holds it from `begin` to `commit`, as Kysely's own
 *   SQLite driver does with its single connection. Transactions begin with `begin immediate` rather
 *   than `begin` (deferred): a deferred transaction that read first cannot upgrade once another
 *   process (the CLI beside the server) has committed, and SQLite fails it at once with
 *   SQLITE_BUSY_SNAPSHOT; an immediate one waits its turn (busy_timeout), so writes from several
 *   processes run one after another and each reads what it writes over.
 * - **Reads outside a transaction** (SELECT statements) run on the reader connection at once, even
 *   while a write transaction is open: in WAL mode the reader sees the last committed state. With a
 *   single connection, every read (a health check's, another person's status) waited for the whole
 *   of a long write, such as a 30,000-activity import that yields to the event loop between chunks.
 *   The reader is `query_only`: a write routed to it by mistake fails instead of waiting on a lock
 *   inside a synchronous call.
 */
import {
  CompiledQuery, SelectQueryNode, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult, type SqliteDatabase,
} from 'kysely';

export interface ReadWriteSqliteConfig {
  /** The connection that writes (and runs every transaction). */
  readonly writer: SqliteDatabase;
  /** Whether the writer has a transaction open (better-sqlite3's `inTransaction`). */
  readonly writerInTransaction: () => boolean;
  /** A second connection to the same file, for SELECTs outside transactions. */
  readonly reader: SqliteDatabase;
}

function run(database: SqliteDatabase, query: CompiledQuery): QueryResult<unknown> {
  const statement = database.prepare(query.sql);
  if (statement.reader) return { rows: statement.all(query.parameters) as unknown[] };
  const { changes, lastInsertRowid } = statement.run(query.parameters);
  return {
    numAffectedRows: changes === undefined || changes === null ? undefined : BigInt(changes),
    insertId: lastInsertRowid === undefined || lastInsertRowid === null ? undefined : BigInt(lastInsertRowid),
    rows: [],
  };
}

/** One waiter at a time for the writer. */
class WriterLock {
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.held !== undefined) await this.held;
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  unlock(): void {
    const release = this.release;
    this.held = undefined;
    this.release = undefined;
    release?.();
  }
}

/** What Kysely holds for a query or a transaction: it routes each statement. */
class RoutingConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(private readonly config: ReadWriteSqliteConfig, private readonly writerLock: WriterLock) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return run(this.config.writer, query) as QueryResult<R>;
    if (SelectQueryNode.is(query.query)) return run(this.config.reader, query) as QueryResult<R>;
    await this.writerLock.lock();
    try {
      return run(this.config.writer, query) as QueryResult<R>;
    } finally {
      this.writerLock.unlock();
    }
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used with SQLite here');
  }
}

class ReadWriteSqliteDriver implements Driver {
  private readonly writerLock = new WriterLock();

  constructor(private readonly config: ReadWriteSqliteConfig) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutingConnection(this.config, this.writerLock);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.writerLock.lock();
    try {
      run(this.config.writer, CompiledQuery.raw('begin immediate'));
    } catch (error) {
      this.writerLock.unlock();
      throw error;
    }
    (connection as RoutingConnection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A COMMIT that fails (SQLITE_BUSY, a full disk) can leave the transaction open: the writer stays
    // this transaction's until Kysely's rollback that follows, so no other caller's statement runs in it.
    run(this.config.writer, CompiledQuery.raw('commit'));
    this.release(connection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      // SQLite rolls some failures back itself: a rollback with nothing open would only hide the error.
      if (this.config.writerInTransaction()) run(this.config.writer, CompiledQuery.raw('rollback'));
    } finally {
      if (!this.config.writerInTransaction()) this.release(connection);
    }
  }

  /** Hands the writer on, once no transaction of this connection is open on it. */
  private release(connection: DatabaseConnection): void {
    const routing = connection as RoutingConnection;
    if (!routing.inTransaction) return;
    routing.inTransaction = false;
    this.writerLock.unlock();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // Kysely ends every transaction with commit or rollback; should one still be open, it is rolled
    // back before the writer is handed on, never left open under the next caller's statements.
    if ((connection as RoutingConnection).inTransaction) await this.rollbackTransaction(connection);
  }

  async destroy(): Promise<void> {
    this.config.reader.close();
    this.config.writer.close();
  }
}

export function immediateSqliteDialect(config: ReadWriteSqliteConfig): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ReadWriteSqliteDriver(config),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<any>) => new SqliteIntrospector(db),
  };
}
