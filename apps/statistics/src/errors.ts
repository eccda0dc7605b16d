import { badInput, defineErrors } from '@partybuild/errors';
export { OutOfScopeError } from '@partybuild/errors';

/**
 * Every refusal of the statistics service, written once: the key is the stable
 * `extensions.code` (or `extensions.reason` for input mistakes); Chinese by default.
 */
export const StatisticsErrors = defineErrors({
  ORGANIZATION_NOT_FOUND: (p: { reference: string }) => ({
    zh: `统计中没有党组织 ${p.reference}（可能不存在，或刚刚新建尚未同步）。`,
    en: `No organisation ${p.reference} is known to the statistics (it does not exist, or was created moments ago).`,
  }),
  KIND_UNKNOWN: badInput('kind', (p: { value: string; kinds: string }) => ({
    zh: `“${p.value}”不是党组织类别，可选：${p.kinds}。`,
    en: `"${p.value}" is not a kind of organisation; use one of ${p.kinds}.`,
  })),
});

/** The stable codes, for tests and clients. */
export const StatisticsErrorCode = StatisticsErrors.codes;
