import type DataLoader from 'dataloader';
import { AccessLog, ShownField, accessAudit } from '@partybuild/personal-data';
import type { DataSource } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { maskIdNumber, maskPhone } from '../domain/id-number';
import { PersonalDataCipher } from '../domain/personal-data-cipher';
import { MemberRecord } from '../entities';
import { mayUnmask } from './member-access';

export type PersonalField = 'idNumber' | 'phone' | 'birthDate';

/** Every read of a member's personal data in clear (its migration creates it with `accessLogStatements`). */
export const PERSONAL_DATA_LOG: AccessLog = { table: 'personal_data_access', subjectColumn: 'member_id' };

/**
 * Reads of ID numbers, phones and birth dates for one request: masked unless the caller may see them;
 * every unmasked read is written to the audit log before the value is returned — if the
 * log cannot be written, the value is not given out. Reads of one request are batched into
 * one insert (one row per member, listing the fields).
 */
export class PersonalDataReader {
  private readonly audit: DataLoader<ShownField, true, string>;

  constructor(
    dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly caller: Caller,
    requestId: string,
  ) {
    this.audit = accessAudit(dataSource, PERSONAL_DATA_LOG, caller, requestId);
  }

  /**
   * The field in clear for those the access table allows (`member.personal`), audited; for
   * anyone else the ID number and phone masked to their last four and the birth date withheld
   * (beside the last four it rebuilds the number).
   */
  async read(member: MemberRecord, field: PersonalField, organizationPath: readonly string[]): Promise<string | null> {
    const allowed = mayUnmask(this.caller, organizationPath, member.id);
    if (field === 'birthDate') {
      if (!allowed) return null;
      await this.audit.load({ subjectId: member.id, field });
      return member.birthDate;
    }
    const sealed = field === 'idNumber' ? member.idNumberSealed : member.phoneSealed;
    if (!sealed) return null;
    const plain = this.cipher.decrypt(sealed);
    if (!allowed) return field === 'idNumber' ? maskIdNumber(plain) : maskPhone(plain);
    await this.audit.load({ subjectId: member.id, field });
    return plain;
  }

  /** Export: one audit row per member with the fields given out, written before the file is returned. */
  static async auditExport(dataSource: DataSource, caller: Caller, requestId: string, memberIds: string[]): Promise<void> {
    if (!memberIds.length) return;
    await dataSource.query(
      `INSERT INTO personal_data_access (member_id, actor, actor_roles, fields, purpose, request_id)
       SELECT m, $2, $3::text[], ARRAY['idNumber','phone'], 'export', $4 FROM unnest($1::uuid[]) AS u(m)`,
      [memberIds, caller.subject, caller.roles, requestId],
    );
  }
}
