import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, maskContact, maskName } from './index';

describe('personal data at rest', () => {
  const key = randomBytes(32).toString('hex');
  const cipher = new PersonalDataCipher(key, 'membership');

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
    expect(new PersonalDataCipher(randomBytes(32).toString('hex'), 'membership').lookupHash('x')).not.toBe(cipher.lookupHash('x'));
  });

  it("keeps one service's data closed to another service's derived keys", () => {
    const other = new PersonalDataCipher(key, 'pairing');
    expect(() => other.decrypt(cipher.encrypt('张三'))).toThrow();
    expect(other.lookupHash('x')).not.toBe(cipher.lookupHash('x'));
  });

  it('masks names and contacts', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('李*');
    expect(maskContact('13812345678')).toBe('138******78');
    expect(maskContact('123')).toBe('***');
  });
});
