import { testKafkaBrokers } from '@partybuild/testing';
import { KafkaTransport } from './kafka-transport';
import { describeTransportContract } from '../../test/transport-contract';
import { logger, uniqueName } from '../../test/support';

describeTransportContract(
  'KafkaTransport',
  () => new KafkaTransport({ brokers: testKafkaBrokers().split(','), clientId: uniqueName('contract'), logger }),
  { timeoutMs: 60_000 },
);
