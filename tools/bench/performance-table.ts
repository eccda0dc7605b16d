import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TABLE = path.resolve(__dirname, '..', '..', 'docs', 'performance.md');

const HEADER = '| figure | measured | when, load average (1 5 15 min) | command |\n|---|---|---|---|';

/** One figure of docs/performance.md: what was measured, the figure, the command that measured it. */
export interface PerformanceRow {
  figure: string;
  value: string;
  command: string;
  /** A figure with a target also has a row in the targets table at the top of the file. */
  target?: { text: string; met: boolean };
}

const TARGETS_START = '<!-- targets -->';
const TARGETS_END = '<!-- /targets -->';
const TARGETS_HEADER = '| figure | target | measured | met | when, load average (1 5 15 min) | command |\n|---|---|---|---|---|---|';

/** When and under what load the figures were taken: a figure on a busy shared machine says so. */
export const measuredAt = (): string => {
  const [one, five, fifteen] = os.loadavg().map((l) => l.toFixed(2));
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load ${one} ${five} ${fifteen}, ${os.cpus().length} cores`;
};

/**
 * Replaces the rows between `<!-- bench:<section> -->` and `<!-- /bench:<section> -->` in
 * docs/performance.md, so each benchmark rewrites its own figures and leaves the others alone.
 */
export function writePerformanceRows(section: string, rows: PerformanceRow[]): void {
  const start = `<!-- bench:${section} -->`;
  const end = `<!-- /bench:${section} -->`;
  const text = readFileSync(TABLE, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/performance.md has no ${start} … ${end} section`);
  const when = measuredAt();
  // The header is written with the rows: a comment line inside a Markdown table would end it.
  const lines = [HEADER, ...rows.map((r) => `| ${r.figure} | ${r.value} | ${when} | \`${r.command}\` |`)];
  const rewritten = `${text.slice(0, from + start.length)}\n${lines.join('\n')}\n${text.slice(to)}`;
  writeFileSync(TABLE, withTargets(rewritten, rows, when));
  process.stdout.write(`docs/performance.md: ${rows.length} rows of "${section}" rewritten\n`);
}

/**
 * The targets table gathers every figure that has a target, whichever benchmark measured it:
 * a row is replaced by the figure's name, the others are kept in their place.
 */
function withTargets(text: string, rows: PerformanceRow[], when: string): string {
  const targeted = rows.filter((r) => r.target);
  const from = text.indexOf(TARGETS_START);
  const to = text.indexOf(TARGETS_END);
  if (!targeted.length || from < 0 || to < from) return text;
  const existing = text
    .slice(from + TARGETS_START.length, to)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| figure |'));
  const cellsOf = (r: PerformanceRow) =>
    `| ${r.figure} | ${r.target!.text} | ${r.value} | ${r.target!.met ? '✔' : '✘'} | ${when} | \`${r.command}\` |`;
  const lines = existing.map((line) => {
    const match = targeted.find((r) => line.startsWith(`| ${r.figure} |`));
    return match ? cellsOf(match) : line;
  });
  for (const r of targeted) if (!existing.some((line) => line.startsWith(`| ${r.figure} |`))) lines.push(cellsOf(r));
  return `${text.slice(0, from + TARGETS_START.length)}\n${TARGETS_HEADER}\n${lines.join('\n')}\n${text.slice(to)}`;
}
