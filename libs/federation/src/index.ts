import 'reflect-metadata';
export { buildFederatedSchema } from './build-subgraph';
export type { ReferenceResolvers } from './build-subgraph';
export type { RequestContext } from './context';
export { PageArgs, PageInfo, PageOf, pageWindow, toPage, MAX_PAGE_SIZE } from './pagination';
export type { Page } from './pagination';
export { LocalDateScalar, isIsoDate } from './scalars';
export { createErrorFormatter, domainErrorIn, inCallersLanguage, toGraphQLError } from './format-error';
