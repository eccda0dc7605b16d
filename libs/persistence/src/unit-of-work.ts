import type { DataSource, EntityManager } from 'typeorm';

/** One transaction per command; after it commits, the outbox relay is nudged to publish now. */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.afterCommit();
    return result;
  }
}
