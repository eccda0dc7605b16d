/**
 * The SQL that rolls any fact up to the organisations asked for: a fact belongs to every
 * target whose id is on the path of the fact's organisation. Moves change only the paths,
 * so a moved subtree's facts leave the old ancestors and join the new ones by themselves.
 */
export const IN_TARGETS = `targets AS (SELECT unnest($1::uuid[]) AS target)`;

export const underTarget = (orgColumn: string) => `JOIN org_node n ON n.id = ${orgColumn} JOIN targets t ON n.path @> ARRAY[t.target]`;

/**
 * The same roll-up joined on each ancestor of the fact's organisation by equality, which the
 * planner can hash instead of testing every fact against every target: for the assessment and
 * pairing facts, tens of thousands of rows against hundreds of targets.
 */
export const upTheTree = (orgColumn: string) =>
  `JOIN org_node n ON n.id = ${orgColumn} CROSS JOIN LATERAL unnest(n.path) AS up(id) JOIN targets t ON t.target = up.id`;

/** Groups rows `(target, key, count)` into a map of target → label counts, largest first. */
export function byTarget(
  rows: Array<{ target: string; key: string | null; count: string | number }>,
): Map<string, Array<{ key: string; count: number }>> {
  const result = new Map<string, Array<{ key: string; count: number }>>();
  for (const row of rows) {
    const list = result.get(row.target) ?? [];
    list.push({ key: row.key ?? 'UNKNOWN', count: Number(row.count) });
    result.set(row.target, list);
  }
  for (const list of result.values()) list.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return result;
}
