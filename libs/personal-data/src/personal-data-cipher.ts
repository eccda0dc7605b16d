import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (ID numbers, phones, residents' names and contacts): AES-256-GCM
 * (random 12-byte IV, auth tag) so a database dump alone reveals nothing, and an HMAC-SHA256
 * keyed hash for uniqueness and lookup. Encryption and hashing use keys derived from the one
 * configured key and the owning service's name, so one service's ciphertext means nothing to
 * another's keys.
 */
export class PersonalDataCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  /** `service` names the owner of the data (`membership`, `pairing`); it must never change once data is written. */
  constructor(hexKey: string, service: string) {
    const key = Buffer.from(hexKey, 'hex');
    if (key.length !== 32) throw new Error('PERSONAL_DATA_KEY must be 32 bytes (64 hex characters)');
    this.encryptionKey = createHmac('sha256', key).update(`partybuild/${service}/encryption`).digest();
    this.hashKey = createHmac('sha256', key).update(`partybuild/${service}/lookup`).digest();
  }

  /** `v1:` iv, tag and ciphertext in base64. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    if (!sealed.startsWith('v1:')) throw new Error('unknown personal data format');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash: equal values hash alike, but nobody without the key can test a guess. */
  lookupHash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('hex');
  }
}
