import { OrganizationKind as K } from './organization-kind';
import { assertNoCycle, assertParentAllowed, childPath } from './placement';

const org = (id: string, kind: K, ancestorIds: string[] = []) => ({ id, name: `org ${id}`, kind, ancestorIds });

describe('placement rules', () => {
  it('accepts the regular chain working committee → Party committee → general branch → branch → Party group', () => {
    expect(() => assertParentAllowed(K.PARTY_COMMITTEE, org('w', K.WORKING_COMMITTEE))).not.toThrow();
    expect(() => assertParentAllowed(K.GENERAL_BRANCH, org('c', K.PARTY_COMMITTEE))).not.toThrow();
    expect(() => assertParentAllowed(K.BRANCH, org('g', K.GENERAL_BRANCH))).not.toThrow();
    expect(() => assertParentAllowed(K.PARTY_GROUP, org('b', K.BRANCH))).not.toThrow();
    expect(() => assertParentAllowed(K.PARTY_GROUP, org('j', K.JOINT_BRANCH))).not.toThrow();
  });

  it('refuses a Party group directly under a Party committee, naming where it may go', () => {
    expect(() => assertParentAllowed(K.PARTY_GROUP, org('c', K.PARTY_COMMITTEE))).toThrow(
      expect.objectContaining({ code: 'PARENT_KIND_NOT_ALLOWED', message: expect.stringContaining('只能设在：党支部') }),
    );
  });

  it('refuses a branch under a branch and a general branch under a general branch', () => {
    expect(() => assertParentAllowed(K.BRANCH, org('b', K.BRANCH))).toThrow(expect.objectContaining({ code: 'PARENT_KIND_NOT_ALLOWED' }));
    expect(() => assertParentAllowed(K.GENERAL_BRANCH, org('g', K.GENERAL_BRANCH))).toThrow(
      expect.objectContaining({ code: 'PARENT_KIND_NOT_ALLOWED' }),
    );
  });

  it('lets only working committees and Party committees stand at the top', () => {
    expect(() => assertParentAllowed(K.WORKING_COMMITTEE, null)).not.toThrow();
    expect(() => assertParentAllowed(K.PARTY_COMMITTEE, null)).not.toThrow();
    expect(() => assertParentAllowed(K.BRANCH, null)).toThrow(expect.objectContaining({ code: 'PARENT_KIND_NOT_ALLOWED' }));
  });

  it('refuses to move an organisation under itself or its own descendant', () => {
    const moved = org('a', K.PARTY_COMMITTEE, ['root']);
    expect(() => assertNoCycle(moved, org('a', K.PARTY_COMMITTEE, ['root']))).toThrow(
      expect.objectContaining({ code: 'MOVE_WOULD_CREATE_CYCLE' }),
    );
    expect(() => assertNoCycle(moved, org('d', K.PARTY_COMMITTEE, ['root', 'a', 'c']))).toThrow(
      expect.objectContaining({ code: 'MOVE_WOULD_CREATE_CYCLE' }),
    );
    expect(() => assertNoCycle(moved, org('s', K.PARTY_COMMITTEE, ['root']))).not.toThrow();
  });

  it('places a child below its parent, root first', () => {
    expect(childPath(org('b', K.BRANCH, ['root', 'c']))).toEqual(['root', 'c', 'b']);
    expect(childPath(null)).toEqual([]);
  });
});
