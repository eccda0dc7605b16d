export { startKafkaBroker, findRepoRoot } from './kafka-broker';
export type { KafkaBroker, StartKafkaBrokerOptions } from './kafka-broker';
export { testPostgresUrl, urlFor, uniquePrefix, freshDatabase, testKafkaBrokers, eventually } from './test-database';
export { organizationSnapshot, memberSnapshot } from './snapshots';
