import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements issued inside one unit of work (usually a GraphQL request), so
 * that benchmarks and tests can show that a page of N items costs a constant number of queries.
 */
const current = new AsyncLocalStorage<{ count: number; statements: string[] }>();

export function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number; statements: string[] }> {
  const tally = { count: 0, statements: [] as string[] };
  return current.run(tally, async () => {
    const result = await fn();
    return { result, queries: tally.count, statements: tally.statements };
  });
}

/** Starts a tally for the rest of the current async context (e.g. a request). */
export function beginQueryCount(): { readonly count: number } {
  const tally = { count: 0, statements: [] as string[] };
  current.enterWith(tally);
  return tally;
}

export class QueryCountingLogger extends AbstractLogger {
  override logQuery(query: string): void {
    const tally = current.getStore();
    if (tally && !/^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN)/i.test(query)) {
      tally.count += 1;
      tally.statements.push(query);
    }
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[], _runner?: QueryRunner): void {
    // Statements are only counted; the service logger reports failures.
  }
}
