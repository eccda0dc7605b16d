import { consumerMigrations } from '@partybuild/events';
import { orgTreeMigrations } from '@partybuild/org-tree';
import { CreateFacts1767300000300 } from './1767300000300-create-facts';

/** Statistics publishes nothing: it keeps the consumer's bookkeeping, the tree and the facts. */
export const statisticsMigrations = [...consumerMigrations, ...orgTreeMigrations, CreateFacts1767300000300];
