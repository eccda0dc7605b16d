import { DomainError } from './domain-error';
import { badInput, defineErrors, sharedCode } from './catalogue';

/**
 * Refusals every service and the gateway share: sign-in, scope, malformed arguments and the
 * apology for an unexpected failure. A service's own refusals live in its `errors.ts`.
 */
export const CommonErrors = defineErrors({
  NOT_SIGNED_IN: sharedCode('UNAUTHENTICATED', () => ({
    zh: '请先登录：请求须在 Authorization 请求头中携带登录令牌（Bearer <令牌>）。',
    en: 'Please sign in: send your token as "Authorization: Bearer <token>".',
  })),
  TOKEN_EXPIRED: sharedCode('UNAUTHENTICATED', () => ({
    zh: '登录令牌已过期，请重新登录。',
    en: 'The sign-in token has expired; please sign in again.',
  })),
  TOKEN_INVALID: sharedCode('UNAUTHENTICATED', () => ({
    zh: '登录令牌无效（签名、签发方或用途不符），请重新登录。',
    en: 'The sign-in token is not valid; please sign in again.',
  })),
  TOKEN_WITHOUT_EXPIRY: sharedCode('UNAUTHENTICATED', (p: { maxHours: number }) => ({
    zh: `登录令牌未注明有效期（exp）：令牌须在签发后 ${p.maxHours} 小时内失效，请重新登录。`,
    en: `The sign-in token has no expiry (exp); tokens must expire within ${p.maxHours} hours of issue. Please sign in again.`,
  })),
  TOKEN_LIFETIME_TOO_LONG: sharedCode('UNAUTHENTICATED', (p: { maxHours: number }) => ({
    zh: `登录令牌有效期超过 ${p.maxHours} 小时的上限，不予接受，请重新登录。`,
    en: `The sign-in token is valid for longer than the maximum of ${p.maxHours} hours; please sign in again.`,
  })),
  TOKEN_USER_INVALID: sharedCode('UNAUTHENTICATED', () => ({
    zh: '登录令牌中的用户信息不完整或角色无效，请重新登录。',
    en: 'The token does not describe a valid user.',
  })),
  TOKEN_SCOPE_INVALID: sharedCode('UNAUTHENTICATED', (p: { entry: string }) => ({
    zh: `登录令牌的管理范围须列出党组织的标识（UUID），“${p.entry}”不是；请重新签发令牌。`,
    en: `The token's scope must list organisation ids (UUIDs); "${p.entry}" is not one. Have the token issued again.`,
  })),
  NOT_THROUGH_GATEWAY: sharedCode('UNAUTHENTICATED', () => ({
    zh: '本服务只受理经网关转发的请求。',
    en: 'This service only answers requests that come through the gateway.',
  })),
  GATEWAY_SIGNATURE_INVALID: sharedCode('UNAUTHENTICATED', () => ({
    zh: '网关签名无效或已过期，请求未被受理。',
    en: 'The gateway signature is not valid or has expired.',
  })),
  OUT_OF_SCOPE: sharedCode('FORBIDDEN', (p: { what: string }) => ({
    zh: `您无权处理${p.what}：它不在您负责的党组织范围内。`,
    en: `You may not act on ${p.what}: it is outside the organisations you are responsible for.`,
  })),
  NOT_A_UUID: badInput(null, (p: { field: string }) => ({
    zh: `参数 ${p.field} 须为系统中的标识（UUID，如 0b6c3f7e-…），所给的值不是。`,
    en: `The argument ${p.field} must be an id (a UUID); the value given is not one.`,
  })),
  NUL_CHARACTER: badInput(null, (p: { field: string }) => ({
    zh: `参数 ${p.field} 含有空字符（NUL），不予接受。`,
    en: `The argument ${p.field} contains a NUL character.`,
  })),
  TEXT_TOO_LONG: badInput(null, (p: { field: string; max: number; length: number }) => ({
    zh: `${p.field} 最多 ${p.max} 个字，所填为 ${p.length} 个字。`,
    en: `${p.field} holds at most ${p.max} characters; ${p.length} were given.`,
  })),
  TEXT_ONLY_INVISIBLE: badInput(null, (p: { field: string }) => ({
    zh: `${p.field} 须含有可见的文字，不能只由空格、零宽字符或控制字符组成。`,
    en: `${p.field} must contain visible characters, not only spaces, zero-width or control characters.`,
  })),
  TEXT_CONTROL_CHARACTER: badInput(null, (p: { field: string }) => ({
    zh: `${p.field} 含有控制字符或文字方向控制符（如 RTL 覆盖），不予接受。`,
    en: `${p.field} contains control or bidirectional override characters.`,
  })),
  PAGE_SIZE: badInput('first', (p: { max: number }) => ({
    zh: `每页条数须为 1 至 ${p.max}。`,
    en: `A page holds between 1 and ${p.max} items.`,
  })),
  PAGE_CURSOR: badInput('after', () => ({
    zh: '翻页游标无效：请使用上一页返回的 endCursor。',
    en: 'The page cursor is not valid; use the endCursor of the previous page.',
  })),
  NOT_A_DATE: badInput(null, (p: { value: string }) => ({
    zh: `“${p.value}”不是有效日期，请按 YYYY-MM-DD 填写，如 2026-03-01。`,
    en: `"${p.value}" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01.`,
  })),
  NOT_A_PERIOD: badInput(null, (p: { value: string }) => ({
    zh: `“${p.value}”不是统计期间，请填写年份（2026）、季度（2026-Q3）或月份（2026-07）。`,
    en: `"${p.value}" is not a period; write a year (2026), a quarter (2026-Q3) or a month (2026-07).`,
  })),
  INTERNAL: sharedCode('INTERNAL_SERVER_ERROR', () => ({
    zh: '系统内部出错，本次操作未保存。请稍后重试；如仍出错，请联系运维并提供请求编号。',
    en: 'Something went wrong on our side; nothing was saved. Please try again or contact support with the request id.',
  })),
});

/** Not signed in, or the token is not acceptable. */
export class NotAuthenticatedError extends DomainError {
  constructor(from: DomainError = CommonErrors.NOT_SIGNED_IN()) {
    super(from.code, from.message, from.details, from.messages);
  }
}

/** The caller's scope does not cover `what` (an organisation's name, or 「这名党员的记录」). */
export class OutOfScopeError extends DomainError {
  constructor(what: string) {
    const from = CommonErrors.OUT_OF_SCOPE({ what });
    super(from.code, from.message, from.details, from.messages);
  }
}
