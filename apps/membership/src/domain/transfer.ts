import { TransferState } from './member-kinds';

/** A pending letter past its validity reads as expired, whether or not anyone has looked since. */
export const effectiveState = (t: { state: TransferState; expiresOn: string }, today: string): TransferState =>
  t.state === TransferState.PENDING && t.expiresOn < today ? TransferState.EXPIRED : t.state;
