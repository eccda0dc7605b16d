/** Figures as a district report writes them. */
export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
export const yuan = (fen: number): string =>
  `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const count = (n: number): string => n.toLocaleString('zh-CN');

/** Today in the district (China Standard Time), as YYYY-MM-DD. */
export const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
export const currentQuarter = (): string => {
  const [y, m] = today().split('-').map(Number);
  return `${y}-Q${Math.ceil(m / 3)}`;
};
