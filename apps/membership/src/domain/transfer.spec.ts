import { TransferState } from './member-kinds';
import { effectiveState } from './transfer';

describe('transfer letters', () => {
  it('expire after their last valid day, and only while pending', () => {
    expect(effectiveState({ state: TransferState.PENDING, expiresOn: '2026-11-22' }, '2026-11-22')).toBe(TransferState.PENDING);
    expect(effectiveState({ state: TransferState.PENDING, expiresOn: '2026-11-21' }, '2026-11-22')).toBe(TransferState.EXPIRED);
    expect(effectiveState({ state: TransferState.ACCEPTED, expiresOn: '2026-01-01' }, '2026-11-22')).toBe(TransferState.ACCEPTED);
  });
});
