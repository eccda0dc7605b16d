export * from './organization-events';
export * from './membership-events';
export * from './activity-events';
