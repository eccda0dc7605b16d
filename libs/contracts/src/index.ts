export * from './organization-events';
export * from './membership-events';
