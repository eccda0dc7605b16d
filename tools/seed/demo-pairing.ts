import { graphql } from '../dev/graphql-client';

/** Codes the pairing service may not know yet: its copy of the tree and members follows the events a moment later. */
const LAGGING = new Set(['ORGANIZATION_NOT_FOUND', 'MEMBER_NOT_FOUND']);

async function call<T = any>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const result = await graphql<T>(url, token, query, variables);
    if (!result.errors) return result.data as T;
    const code = result.errors[0].extensions?.code as string | undefined;
    if (!code || !LAGGING.has(code) || attempt > 100) {
      throw new Error(`pairing demo failed: ${result.errors.map((e) => `${e.message} (${code})`).join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const FIND = `query($code: String!) { organizationByCode(code: $code) { id } }`;
const MEMBERS = `query($code: String!) { organizationByCode(code: $code) { members(first: 50) { items { id name } } } }`;

/**
 * The demo district's urban–rural pairing: village profiles and agency capacities, the
 * suggestions taken up as one active pair (交通局 ↔ 大柱村) with a service, a member pair, a
 * fulfilled micro-wish and a day of visits with two problems (one resolved); the other
 * suggestions are left for a newcomer to see and activate.
 */
export async function seedDemoPairing(url: string, token: string): Promise<void> {
  const id = async (code: string) => (await call(url, token, FIND, { code })).organizationByCode.id as string;
  const member = async (code: string, name: string) => {
    const { organizationByCode } = await call(url, token, MEMBERS, { code });
    return organizationByCode.members.items.find((m: { name: string }) => m.name === name).id as string;
  };
  const profiles: Array<[string, string, string[], number, number]> = [
    ['HC-QT-DZ', 'POOR', ['2025年村集体经济收入不足5万元'], 2380, 712],
    ['HC-QT-HL', 'DISORDERLY', ['2025年矛盾纠纷和信访量居全镇前列'], 1960, 601],
    ['HC-QT-SQ-01', 'WEAK_ORGANIZATION', ['2025年三会一课落实率低于60%'], 5400, 2100],
  ];
  for (const [code, villageType, facts, population, households] of profiles) {
    await call(url, token, `mutation($input: VillageProfileInput!) { setVillageProfile(input: $input) { organizationId } }`, {
      input: { organizationId: await id(code), villageType, facts, population, households },
    });
  }
  for (const code of ['HC-JT', 'HC-ZF']) {
    await call(url, token, `mutation($id: ID!) { setPairingCapacity(organizationId: $id, capacity: 2) }`, { id: await id(code) });
  }
  const jt = await id('HC-JT');
  const dz = await id('HC-QT-DZ');
  const { proposePair } = await call(
    url,
    token,
    `mutation($input: ProposePairInput!) { proposePair(input: $input, idempotencyKey: "demo-pair-jt-dz") { id } }`,
    { input: { helperId: jt, helpedId: dz, rule: 'ECONOMIC→POOR', reason: '经济部门对口穷村：发展集体经济、带动增收' } },
  );
  await call(url, token, `mutation($id: ID!) { activatePair(id: $id, startsOn: "2026-01-01") { id } }`, { id: proposePair.id });

  const zhangWei = await member('HC-JT-01', '张伟');
  const wuHong = await member('HC-QT-DZ', '吴红');
  await call(
    url,
    token,
    `mutation($input: RecordServiceInput!) { recordPairingService(input: $input, idempotencyKey: "demo-service-1") { id } }`,
    {
      input: {
        pairId: proposePair.id,
        type: 'TECHNOLOGY',
        deliveredOn: '2026-03-12',
        beneficiaries: 46,
        funds: 12000,
        outcome: '引进柑橘嫁接技术，培训种植户46人',
        memberIds: [zhangWei, wuHong],
      },
    },
  );
  await call(
    url,
    token,
    `mutation($input: MemberPairInput!) { createMemberPair(input: $input, idempotencyKey: "demo-member-pair-1") { id } }`,
    {
      input: { agencyMemberId: zhangWei, ruralMemberId: wuHong, pairId: proposePair.id, startsOn: '2026-01-01' },
    },
  );
  const { postMicroWish } = await call(
    url,
    token,
    `mutation($input: PostWishInput!) { postMicroWish(input: $input, idempotencyKey: "demo-wish-1") { id } }`,
    { input: { organizationId: dz, title: '为留守儿童添置一套书桌', residentName: '示例群众', residentContact: '（示例）' } },
  );
  await call(url, token, `mutation($id: ID!, $m: ID!) { claimMicroWish(id: $id, memberId: $m) { id } }`, {
    id: postMicroWish.id,
    m: zhangWei,
  });
  await call(url, token, `mutation($id: ID!) { fulfilMicroWish(id: $id, evidence: "书桌已送到，照片存档 DZ-2026-001") { id } }`, {
    id: postMicroWish.id,
  });
  await call(
    url,
    token,
    `mutation($org: ID!, $visits: [VisitInput!]!) { recordVisits(organizationId: $org, visits: $visits, idempotencyKey: "demo-visits-1") { visits } }`,
    {
      org: dz,
      visits: [
        { household: '一组3号', visitedOn: '2026-04-18', visitorMemberIds: [zhangWei, wuHong] },
        {
          household: '一组5号',
          visitedOn: '2026-04-18',
          visitorMemberIds: [zhangWei],
          problem: { category: '基础设施', description: '入户便道雨天积水', assignee: 'HC-QT-DZ', deadline: '2026-05-10' },
        },
        {
          household: '二组1号',
          visitedOn: '2026-04-18',
          visitorMemberIds: [wuHong],
          problem: { category: '就业增收', description: '希望参加电商培训', assignee: 'HC-JT', deadline: '2026-06-30' },
        },
      ],
    },
  );
  const { overdueProblems } = await call(url, token, `query($a: ID!) { overdueProblems(assigneeId: $a) { items { id } } }`, { a: dz });
  for (const p of overdueProblems.items) {
    await call(url, token, `mutation($id: ID!) { resolveProblem(id: $id, resolution: "已硬化便道80米") { id } }`, { id: p.id });
  }
}
