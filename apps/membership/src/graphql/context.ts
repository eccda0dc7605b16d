import type { RequestContext } from '@partybuild/federation';
import type { DataSource } from 'typeorm';
import type { MemberCommands } from '../application/member-commands';
import type { MemberQueries } from '../application/member-queries';
import type { TransferCommands } from '../application/transfer-commands';
import type { DuesCommands } from '../application/dues-commands';
import type { MemberImport } from '../application/member-import';
import type { PersonalDataReader } from '../application/personal-data';
import type { PersonalDataCipher } from '../domain/personal-data-cipher';
import type { MembershipLoaders } from './loaders';

export interface MembershipContext extends RequestContext {
  dataSource: DataSource;
  cipher: PersonalDataCipher;
  loaders: MembershipLoaders;
  queries: MemberQueries;
  members: MemberCommands;
  transfers: TransferCommands;
  dues: DuesCommands;
  importer: MemberImport;
  personalData: PersonalDataReader;
  today: () => string;
}
