import { checkCharacter, isPhone, maskIdNumber, maskPhone, parseIdNumber } from './id-number';

describe('ID numbers (GB 11643)', () => {
  it('computes the check character, including X', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });

  it('accepts a valid number and reads birth date and gender from it', () => {
    expect(parseIdNumber(' 11010519491231002x ')).toEqual({ value: '11010519491231002X', birthDate: '1949-12-31', gender: 'FEMALE' });
  });

  it.each([
    ['1101051949123100', /应为 18 位，所填为 16 位/],
    ['11010519491231002A', /只能由数字组成/],
    ['110105194913310021', /不是有效的出生日期/],
    ['110105194912310021', /校验码不符/],
  ])('refuses %s', (value, reason) => {
    expect(() => parseIdNumber(value)).toThrow(reason);
  });

  it('masks ID numbers and phones', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('**************002X');
    expect(maskPhone('13812345678')).toBe('*******5678');
    expect(maskPhone('0231234')).toBe('***1234');
    expect(maskPhone('123')).toBe('***');
    expect(isPhone('13812345678')).toBe(true);
    expect(isPhone('12345')).toBe(false);
  });
});
