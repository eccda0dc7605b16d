import { freshDatabase } from '@partybuild/testing';
import { EmbeddedTransport } from './embedded-transport';
import { describeTransportContract } from '../../test/transport-contract';
import { logger } from '../../test/support';

let url: string;
beforeAll(async () => {
  url = await freshDatabase();
});

// Every instance shares the database, as the services of one node share the event log.
describeTransportContract('EmbeddedTransport', () => new EmbeddedTransport(url, logger, 20), { timeoutMs: 20_000 });
