/**
 * A generated district for benchmarks: a working committee, 20 Party committees and 600
 * branches created through the gateway (so the organisation events are real), and a members
 * CSV of 30 000 people (50 a branch) in the membership import format.
 *
 *   node tools/run.js tools/generate/district.ts --url http://127.0.0.1:4000/graphql --token <admin token> \
 *        [--branches 600] [--members 30000] [--out district-members.csv] [--import]
 *
 * The gateway takes JSON bodies up to 1 MB, so `importDistrictMembers` sends the file in
 * chunks under that size; each chunk is all-or-nothing.
 */
import { writeFileSync } from 'node:fs';
import { checkCharacter, csvLine, IMPORT_COLUMNS } from '@partybuild/app-membership';
import { graphql, mustQuery } from '../dev/graphql-client';
import { inParallel } from '../dev/concurrency';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const IMPORT = `mutation($csv: String!) { importMembers(csv: $csv) { imported totalErrors errors { row column message } } }`;

export interface GeneratedDistrict {
  rootId: string;
  rootCode: string;
  committees: string[];
  branches: Array<{ id: string; code: string }>;
}

/** A small deterministic generator (mulberry32), so two runs give the same district. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Creates the tree: root → committees → branches (codes `G-Cnn-Bnnn`). */
export async function createDistrictTree(url: string, token: string, branchCount = 600, prefix = 'G'): Promise<GeneratedDistrict> {
  const create = async (input: Record<string, unknown>) => (await mustQuery(url, token, CREATE, { input })).createOrganization.id as string;
  const rootId = await create({ code: prefix, name: '生成区直属机关工作委员会', kind: 'WORKING_COMMITTEE', sector: 'AGENCY' });
  const committeeCount = Math.max(1, Math.ceil(branchCount / 30));
  const committees = await inParallel(
    Array.from({ length: committeeCount }, (_, i) => i),
    8,
    (i) =>
      create({
        code: `${prefix}-C${String(i + 1).padStart(2, '0')}`,
        name: `生成区第${i + 1}机关党委`,
        kind: 'PARTY_COMMITTEE',
        sector: 'AGENCY',
        parentId: rootId,
      }),
  );
  const specs = Array.from({ length: branchCount }, (_, i) => ({
    code: `${prefix}-C${String((i % committeeCount) + 1).padStart(2, '0')}-B${String(i + 1).padStart(3, '0')}`,
    parentId: committees[i % committeeCount],
    i,
  }));
  const ids = await inParallel(specs, 8, (s) =>
    create({
      code: s.code,
      name: `生成区第${s.i + 1}党支部`,
      kind: 'BRANCH',
      sector: s.i % 3 === 0 ? 'COMMUNITY' : 'AGENCY',
      parentId: s.parentId,
    }),
  );
  return { rootId, rootCode: prefix, committees, branches: specs.map((s, i) => ({ id: ids[i], code: s.code })) };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅文斌宇浩凯鹏飞云海燕晨辉鑫俊'];
const CATEGORIES: Array<[string, number]> = [
  ['在职', 0.6],
  ['离退休', 0.22],
  ['农民', 0.1],
  ['学生', 0.03],
  ['下岗失业', 0.05],
];

/** The members CSV: `perBranch` people in each branch, unique valid ID numbers. */
export function districtMembersCsv(
  branchCodes: string[],
  total: number,
  seed = 2026,
  workUnitOf: (branchCode: string) => string = () => '生成区某单位',
): string {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const used = new Set<string>();
  const lines = [csvLine([...IMPORT_COLUMNS])];
  for (let i = 0; i < total; i += 1) {
    const year = 1950 + Math.floor(next() * 52);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    let seq = Math.floor(next() * 1000);
    let first17 = '';
    do {
      seq = (seq + 1) % 1000;
      first17 = `500117${birth}${String(seq).padStart(3, '0')}`;
    } while (used.has(first17));
    used.add(first17);
    const id = `${first17}${checkCharacter(first17)}`;
    const r = next();
    let acc = 0;
    const category = CATEGORIES.find(([, share]) => (acc += share) >= r)?.[0] ?? '在职';
    const joinedYear = Math.max(year + 19, 1975) + Math.floor(next() * 10);
    const probationary = joinedYear >= 2026 || next() < 0.03;
    const joinedOn = probationary ? `2026-0${1 + Math.floor(next() * 9)}-15` : `${Math.min(joinedYear, 2024)}-07-01`;
    const base =
      category === '在职'
        ? (2500 + Math.floor(next() * 12000)).toFixed(2)
        : category === '离退休'
          ? (2000 + Math.floor(next() * 6000)).toFixed(2)
          : category === '农民'
            ? '0.50'
            : '';
    lines.push(
      csvLine([
        `${pick(SURNAMES)}${pick(GIVEN)}${next() < 0.6 ? pick(GIVEN) : ''}`,
        id,
        Number(first17[16]) % 2 ? '男' : '女',
        '汉族',
        pick(['大学本科', '大专', '高中', '研究生', '初中']),
        next() < 0.8
          ? `13${Math.floor(next() * 1e9)
              .toString()
              .padStart(9, '0')}`
          : '',
        workUnitOf(branchCodes[i % branchCodes.length]),
        '',
        category,
        branchCodes[i % branchCodes.length],
        '',
        probationary ? '预备党员' : '正式党员',
        '',
        '',
        joinedOn,
        '',
        base,
        next() < 0.9 ? '2026-10' : '2026-03',
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Splits a CSV (header kept on each part) into parts under `maxBytes` of JSON. */
export function chunkCsv(csv: string, maxBytes = 900_000): string[] {
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const row of rows) {
    const bytes = Buffer.byteLength(JSON.stringify(row)) + 2;
    if (current.length && size + bytes > maxBytes) {
      chunks.push([header, ...current].join('\r\n'));
      current = [];
      size = 0;
    }
    current.push(row);
    size += bytes;
  }
  if (current.length) chunks.push([header, ...current].join('\r\n'));
  return chunks;
}

/** Imports the CSV through the gateway, chunk by chunk; returns the count and the time per chunk. */
export async function importDistrictMembers(
  url: string,
  token: string,
  csv: string,
): Promise<{ imported: number; chunks: number[]; sqlQueries: number[] }> {
  let imported = 0;
  const chunks: number[] = [];
  const sqlQueries: number[] = [];
  for (const part of chunkCsv(csv)) {
    const started = performance.now();
    const result = await graphql(url, token, IMPORT, { csv: part });
    chunks.push(performance.now() - started);
    sqlQueries.push(result.sqlQueries);
    const body = result.data?.importMembers;
    if (result.errors || !body || body.totalErrors) {
      throw new Error(`import failed: ${JSON.stringify(result.errors ?? body?.errors?.slice(0, 5))}`);
    }
    imported += body.imported;
  }
  return { imported, chunks, sqlQueries };
}

async function main() {
  const arg = (name: string, fallback?: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const url = arg('url');
  const token = arg('token');
  if (!url || !token) {
    process.stderr.write(
      'usage: node tools/run.js tools/generate/district.ts --url <gateway> --token <admin token> [--branches 600] [--members 30000] [--out file.csv] [--import]\n',
    );
    process.exit(2);
  }
  const district = await createDistrictTree(url, token, Number(arg('branches', '600')), arg('prefix', 'G'));
  const csv = districtMembersCsv(
    district.branches.map((b) => b.code),
    Number(arg('members', '30000')),
  );
  const out = arg('out', 'district-members.csv')!;
  writeFileSync(out, csv);
  process.stdout.write(
    `created ${district.branches.length} branches under ${district.rootCode}; wrote ${out} (${(csv.length / 1e6).toFixed(1)} MB)\n`,
  );
  if (process.argv.includes('--import')) {
    const { imported, chunks } = await importDistrictMembers(url, token, csv);
    process.stdout.write(
      `imported ${imported} members in ${chunks.length} chunk(s), ${(chunks.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s\n`,
    );
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
