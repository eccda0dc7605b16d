import { defineErrors, sharedCode } from '@partybuild/errors';

/**
 * The gateway's own refusals (limits, availability), written once; Chinese by default,
 * English when the caller's `accept-language` prefers it. Sign-in refusals are shared with
 * the subgraphs (`CommonErrors` of `@partybuild/errors`).
 */
export const GatewayErrors = defineErrors({
  QUERY_TOO_DEEP: sharedCode('QUERY_TOO_COMPLEX', (p: { maximum: number }) => ({
    zh: `查询嵌套超过 ${p.maximum} 层的上限，请拆分为较浅的查询。`,
    en: `The query is nested deeper than the maximum of ${p.maximum} levels; split it into shallower queries.`,
  })),
  TOO_MANY_ALIASES: sharedCode('QUERY_TOO_COMPLEX', (p: { maximum: number }) => ({
    zh: `查询使用的别名超过 ${p.maximum} 个的上限，请拆分为多个较小的查询。`,
    en: `The query uses more than ${p.maximum} aliases; split it into smaller queries.`,
  })),
  QUERY_TOO_COSTLY: sharedCode('QUERY_TOO_COMPLEX', (p: { cost: number; maximum: number }) => ({
    zh: `查询的估算开销为 ${p.cost}，超过 ${p.maximum} 的上限；请减小每页条数或少取字段。`,
    en: `The query would cost ${p.cost} (at most ${p.maximum}); ask for smaller pages or fewer fields.`,
  })),
  SERVICE_UNAVAILABLE: () => ({
    zh: '后台服务暂时无法应答，请稍后重试。',
    en: 'A service behind the gateway could not answer; please try again shortly.',
  }),
  NOT_READY: sharedCode('SERVICE_UNAVAILABLE', () => ({
    zh: '网关正在启动或停止，暂不受理请求。',
    en: 'The gateway is starting or stopping; it does not take requests now.',
  })),
});
