import { WishStatus, assertClaimable, assertFulfillable, effectiveStatus } from './wish';

const codeOf = (f: () => void) => {
  try {
    f();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('micro-wish lifecycle', () => {
  it('is claimed once, then fulfilled; never fulfilled before it is claimed', () => {
    expect(codeOf(() => assertClaimable(WishStatus.OPEN))).toBeNull();
    expect(codeOf(() => assertClaimable(WishStatus.CLAIMED))).toBe('WISH_ALREADY_CLAIMED');
    expect(codeOf(() => assertFulfillable(WishStatus.OPEN))).toBe('WISH_NOT_CLAIMED');
    expect(codeOf(() => assertFulfillable(WishStatus.CLAIMED))).toBeNull();
    expect(codeOf(() => assertFulfillable(WishStatus.FULFILLED))).toBe('WISH_CLOSED');
    expect(codeOf(() => assertClaimable(WishStatus.EXPIRED))).toBe('WISH_CLOSED');
  });

  it('counts an open wish past its last day as expired', () => {
    expect(effectiveStatus(WishStatus.OPEN, '2026-11-21', '2026-11-22')).toBe(WishStatus.EXPIRED);
    expect(effectiveStatus(WishStatus.OPEN, '2026-11-22', '2026-11-22')).toBe(WishStatus.OPEN);
    expect(effectiveStatus(WishStatus.CLAIMED, '2026-01-01', '2026-11-22')).toBe(WishStatus.CLAIMED);
  });
});
