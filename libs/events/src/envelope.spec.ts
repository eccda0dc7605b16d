import { createEnvelope, parseEnvelope, topicForType, understands } from './envelope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sample = () =>
  createEnvelope('organization', {
    type: 'organization.created',
    aggregateId: 'org-42',
    organizationId: 'org-42',
    organizationPath: ['org-1', 'org-7', 'org-42'],
    actor: 'user-9',
    data: { name: 'Third branch' },
    occurredAt: new Date('2026-03-01T08:30:00Z'),
  });

describe('createEnvelope', () => {
  it('uses the CloudEvents attribute names with our extensions', () => {
    const envelope = sample();

    expect(Object.keys(envelope).sort()).toEqual(
      [
        'actor',
        'data',
        'datacontenttype',
        'id',
        'organizationid',
        'organizationpath',
        'organizationpathtext',
        'schemaversion',
        'source',
        'specversion',
        'subject',
        'time',
        'type',
      ].sort(),
    );
    expect(envelope).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(UUID),
      source: 'partybuild/organization',
      type: 'organization.created',
      subject: 'org-42',
      time: '2026-03-01T08:30:00.000Z',
      datacontenttype: 'application/json',
      schemaversion: 2,
      organizationid: 'org-42',
      organizationpath: ['org-1', 'org-7', 'org-42'],
      organizationpathtext: 'org-1/org-7/org-42',
      actor: 'user-9',
      data: { name: 'Third branch' },
    });
  });

  it('gives every event its own id, the current time by default and the requested schema version', () => {
    const before = Date.now();
    const a = createEnvelope('membership', {
      type: 'membership.joined',
      aggregateId: 'm-1',
      organizationId: null,
      organizationPath: [],
      actor: 'system',
      data: {},
      schemaVersion: 3,
    });
    const b = sample();

    expect(a.id).not.toBe(b.id);
    expect(a.schemaversion).toBe(3);
    expect(a.organizationid).toBeNull();
    expect(new Date(a.time).toISOString()).toBe(a.time);
    expect(Date.parse(a.time)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(a.time)).toBeLessThanOrEqual(Date.now());
  });
});

describe('topicForType', () => {
  it('puts each producing service on its own topic', () => {
    expect(topicForType('organization.created')).toBe('partybuild.organization');
    expect(topicForType('organization.committee.term.started')).toBe('partybuild.organization');
    expect(topicForType('membership.joined')).toBe('partybuild.membership');
  });
});

describe('parseEnvelope', () => {
  const valid = () => JSON.parse(JSON.stringify(sample())) as Record<string, unknown>;
  const without = (name: string) => {
    const value = valid();
    delete value[name];
    return JSON.stringify(value);
  };
  const withValue = (name: string, v: unknown) => JSON.stringify({ ...valid(), [name]: v });

  it('accepts a well-formed envelope and returns it unchanged', () => {
    const envelope = sample();
    const parsed = parseEnvelope(JSON.stringify(envelope));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.envelope).toEqual(envelope);
  });

  it.each([
    ['not JSON', '{"specversion": "1.0", ', 'not JSON'],
    ['JSON that is not an object', '"just a string"', 'not an object'],
    ['null', 'null', 'not an object'],
    ['a wrong specversion', withValue('specversion', '0.3'), 'specversion'],
    ['a numeric specversion', withValue('specversion', 1), 'specversion'],
    ['a missing id', without('id'), 'id is missing'],
    ['an empty id', withValue('id', ''), 'id is missing'],
    ['a missing type', without('type'), 'type is missing'],
    ['a non-string type', withValue('type', 7), 'type is missing'],
    ['a missing subject', without('subject'), 'subject is missing'],
    ['a fractional schemaversion', withValue('schemaversion', 1.5), 'schemaversion'],
    ['a string schemaversion', withValue('schemaversion', '1'), 'schemaversion'],
    ['a missing schemaversion', without('schemaversion'), 'schemaversion'],
    ['an organizationpath that is not a list', withValue('organizationpath', 'org-1/org-7'), 'organizationpath'],
    ['a missing organizationpath', without('organizationpath'), 'organizationpath'],
    ['data that is not an object', withValue('data', 'hello'), 'data'],
    ['null data', withValue('data', null), 'data'],
  ])('rejects %s with a reason instead of throwing', (_what, raw, reason) => {
    const parsed = parseEnvelope(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('schema versions', () => {
  it('lets a handler of version 1 read version 2 of an organisation event, whose data is unchanged, but not an unknown version', () => {
    expect(understands([1], 1, 'organization.created')).toBe(true);
    expect(understands([1], 2, 'organization.created')).toBe(true);
    expect(understands([1], 2, 'activity.held')).toBe(true);
    expect(understands([1], 3, 'activity.attendance-recorded')).toBe(true);
    expect(understands([1], 4, 'activity.attendance-recorded')).toBe(false);
    expect(understands([2], 1, 'organization.created')).toBe(false);
    expect(understands([1], 3, 'organization.created')).toBe(false);
  });

  it('does not let a handler of membership version 1 read version 2, whose data changed (dues), but reads 3 as 2', () => {
    expect(understands([1], 2, 'membership.member.registered')).toBe(false);
    expect(understands([1, 2], 3, 'membership.member.registered')).toBe(true);
    expect(understands([1], 3, 'membership.member.registered')).toBe(false);
  });

  it('gives a version-1 event, which has no text path, the path as text when it is read', () => {
    const { organizationpathtext, ...v1 } = { ...sample(), schemaversion: 1 };
    expect(organizationpathtext).toBe('org-1/org-7/org-42');
    const parsed = parseEnvelope(JSON.stringify(v1));
    expect(parsed.ok && parsed.envelope.organizationpathtext).toBe('org-1/org-7/org-42');
    const root = parseEnvelope(JSON.stringify({ ...v1, organizationpath: [] }));
    expect(root.ok && root.envelope.organizationpathtext).toBe('');
  });
});
