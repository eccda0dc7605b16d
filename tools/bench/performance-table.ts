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
}

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
  writeFileSync(TABLE, `${text.slice(0, from + start.length)}\n${lines.join('\n')}\n${text.slice(to)}`);
  process.stdout.write(`docs/performance.md: ${rows.length} rows of "${section}" rewritten\n`);
}
