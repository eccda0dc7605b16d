import { outboxMigrations, consumerMigrations } from '@partybuild/events';
import { orgTreeMigrations } from '@partybuild/org-tree';
import { idempotencyMigrations } from '@partybuild/persistence';
import { CreateAssessment1767500000000 } from './1767500000000-create-assessment';
import { AttendeesAndPairing1767500000100 } from './1767500000100-attendees-and-pairing';
import { FasterReads1767500000200 } from './1767500000200-faster-reads';
import { PioneerPeers1767500000300 } from './1767500000300-pioneer-peers';

/** In order; TypeORM runs the ones not yet applied at start-up. */
export const assessmentMigrations = [
  ...outboxMigrations,
  ...consumerMigrations,
  ...orgTreeMigrations,
  ...idempotencyMigrations,
  CreateAssessment1767500000000,
  AttendeesAndPairing1767500000100,
  FasterReads1767500000200,
  PioneerPeers1767500000300,
];
