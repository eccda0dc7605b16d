export { loadConfig, ConfigError } from './load-config';
export { serviceEnv, envSchemas } from './common-env';
export { z } from 'zod';
