export { parseCsv, csvLine } from './csv';
export { neutralise, unneutralise } from './formula-guard';
export { writeCsv } from './safe-csv';
export { CsvHeaders } from './graphql';
export type { CsvColumn } from './safe-csv';
