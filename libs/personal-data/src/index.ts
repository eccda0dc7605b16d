export { PersonalDataCipher } from './personal-data-cipher';
export { maskName, maskContact } from './masks';
export { accessAudit } from './access-audit';
export type { AccessLog, Reader, ShownField } from './access-audit';
