import { PersonalDataCipher as SharedCipher } from '@partybuild/personal-data';

/** ID numbers and phones at rest, under the membership service's own derived keys. */
export class PersonalDataCipher extends SharedCipher {
  constructor(hexKey: string) {
    super(hexKey, 'membership');
  }
}
