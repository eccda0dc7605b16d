import { idempotencyMigrations } from '@partybuild/persistence';
import { outboxMigrations, consumerMigrations } from '@partybuild/events';
import { orgTreeMigrations } from '@partybuild/org-tree';
import { CreateActivity1767400000000 } from './1767400000000-create-activity';
import { PendingCoHosts1767400000100 } from './1767400000100-pending-co-hosts';

/** In order; TypeORM runs the ones not yet applied at start-up. */
export const activityMigrations = [
  ...outboxMigrations,
  ...consumerMigrations,
  ...orgTreeMigrations,
  CreateActivity1767400000000,
  PendingCoHosts1767400000100,
  ...idempotencyMigrations,
];
