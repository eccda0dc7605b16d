/**
 * Urban–rural pairing at a district's scale, driven through the services' own APIs so that every
 * event is real: agency branches (with their department categories) and community branches
 * created through the gateway, their members through the membership CSV import, the communities'
 * profiles and the agencies' capacities set in pairing, then household visits imported as CSV
 * parts (each all or nothing), one problem every so many rows, assigned to a community with the
 * default deadline, so the earlier ones are overdue on `today`.
 *
 *   node tools/run.js tools/generate/pairing-district.ts --url http://127.0.0.1:4000/graphql --token <admin token> \
 *        [--size liwan|small] [--today 2026-11-22] [--tag L]
 */
import { graphql } from '../dev/graphql-client';
import { inParallel } from '../dev/concurrency';
import { districtMembersCsv, importDistrictMembers, random } from './district';

export interface PairingDistrictSize {
  agencies: number;
  communities: number;
  /** Members registered in each agency and community branch. */
  membersPerBranch: number;
  visits: number;
  problems: number;
  /** Rows of one CSV part (the service takes at most 5 000). */
  rowsPerPart: number;
}

/** 荔湾区: 55 agencies, 212 communities, 250 000 household visits, 10 000 problems. */
export const LIWAN_PAIRING: PairingDistrictSize = {
  agencies: 55,
  communities: 212,
  membersPerBranch: 5,
  visits: 250_000,
  problems: 10_000,
  rowsPerPart: 5000,
};
/** Small enough for a test. */
export const SMALL_PAIRING: PairingDistrictSize = {
  agencies: 3,
  communities: 4,
  membersPerBranch: 2,
  visits: 60,
  problems: 6,
  rowsPerPart: 25,
};

export interface PairingDistrict {
  rootId: string;
  agencies: Array<{ id: string; code: string }>;
  communities: Array<{ id: string; code: string; villageType: string }>;
  members: number;
  visits: number;
  problems: number;
}

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const CATEGORIES = ['POLITICAL_LEGAL', 'ECONOMIC', 'PARTY_AND_MASS', 'OTHER'];
const TYPES = ['DISORDERLY', 'POOR', 'WEAK_ORGANIZATION', 'ORDINARY'];
/** Pairing's copy of the tree and members follows the events a moment later. */
const LAGGING = new Set(['ORGANIZATION_NOT_FOUND', 'MEMBER_NOT_FOUND', 'VISIT_ROWS_INVALID']);

