import { MigrationInterface, QueryRunner } from 'typeorm';
import { PERIODS, PIONEER_TOTAL_APPLY } from './1767500000200-faster-reads';

/**
 * 党员先锋指数 ranks read from indexes (docs/adr/0054-pioneer-ranks-from-indexes.md). Each member
 * row knows whether it counts as a current member (probationary or full, not transferred out,
 * deceased or expelled) and its nearest Party committee; each pioneer total carries its member's
 * branch, committee and that flag. A rank within a committee of 3 000 is then two index range
 * counts instead of one lookup per peer. The database keeps these copies right itself, whichever
 * of the organisation, member and point events arrives first.
 */
export class PioneerPeers1767500000300 implements MigrationInterface {
  name = 'PioneerPeers1767500000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE member
        ADD COLUMN is_current boolean NOT NULL GENERATED ALWAYS AS
          (stage IN ('PROBATIONARY', 'FULL') AND status NOT IN ('TRANSFERRED_OUT', 'DECEASED', 'EXPELLED')) STORED,
        ADD COLUMN committee_id uuid`);
    await q.query(
      `ALTER TABLE pioneer_total ADD COLUMN branch_id uuid, ADD COLUMN committee_id uuid, ADD COLUMN is_current boolean NOT NULL DEFAULT false`,
    );

    // The nearest 党委 on an organisation's path (itself included), as the ranks have always used.
    await q.query(`
      CREATE FUNCTION nearest_committee(organization uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT c.id FROM org_node n JOIN org_node c ON c.id = ANY(n.path) AND c.kind = 'PARTY_COMMITTEE'
        WHERE n.id = organization ORDER BY cardinality(c.path) DESC LIMIT 1
      $$`);
    await q.query(`
      CREATE FUNCTION member_committee_set() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.committee_id := nearest_committee(NEW.organization_id);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER member_committee BEFORE INSERT OR UPDATE OF organization_id ON member
      FOR EACH ROW EXECUTE FUNCTION member_committee_set()`);

    // A node that arrives, moves or changes kind changes the committee of every member below it.
    await q.query(`
      CREATE FUNCTION org_node_members_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE member m SET committee_id = nearest_committee(m.organization_id)
        WHERE m.organization_id IN (SELECT d.id FROM org_node d WHERE d.path @> ARRAY[NEW.id])
          AND m.committee_id IS DISTINCT FROM nearest_committee(m.organization_id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER org_node_members_insert AFTER INSERT ON org_node
      FOR EACH ROW EXECUTE FUNCTION org_node_members_follow()`);
    await q.query(`CREATE TRIGGER org_node_members_update AFTER UPDATE ON org_node
      FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path OR OLD.kind IS DISTINCT FROM NEW.kind)
      EXECUTE FUNCTION org_node_members_follow()`);

    // A member's totals follow the member (points may have arrived before the member did).
    await q.query(`
      CREATE FUNCTION member_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE pioneer_total SET branch_id = NEW.organization_id, committee_id = NEW.committee_id, is_current = NEW.is_current
        WHERE member_id = NEW.id AND (branch_id, committee_id, is_current) IS DISTINCT FROM (NEW.organization_id, NEW.committee_id, NEW.is_current);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER member_totals AFTER INSERT OR UPDATE ON member
      FOR EACH ROW EXECUTE FUNCTION member_totals_follow()`);

    // New totals take their member's peers with them.
    await q.query(`
      CREATE OR REPLACE FUNCTION pioneer_total_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO pioneer_total (period, member_id, points, branch_id, committee_id, is_current)
          SELECT p.period, r.member_id, -sum(r.points), m.organization_id, m.committee_id, coalesce(m.is_current, false)
          FROM old_rows r CROSS JOIN LATERAL ${PERIODS} LEFT JOIN member m ON m.id = r.member_id
          GROUP BY p.period, r.member_id, m.id ORDER BY p.period, r.member_id
          ON CONFLICT (period, member_id) DO UPDATE SET points = pioneer_total.points + EXCLUDED.points;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO pioneer_total (period, member_id, points, branch_id, committee_id, is_current)
          SELECT p.period, r.member_id, sum(r.points), m.organization_id, m.committee_id, coalesce(m.is_current, false)
          FROM new_rows r CROSS JOIN LATERAL ${PERIODS} LEFT JOIN member m ON m.id = r.member_id
          GROUP BY p.period, r.member_id, m.id ORDER BY p.period, r.member_id
          ON CONFLICT (period, member_id) DO UPDATE SET points = pioneer_total.points + EXCLUDED.points;
        END IF;
        RETURN NULL;
      END $$`);

    await q.query(`CREATE INDEX pioneer_total_member ON pioneer_total (member_id)`);
    // Every member row is touched once, so its trigger brings its totals along.
    await q.query(`UPDATE member SET committee_id = nearest_committee(organization_id)`);
    await q.query(`CREATE INDEX member_current_branch ON member (organization_id) WHERE is_current`);
    await q.query(`CREATE INDEX member_current_committee ON member (committee_id) WHERE is_current`);
    await q.query(`CREATE INDEX pioneer_total_branch_rank ON pioneer_total (period, branch_id, points) WHERE is_current`);
    await q.query(`CREATE INDEX pioneer_total_committee_rank ON pioneer_total (period, committee_id, points) WHERE is_current`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(PIONEER_TOTAL_APPLY);
    await q.query('DROP TRIGGER member_totals ON member');
    await q.query('DROP TRIGGER org_node_members_insert ON org_node');
    await q.query('DROP TRIGGER org_node_members_update ON org_node');
    await q.query('DROP TRIGGER member_committee ON member');
    await q.query('DROP FUNCTION member_totals_follow(), org_node_members_follow(), member_committee_set(), nearest_committee(uuid)');
    await q.query('ALTER TABLE pioneer_total DROP COLUMN branch_id, DROP COLUMN committee_id, DROP COLUMN is_current');
    await q.query('ALTER TABLE member DROP COLUMN is_current, DROP COLUMN committee_id');
  }
}
