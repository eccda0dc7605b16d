export { PersonalDataCipher } from './personal-data-cipher';
export { maskName, maskContact } from './masks';
