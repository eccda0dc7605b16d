/** A person's name as shown to those who may not see it: the surname only (张**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

/** A contact (phone or other) shown masked: first three and last two characters kept. */
export function maskContact(contact: string): string {
  const chars = [...contact.trim()];
  if (chars.length <= 5) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 5) + chars.slice(-2).join('');
}
