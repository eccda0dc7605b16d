import { checkCharacter } from '@partybuild/app-membership';
import { graphql, mustQuery } from '../dev/graphql-client';

/** One organisation of the demo tree and what stands under it. */
interface Node {
  code: string;
  name: string;
  kind: string;
  sector: string;
  departmentCategory?: string;
  hostingUnit?: string;
  staffCount?: number;
  fullTimeCadres?: number;
  /** Election date of the current committee, and its secretary. */
  elected?: { heldOn: string; secretary: string };
  children?: Node[];
}

const branch = (code: string, name: string, sector: string, extra: Partial<Node> = {}): Node => ({
  code,
  name,
  kind: 'BRANCH',
  sector,
  ...extra,
});
const group = (code: string, name: string, sector: string): Node => ({ code, name, kind: 'PARTY_GROUP', sector });

/** A small district in the shape the source essays describe (合川区-like names). */
export const DEMO_DISTRICT: Node = {
  code: 'HC',
  name: '合川区直属机关工作委员会',
  kind: 'WORKING_COMMITTEE',
  sector: 'AGENCY',
  elected: { heldOn: '2022-06-18', secretary: '王建国' },
  children: [
    {
      code: 'HC-JT',
      name: '合川区交通局机关党委',
      kind: 'PARTY_COMMITTEE',
      sector: 'AGENCY',
      departmentCategory: 'ECONOMIC',
      hostingUnit: '合川区交通局',
      staffCount: 186,
      fullTimeCadres: 2,
      elected: { heldOn: '2021-12-20', secretary: '李明' },
      children: [
        branch('HC-JT-01', '合川区交通局机关党支部', 'AGENCY', {
          departmentCategory: 'ECONOMIC',
          hostingUnit: '合川区交通局',
          elected: { heldOn: '2023-03-15', secretary: '张伟' },
          children: [
            group('HC-JT-01-G1', '合川区交通局机关党支部第一党小组', 'AGENCY'),
            group('HC-JT-01-G2', '合川区交通局机关党支部第二党小组', 'AGENCY'),
          ],
        }),
        {
          code: 'HC-JT-YG',
          name: '合川区运输管理所党总支',
          kind: 'GENERAL_BRANCH',
          sector: 'PUBLIC_INSTITUTION',
          hostingUnit: '合川区运输管理所',
          elected: { heldOn: '2022-09-01', secretary: '陈静' },
          children: [
            branch('HC-JT-YG-01', '合川区运输管理所第一党支部', 'PUBLIC_INSTITUTION', {
              elected: { heldOn: '2024-04-10', secretary: '刘洋' },
            }),
            branch('HC-JT-YG-02', '合川区运输管理所第二党支部', 'PUBLIC_INSTITUTION'),
          ],
        },
      ],
    },
    {
      code: 'HC-ZF',
      name: '合川区政法委机关党委',
      kind: 'PARTY_COMMITTEE',
      sector: 'AGENCY',
      departmentCategory: 'POLITICAL_LEGAL',
      hostingUnit: '合川区委政法委',
      staffCount: 64,
      fullTimeCadres: 1,
      elected: { heldOn: '2020-11-05', secretary: '赵强' },
      children: [
        branch('HC-ZF-01', '合川区政法委机关党支部', 'AGENCY', {
          departmentCategory: 'POLITICAL_LEGAL',
          elected: { heldOn: '2023-12-01', secretary: '孙丽' },
          children: [group('HC-ZF-01-G1', '合川区政法委机关党支部党小组', 'AGENCY')],
        }),
        branch('HC-ZF-02', '合川区司法局机关党支部', 'AGENCY', { departmentCategory: 'POLITICAL_LEGAL' }),
      ],
    },
    {
      code: 'HC-QT',
      name: '钱塘镇党委',
      kind: 'PARTY_COMMITTEE',
      sector: 'RURAL',
      elected: { heldOn: '2021-10-12', secretary: '周平' },
      children: [
        branch('HC-QT-DZ', '钱塘镇大柱村党支部', 'RURAL', {
          elected: { heldOn: '2024-01-08', secretary: '吴红' },
          children: [group('HC-QT-DZ-G1', '大柱村第一党小组', 'RURAL'), group('HC-QT-DZ-G2', '大柱村第二党小组', 'RURAL')],
        }),
        branch('HC-QT-HL', '钱塘镇黄龙村党支部', 'RURAL', { elected: { heldOn: '2023-02-20', secretary: '郑军' } }),
        {
          code: 'HC-QT-SQ',
          name: '钱塘镇社区党总支',
          kind: 'GENERAL_BRANCH',
          sector: 'COMMUNITY',
          children: [
            branch('HC-QT-SQ-01', '钱塘镇滨江社区党支部', 'COMMUNITY'),
            { code: 'HC-QT-SQ-LH', name: '钱塘镇商户联合党支部', kind: 'JOINT_BRANCH', sector: 'NEW_ECONOMIC_SOCIAL' },
          ],
        },
      ],
    },
  ],
};

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const ELECT = `mutation($input: RecordElectionInput!) { recordElection(input: $input) { id } }`;
const FIND = `query($code: String!) { organizationByCode(code: $code) { id } }`;

