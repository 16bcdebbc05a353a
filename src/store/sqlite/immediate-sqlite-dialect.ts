/**
 * Kysely's SQLite dialect, with write transactions that take SQLite's write lock when they begin
 * (`begin immediate`) instead of at their first write (`begin`, deferred). A deferred transaction
 * that read first cannot upgrade once another process (the CLI beside the server) has committed:
 * SQLite fails it at once with SQLITE_BUSY_SNAPSHOT. An immediate one waits its turn (busy_timeout),
 * so writes from several processes run one after another and each reads what it writes over.
 */
import {
  CompiledQuery, SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type Dialect, type Kysely, type SqliteDialectConfig,
} from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export function immediateSqliteDialect(config: SqliteDialectConfig): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateSqliteDriver(config),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<any>) => new SqliteIntrospector(db),
  };
}
