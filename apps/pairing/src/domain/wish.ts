import { PairingErrors } from '../errors';

/** 微心愿状态 */
export enum WishStatus {
  /** 待认领 */
  OPEN = 'OPEN',
  /** 已认领 */
  CLAIMED = 'CLAIMED',
  /** 已实现 */
  FULFILLED = 'FULFILLED',
  /** 已过期 */
  EXPIRED = 'EXPIRED',
}

const STATUS_ZH: Record<WishStatus, string> = { OPEN: '待认领', CLAIMED: '被认领', FULFILLED: '实现', EXPIRED: '过期' };

/** A wish still open after its last day counts as expired, whether or not the sweep has marked it yet. */
export function effectiveStatus(status: WishStatus, expiresOn: string, today: string): WishStatus {
  return status === WishStatus.OPEN && expiresOn < today ? WishStatus.EXPIRED : status;
}

export function assertClaimable(status: WishStatus): void {
  if (status === WishStatus.CLAIMED) throw PairingErrors.WISH_ALREADY_CLAIMED();
  if (status !== WishStatus.OPEN) throw PairingErrors.WISH_CLOSED({ status: STATUS_ZH[status] });
}

export function assertFulfillable(status: WishStatus): void {
  if (status === WishStatus.OPEN) throw PairingErrors.WISH_NOT_CLAIMED();
  if (status !== WishStatus.CLAIMED) throw PairingErrors.WISH_CLOSED({ status: STATUS_ZH[status] });
}