/** A call that waits for pairing to learn what the other services just wrote. */
async function patiently<T = any>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const result = await graphql<T>(url, token, query, variables);
    if (!result.errors) return result.data as T;
    const code = String(result.errors[0].extensions?.code);
    if (!LAGGING.has(code) || attempt > 300) throw new Error(`pairing district: ${JSON.stringify(result.errors).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const dayBefore = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export async function generatePairingDistrict(
  url: string,
  token: string,
  size: PairingDistrictSize,
  options: { today: string; tag: string; seed?: number },
): Promise<PairingDistrict> {
  const next = random(options.seed ?? 2026);
  const create = async (input: Record<string, unknown>) => {
    const result = await graphql(url, token, CREATE, { input });
    if (result.errors) throw new Error(`createOrganization: ${JSON.stringify(result.errors)}`);
    return result.data.createOrganization.id as string;
  };
  const tag = options.tag;
  const rootId = await create({ code: tag, name: `${tag}区委`, kind: 'WORKING_COMMITTEE', sector: 'AGENCY' });
  const agencySpecs = Array.from({ length: size.agencies }, (_, i) => ({
    code: `${tag}-A${String(i + 1).padStart(3, '0')}`,
    category: CATEGORIES[Math.floor(next() * CATEGORIES.length)],
  }));
  const communitySpecs = Array.from({ length: size.communities }, (_, i) => ({
    code: `${tag}-C${String(i + 1).padStart(3, '0')}`,
    villageType: TYPES[Math.floor(next() * TYPES.length)],
  }));
  const agencyIds = await inParallel(agencySpecs, 8, (a, i) =>
    create({
      code: a.code,
      name: `${tag}区第${i + 1}局机关党支部`,
      kind: 'BRANCH',
      sector: 'AGENCY',
      departmentCategory: a.category,
      parentId: rootId,
    }),
  );
  const communityIds = await inParallel(communitySpecs, 8, (c, i) =>
    create({ code: c.code, name: `${tag}区第${i + 1}社区党支部`, kind: 'BRANCH', sector: 'COMMUNITY', parentId: rootId }),
  );
  const agencies = agencySpecs.map((a, i) => ({ id: agencyIds[i], code: a.code }));
  const communities = communitySpecs.map((c, i) => ({ id: communityIds[i], code: c.code, villageType: c.villageType }));

  // Members of every branch, through the membership import; the agencies' members are the visitors.
  const codes = [...agencies, ...communities].map((b) => b.code);
  const csv = districtMembersCsv(codes, codes.length * size.membersPerBranch, options.seed ?? 2026);
  // Membership learns the new branches from the organisation events a moment later; an import is all or nothing.
  let imported = 0;
  for (let attempt = 0; !imported; attempt += 1) {
    try {
      imported = (await importDistrictMembers(url, token, csv)).imported;
    } catch (error) {
      if (attempt > 100 || !/branchCode/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  const MEMBERS = `query($id: ID!) { organization(id: $id) { members(first: 50) { items { id } } } }`;
  const visitors = (
    await inParallel(agencies.slice(0, 20), 4, async (a) => {
      const data = await patiently(url, token, MEMBERS, { id: a.id });
      return data.organization.members.items.map((m: { id: string }) => m.id) as string[];
    })
  ).flat();

  await inParallel(communities, 4, (c) =>
    patiently(url, token, `mutation($input: VillageProfileInput!) { setVillageProfile(input: $input) { organizationId } }`, {
      input: { organizationId: c.id, villageType: c.villageType, facts: [], households: 1000 + Math.floor(next() * 3000) },
    }),
  );
  await inParallel(agencies, 4, (a) =>
    patiently(url, token, `mutation($id: ID!, $c: Int!) { setPairingCapacity(organizationId: $id, capacity: $c) }`, {
      id: a.id,
      c: 2 + Math.floor(next() * 4),
    }),
  );

  // Visits: a team's days per part, the communities in turn; a problem every `every` rows.
  const every = Math.max(1, Math.floor(size.visits / size.problems));
  const header = 'household,visitedOn,visitors,note,problemCategory,problemDescription,assignee,deadline\n';
  const IMPORT = `mutation($org: ID!, $csv: String!) { importVisitsCsv(organizationId: $org, csv: $csv) { visits problems } }`;
  let visits = 0;
  let problems = 0;
  let planned = 0;
  for (let part = 0; visits < size.visits; part++) {
    const community = communities[part % communities.length];
    const lines: string[] = [];
    for (let i = 0; i < size.rowsPerPart && visits + lines.length < size.visits; i++) {
      const row = visits + lines.length;
      const day = dayBefore(options.today, 1 + (row % 300));
      const problem =
        row % every === 0 && planned < size.problems
          ? `基础设施,道路破损第${++planned}处,${communities[row % communities.length].code},`
          : ',,,';
      lines.push(`${community.code}-${i + 1}号,${day},${visitors[row % visitors.length]},,${problem}`);
    }
    const data = await patiently(url, token, IMPORT, { org: community.id, csv: header + lines.join('\n') });
    visits += data.importVisitsCsv.visits;
    problems += data.importVisitsCsv.problems;
  }
  return { rootId, agencies, communities, members: imported, visits, problems };
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
      'usage: node tools/run.js tools/generate/pairing-district.ts --url <gateway> --token <admin token> [--size liwan|small] [--today YYYY-MM-DD] [--tag L]\n',
    );
    process.exit(2);
  }
  const size = arg('size', 'liwan') === 'small' ? SMALL_PAIRING : LIWAN_PAIRING;
  const started = performance.now();
  const district = await generatePairingDistrict(url, token, size, {
    today: arg('today', new Date().toISOString().slice(0, 10))!,
    tag: arg('tag', 'L')!,
  });
  process.stdout.write(
    `${district.agencies.length} agencies, ${district.communities.length} communities, ${district.members} members, ` +
      `${district.visits} visits, ${district.problems} problems in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
