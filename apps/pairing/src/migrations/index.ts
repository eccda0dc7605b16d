import { outboxMigrations, consumerMigrations } from '@partybuild/events';
import { orgTreeMigrations } from '@partybuild/org-tree';
import { idempotencyMigrations } from '@partybuild/persistence';
import { CreatePairing1767500000000 } from './1767500000000-create-pairing';
import { StarRatings1767500000100 } from './1767500000100-star-ratings';
import { ComplianceFacts1767500000200 } from './1767500000200-compliance-facts';
import { ResidentDataAccess1767500000300 } from './1767500000300-resident-data-access';
import { OverdueIndex1767500000400 } from './1767500000400-overdue-index';

/** In order; TypeORM runs the ones not yet applied at start-up. */
export const pairingMigrations = [
  ...outboxMigrations,
  ...consumerMigrations,
  ...orgTreeMigrations,
  ...idempotencyMigrations,
  CreatePairing1767500000000,
  StarRatings1767500000100,
  ComplianceFacts1767500000200,
  ResidentDataAccess1767500000300,
  OverdueIndex1767500000400,
];
