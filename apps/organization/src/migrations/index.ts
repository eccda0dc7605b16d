import { idempotencyMigrations } from '@partybuild/persistence';
import { outboxMigrations, consumerMigrations } from '@partybuild/events';
import { CreateOrganization1767300000000 } from './1767300000000-create-organization';
import { CreateMemberPlacement1767300000200 } from './1767300000200-create-member-placement';

/** In order; TypeORM runs the ones not yet applied at start-up. */
export const organizationMigrations = [
  ...outboxMigrations,
  ...consumerMigrations,
  CreateOrganization1767300000000,
  CreateMemberPlacement1767300000200,
  ...idempotencyMigrations,
];
