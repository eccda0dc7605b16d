import { consumerMigrations } from '@partybuild/events';
import { orgTreeMigrations } from '@partybuild/org-tree';
import { CreateFacts1767300000300 } from './1767300000300-create-facts';
import { CreateFiguresVersion1767300000400 } from './1767300000400-create-version';
import { ComplianceFacts1767300000500 } from './1767300000500-compliance-facts';
import { DuesFacts1767300000600 } from './1767300000600-dues-facts';
import { AssessmentPairingFacts1767300000700 } from './1767300000700-assessment-pairing-facts';

/** Statistics publishes nothing: it keeps the consumer's bookkeeping, the tree and the facts. */
export const statisticsMigrations = [
  ...consumerMigrations,
  ...orgTreeMigrations,
  CreateFacts1767300000300,
  CreateFiguresVersion1767300000400,
  ComplianceFacts1767300000500,
  DuesFacts1767300000600,
  AssessmentPairingFacts1767300000700,
];
