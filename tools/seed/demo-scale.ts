/**
 * The demo district at the scale of the Hechuan essay: 5 agency Party committees, 6 general
 * branches and 243 branches with a few thousand members and a year of meetings with
 * attendance, added under the hand-made demo tree through the services' own APIs (so every
 * event, figure and chart is real). The tree and the members are there when `npm start`
 * prints its URLs; the year of meetings keeps arriving for a little while after.
 */
import { inParallel } from '../dev/concurrency';
import { mustQuery } from '../dev/graphql-client';
import { districtMembersCsv, importDistrictMembers, random } from '../generate/district';
import { lastMonths, patiently, recordMeetings } from '../generate/realistic-district';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const FIND = `query($code: String!) { organizationByCode(code: $code) { id } }`;

interface UnitPlan {
  /** An existing committee of the hand-made demo, or a new one. */
  committee: { code: string; name?: string; departmentCategory?: string };
  sector: string;
  /** Branches directly under the committee: the name of the n-th (1-based). */
  branches: { count: number; name: (n: number) => string };
  generalBranches?: Array<{ code: string; name: string; sector: string; branches: { count: number; name: (n: number) => string } }>;
}

/** 243 branches in all with the hand-made ones; the names are fictional but of the usual shape. */
const PLAN: UnitPlan[] = [
  { committee: { code: 'HC-JT' }, sector: 'AGENCY', branches: { count: 18, name: (n) => `合川区交通局机关第${n + 2}党支部` } },
  { committee: { code: 'HC-ZF' }, sector: 'AGENCY', branches: { count: 12, name: (n) => `合川区政法委机关第${n + 2}党支部` } },
  {
    committee: { code: 'HC-CZ', name: '合川区财政局机关党委', departmentCategory: 'ECONOMIC' },
    sector: 'AGENCY',
    branches: { count: 24, name: (n) => `合川区财政局机关第${n}党支部` },
    generalBranches: [
      {
        code: 'HC-CZ-SY',
        name: '合川区财政局直属事业单位党总支',
        sector: 'PUBLIC_INSTITUTION',
        branches: { count: 8, name: (n) => `合川区财政局直属事业单位第${n}党支部` },
      },
    ],
  },
  {
    committee: { code: 'HC-JW', name: '合川区教育委员会机关党委', departmentCategory: 'PARTY_AND_MASS' },
    sector: 'AGENCY',
    branches: { count: 10, name: (n) => `合川区教育委员会机关第${n}党支部` },
    generalBranches: [
      {
        code: 'HC-JW-ZX',
        name: '合川区教委直属中学党总支',
        sector: 'PUBLIC_INSTITUTION',
        branches: { count: 36, name: (n) => `合川区第${n}中学党支部` },
      },
      {
        code: 'HC-JW-XX',
        name: '合川区教委直属小学党总支',
        sector: 'PUBLIC_INSTITUTION',
        branches: { count: 40, name: (n) => `合川区第${n}小学党支部` },
      },
    ],
  },
  {
    committee: { code: 'HC-WJ', name: '合川区卫生健康委员会机关党委', departmentCategory: 'OTHER' },
    sector: 'AGENCY',
    branches: { count: 12, name: (n) => `合川区卫生健康委员会机关第${n}党支部` },
    generalBranches: [
      {
        code: 'HC-WJ-YY',
        name: '合川区区属医院党总支',
        sector: 'PUBLIC_INSTITUTION',
        branches: { count: 35, name: (n) => (n <= 20 ? `合川区人民医院第${n}党支部` : `合川区中医院第${n - 20}党支部`) },
      },
    ],
  },
  {
    committee: { code: 'HC-QT' },
    sector: 'RURAL',
    branches: { count: 38, name: (n) => `钱塘镇${VILLAGES[(n - 1) % VILLAGES.length]}村党支部` },
  },
];

const VILLAGES = [
  ...'石龙 白鹤 青龙 大石 新华 红星 长乐 太平 双河 高峰 黄桥 柏林 平安 团结 永兴 龙泉 金鸡 三江 五福 清平 兴隆 东升 凤凰 桃源 杨柳 杉木 花园 麻柳 古楼 油房 马鞍 石门 新民 仁和 光明 沙坝 狮子 观音'.split(
    ' ',
  ),
];

const MEMBERS_PER_BRANCH = 12;

export interface ScaledDemo {
  branches: number;
  members: number;
  /** Resolves when the year of meetings is recorded. */
  meetings: Promise<number>;
}

/** Adds the scale to the demo district once (a second start finds it there and does nothing). */
export async function seedDemoAtScale(url: string, token: string, today: string, say: (line: string) => void): Promise<ScaledDemo | null> {
  if (await exists(url, token, 'HC-CZ')) return null;
  const create = async (input: Record<string, unknown>) => (await mustQuery(url, token, CREATE, { input })).createOrganization.id as string;
  const branches: Array<{ id: string; code: string; groupIds: string[]; unit: string }> = [];
  for (const unit of PLAN) {
    const committeeId = unit.committee.name
      ? await create({
          code: unit.committee.code,
          name: unit.committee.name,
          kind: 'PARTY_COMMITTEE',
          sector: 'AGENCY',
          departmentCategory: unit.committee.departmentCategory,
          parentId: await idOf(url, token, 'HC'),
        })
      : await idOf(url, token, unit.committee.code);
    const groups = [
      { parentId: committeeId, code: `${unit.committee.code}-D`, sector: unit.sector, spec: unit.branches },
      ...(unit.generalBranches ?? []).map((g) => ({ general: g })),
    ];
    for (const group of groups) {
      let parentId: string, code: string, sector: string, spec: UnitPlan['branches'];
      if ('general' in group) {
        parentId = await create({
          code: group.general.code,
          name: group.general.name,
          kind: 'GENERAL_BRANCH',
          sector: group.general.sector,
          parentId: committeeId,
        });
        ({ code, sector, branches: spec } = group.general);
      } else {
        ({ parentId, code, sector, spec } = group);
      }
      const made = await inParallel(
        Array.from({ length: spec.count }, (_, i) => i + 1),
        8,
        async (n) => {
          const branchCode = `${code}-${String(n).padStart(2, '0')}`;
          const name = spec.name(n);
          return {
            id: await create({ code: branchCode, name, kind: 'BRANCH', sector, parentId }),
            code: branchCode,
            groupIds: [],
            unit: name.replace(/第\d+党支部$|党支部$/, ''),
          };
        },
      );
      branches.push(...made);
    }
  }
  say(`demo at scale: ${branches.length} more branches`);
  const unitOf = new Map(branches.map((b) => [b.code, b.unit]));
  const csv = districtMembersCsv(
    branches.map((b) => b.code),
    branches.length * MEMBERS_PER_BRANCH,
    1949,
    (code) => unitOf.get(code) ?? '',
  );
  const { imported } = await patiently(() => importDistrictMembers(url, token, csv));
  say(`demo at scale: ${imported} more members`);
  const months = lastMonths(today, Number(today.slice(5, 7)) - 1);
  const meetings = recordMeetings(url, token, branches, months, random(11));
  return { branches: branches.length, members: imported, meetings };
}

async function exists(url: string, token: string, code: string): Promise<boolean> {
  return mustQuery(url, token, FIND, { code }).then(
    () => true,
    () => false,
  );
}

const idOf = async (url: string, token: string, code: string): Promise<string> =>
  (await mustQuery(url, token, FIND, { code })).organizationByCode.id;
