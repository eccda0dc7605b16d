export { PersonalDataCipher } from './personal-data-cipher';
export { maskName, maskContact } from './masks';
export { accessAudit, accessLogStatements } from './access-audit';
export type { AccessLog, Reader, ShownField } from './access-audit';