/** Creates the demo tree through the gateway (so every event is real); skips it if present. */
export async function seedDemoDistrict(
  url: string,
  token: string,
  root: Node = DEMO_DISTRICT,
): Promise<{ rootId: string; created: number }> {
  const existing = await mustQuery<{ organizationByCode: { id: string } }>(url, token, FIND, { code: root.code }).catch(() => null);
  if (existing) return { rootId: existing.organizationByCode.id, created: 0 };
  let created = 0;
  const create = async (node: Node, parentId: string | null): Promise<string> => {
    const { children, elected, ...fields } = node;
    const { createOrganization } = await mustQuery(url, token, CREATE, { input: { ...fields, parentId } });
    created += 1;
    if (elected) {
      await mustQuery(url, token, ELECT, {
        input: {
          organizationId: createOrganization.id,
          heldOn: elected.heldOn,
          committee: [{ personName: elected.secretary, role: 'SECRETARY' }],
        },
      });
    }
    for (const child of children ?? []) await create(child, createOrganization.id);
    return createOrganization.id;
  };
  const rootId = await create(root, null);
  if (root === DEMO_DISTRICT) await seedDemoMembers(url, token);
  return { rootId, created };
}

/** A valid ID number (GB 11643) for the demo people: region 500117 (合川区), a birth date, a sequence. */
const demoIdNumber = (birth: string, seq: number) => {
  const first17 = `500117${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
};

/** Demo people: [branch code, name, birth date, category, stage, dates]. Fictional; phones are not real numbers. */
const DEMO_MEMBERS: Array<[string, string, string, string, string, Record<string, string>]> = [
  ['HC-JT-01', '张伟', '1972-03-14', 'IN_SERVICE', 'FULL', { joinedOn: '1996-07-01' }],
  ['HC-JT-01', '李秀英', '1978-09-02', 'IN_SERVICE', 'FULL', { joinedOn: '2001-06-20' }],
  ['HC-JT-01', '王磊', '1985-11-23', 'IN_SERVICE', 'FULL', { joinedOn: '2010-05-04' }],
  ['HC-JT-01', '陈晨', '2000-04-15', 'IN_SERVICE', 'APPLICANT', {}],
  ['HC-JT-01', '刘洋', '1996-01-08', 'IN_SERVICE', 'ACTIVIST', { activistSince: '2025-10-09' }],
  ['HC-JT-01', '赵敏', '1994-06-30', 'IN_SERVICE', 'PROBATIONARY', { joinedOn: '2025-12-10' }],
  ['HC-JT-01', '周建国', '1955-02-17', 'RETIRED', 'FULL', { joinedOn: '1978-10-01' }],
  ['HC-ZF-01', '孙丽', '1980-12-12', 'IN_SERVICE', 'FULL', { joinedOn: '2004-07-01' }],
  ['HC-ZF-01', '吴强', '1987-07-07', 'IN_SERVICE', 'FULL', { joinedOn: '2012-06-01' }],
  ['HC-QT-DZ', '吴红', '1968-05-05', 'FARMER', 'FULL', { joinedOn: '1992-07-01' }],
  ['HC-QT-DZ', '郑军', '1975-08-18', 'FARMER', 'FULL', { joinedOn: '2000-07-01' }],
  ['HC-QT-DZ', '黄小梅', '2003-03-03', 'STUDENT', 'APPLICANT', {}],
];

const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;

/** Registers the demo people through the gateway once the tree has reached the membership service. */
async function seedDemoMembers(url: string, token: string): Promise<void> {
  for (const [i, [code, name, birth, category, stage, dates]] of DEMO_MEMBERS.entries()) {
    const { organizationByCode } = await mustQuery(url, token, FIND, { code });
    const input = {
      organizationId: organizationByCode.id,
      name,
      idNumber: demoIdNumber(birth, 11 + i * 2),
      phone: `1380000${String(1000 + i).padStart(4, '0')}`,
      category,
      stage,
      duesBaseFen: category === 'IN_SERVICE' ? 650_000 : category === 'RETIRED' ? 420_000 : category === 'FARMER' ? 50 : null,
      ...dates,
    };
    // The organisation events reach the membership service's copy of the tree a moment later.
    for (let attempt = 0; ; attempt += 1) {
      const result = await graphql(url, token, REGISTER, { input });
      if (!result.errors) break;
      if (result.errors[0].extensions?.code !== 'ORGANIZATION_UNKNOWN' || attempt > 100) {
        throw new Error(`registerMember ${name} failed: ${result.errors.map((e) => e.message).join('; ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
