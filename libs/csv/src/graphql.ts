import { registerEnumType } from 'type-graphql';
import { CsvHeaders } from './safe-csv';

/** The same enum in every subgraph that exports CSV (federation requires identical definitions). */
registerEnumType(CsvHeaders, {
  name: 'CsvHeaders',
  description: '导出表头 — the header row of a CSV export',
  valuesConfig: {
    ENGLISH: { description: 'English keys (the import format)' },
    CHINESE: { description: '中文列名 — Chinese column names' },
  },
});

export { CsvHeaders };
