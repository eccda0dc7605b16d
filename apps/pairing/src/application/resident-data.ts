import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Caller, allowed } from '@partybuild/auth';
import { AccessLog, PersonalDataCipher, ShownField, accessAudit, maskContact, maskName } from '@partybuild/personal-data';

export type ResidentField = 'residentName' | 'residentContact';

/** What a reader needs of a wish: its sealed resident, its village and who claimed it. */
export interface SealedResident {
  id: string;
  residentNameSealed: string;
  residentContactSealed: string | null;
  claimedById: string | null;
  villagePath: readonly string[];
}

/** Every read of a micro-wish's resident in clear (its migration creates it with `accessLogStatements`). */
export const RESIDENT_DATA_LOG: AccessLog = { table: 'resident_data_access', subjectColumn: 'wish_id' };

/**
 * Reads of a micro-wish's resident for one request, as membership reads ID numbers: masked
 * unless the access table allows `pairing.resident` (the village's cadres, the member who claimed
 * it); every read in clear is written to `resident_data_access` before the value is returned — if
 * the log cannot be written, the value is not given out. Reads of one request are batched into
 * one insert (one row per wish, listing the fields).
 */
export class ResidentDataReader {
  private readonly audit: DataLoader<ShownField, true, string>;

  constructor(
    dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly caller: Caller,
    requestId: string,
  ) {
    this.audit = accessAudit(dataSource, RESIDENT_DATA_LOG, caller, requestId);
  }

  /** May the caller see this wish's resident in clear? */
  mayUnmask(wish: SealedResident): boolean {
    return allowed(this.caller, 'pairing.resident', { path: wish.villagePath, memberId: wish.claimedById ?? undefined });
  }

  async read(wish: SealedResident, field: ResidentField): Promise<string | null> {
    const sealed = field === 'residentName' ? wish.residentNameSealed : wish.residentContactSealed;
    if (!sealed) return null;
    const plain = this.cipher.decrypt(sealed);
    if (!this.mayUnmask(wish)) return field === 'residentName' ? maskName(plain) : maskContact(plain);
    await this.audit.load({ subjectId: wish.id, field });
    return plain;
  }
}
