export * from './organization-events';
export * from './membership-events';
export * from './activity-events';
export * from './assessment-events';
export * from './pairing-events';
export { default as eventsSchema } from '../schema/events.schema.json';
export { default as eventTopics } from '../schema/topics.json';
