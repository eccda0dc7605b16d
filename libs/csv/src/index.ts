export { parseCsv, csvLine } from './csv';
