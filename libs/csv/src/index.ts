export { neutralise, unneutralise, writeCsv } from './safe-csv';
export { CsvHeaders } from './graphql';
export type { CsvColumn } from './safe-csv';
