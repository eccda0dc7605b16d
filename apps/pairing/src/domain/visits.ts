import { isIsoDate } from '@partybuild/federation';
import type { PairingRules } from '../reference/pairing-rules';

/** One household visit as written by the team (a call's item or a CSV row). */
export interface VisitRow {
  household: string;
  visitedOn: string;
  visitorMemberIds: string[];
  note: string | null;
  problem: {
    category: string;
    description: string;
    /** The organisation the problem is assigned to: its id (API) or its code (CSV). */
    assignee: string;
    deadline: string | null;
  } | null;
}

/** What is wrong with a row: its number (1 = first data row) and column, in words. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export const VISIT_CSV_COLUMNS = [
  'household',
  'visitedOn',
  'visitors',
  'note',
  'problemCategory',
  'problemDescription',
  'assignee',
  'deadline',
] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rows of a CSV part (header first) as visit rows, with every error found; nothing is looked up. */
export function readVisitCsv(rows: string[][]): { visits: VisitRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const [header, ...data] = rows;
  const index = new Map((header ?? []).map((h, i) => [h.trim(), i]));
  for (const c of ['household', 'visitedOn', 'visitors']) {
    if (!index.has(c)) errors.push({ row: 0, column: c, message: `表头缺少「${c}」列（应为 ${VISIT_CSV_COLUMNS.join(',')}）` });
  }
  if (errors.length) return { visits: [], errors };
  const cell = (r: string[], c: string) => (index.has(c) ? (r[index.get(c) as number] ?? '').trim() : '');
  const visits = data.map((r): VisitRow => {
    const category = cell(r, 'problemCategory');
    const description = cell(r, 'problemDescription');
    const assignee = cell(r, 'assignee');
    const wantsProblem = Boolean(category || description || assignee);
    return {
      household: cell(r, 'household'),
      visitedOn: cell(r, 'visitedOn'),
      visitorMemberIds: cell(r, 'visitors')
        .split(/[;；]/)
        .map((s) => s.trim())
        .filter(Boolean),
      note: cell(r, 'note') || null,
      problem: wantsProblem ? { category, description, assignee, deadline: cell(r, 'deadline') || null } : null,
    };
  });
  return { visits, errors };
}

/** Every rule a visit row must meet on its own; `today` bounds the dates. Categories are codes or labels. */
export function checkVisitRows(visits: VisitRow[], today: string, rules: PairingRules): RowError[] {
  const errors: RowError[] = [];
  const categories = new Map(
    rules.problemCategories.flatMap((c) => [
      [c.code, c.code],
      [c.label, c.code],
    ]),
  );
  visits.forEach((v, i) => {
    const row = i + 1;
    const fail = (column: string, message: string) => errors.push({ row, column, message });
    if (!v.household || [...v.household].length > rules.text.title) fail('household', `请填写户号或门牌（1–${rules.text.title} 个字）`);
    if (!isIsoDate(v.visitedOn)) fail('visitedOn', `「${v.visitedOn}」不是日期，应写作 2026-03-01`);
    else if (v.visitedOn > today) fail('visitedOn', `走访日期不能晚于今天（${today}）`);
    if (v.visitorMemberIds.length === 0) fail('visitors', '至少填写一名走访党员');
    const bad = v.visitorMemberIds.find((id) => !UUID.test(id));
    if (bad) fail('visitors', `「${bad}」不是党员编号`);
    if (v.note && [...v.note].length > rules.text.description) fail('note', `备注不超过 ${rules.text.description} 个字`);
    if (v.problem) {
      const p = v.problem;
      if (!categories.has(p.category))
        fail('problemCategory', `「${p.category}」不是问题类别，可选：${rules.problemCategories.map((c) => c.label).join('、')}`);
      else p.category = categories.get(p.category) as string;
      if (!p.description || [...p.description].length > rules.text.description)
        fail('problemDescription', `请描述问题（1–${rules.text.description} 个字）`);
      if (!p.assignee) fail('assignee', '请填写承办单位');
      if (p.deadline !== null) {
        if (!isIsoDate(p.deadline)) fail('deadline', `「${p.deadline}」不是日期，应写作 2026-03-01`);
        else if (isIsoDate(v.visitedOn) && (p.deadline < v.visitedOn || daysAfter(v.visitedOn, p.deadline) > rules.problemMaxDays)) {
          fail('deadline', `办结期限须在走访日之后 ${rules.problemMaxDays} 天以内`);
        }
      }
    }
  });
  return errors;
}

const daysAfter = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The message of a refused part: how many errors, and the first few named by row and column. */
export function describeErrors(errors: RowError[]): string {
  return errors
    .slice(0, 5)
    .map((e) => (e.row === 0 ? `表头「${e.column}」：${e.message}` : `第 ${e.row} 行「${e.column}」：${e.message}`))
    .join('；');
}
