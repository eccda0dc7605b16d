import { mustQuery } from '../dev/graphql-client';

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
  return { rootId: await create(root, null), created };
}
