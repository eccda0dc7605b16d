// CSV reading and writing is shared by every service with imports and exports.
export { parseCsv, csvLine } from '@partybuild/csv';
