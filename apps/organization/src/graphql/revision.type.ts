import { PageOf } from '@partybuild/federation';
import { OrganizationRevision } from './committee.type';

export const OrganizationRevisionPage = PageOf(OrganizationRevision, 'OrganizationRevisionPage');
