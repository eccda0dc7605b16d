import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from './personal-data-cipher';

describe('personal data at rest', () => {
  const cipher = new PersonalDataCipher(randomBytes(32).toString('hex'));

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1949');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
  });

  it('detects tampering and hashes with the key', () => {
    const sealed = cipher.encrypt('13812345678');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[30] ^= 1;
    const tampered = `v1:${raw.toString('base64')}`;
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(cipher.lookupHash('x')).toBe(cipher.lookupHash('x'));
    expect(new PersonalDataCipher(randomBytes(32).toString('hex')).lookupHash('x')).not.toBe(cipher.lookupHash('x'));
  });
});
