import { idempotencyMigrations } from '@partybuild/persistence';
import { consumerMigrations, outboxMigrations } from '@partybuild/events';
import { orgTreeMigrations } from '@partybuild/org-tree';
import { CreateMembership1767400000000 } from './1767400000000-create-membership';
import { MonthlyDuesHistory1767400000100 } from './1767400000100-monthly-dues-history';

/** In order; TypeORM runs the ones not yet applied at start-up. */
export const membershipMigrations = [
  ...outboxMigrations,
  ...consumerMigrations,
  ...orgTreeMigrations,
  CreateMembership1767400000000,
  MonthlyDuesHistory1767400000100,
  ...idempotencyMigrations,
];
