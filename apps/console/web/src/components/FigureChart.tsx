import { useEffect, useId, useRef, useState } from 'react';
import { download, tableToCsv, tableToXlsx, type Table } from '../lib/spreadsheet';

export interface Series {
  name: string;
  values: Array<number | null>;
}

interface Props {
  title: string;
  /** Category labels along the axis (months, stages, types). */
  categories: string[];
  series: Series[];
  kind: 'bar' | 'line';
  /** How a value reads in the table: a rate as a percentage, money in yuan. */
  format?: (value: number) => string;
  fileName: string;
}

/**
 * A chart with its numbers one click away and a download of exactly what it shows. ECharts
 * (Apache-licensed, the usual choice in Chinese government software, canvas rendering that
 * copes with thousands of points) is loaded on first use so the first page stays light.
 */
export function FigureChart({ title, categories, series, kind, format = String, fileName }: Props) {
  const chartRef = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    import('echarts').then((echarts) => {
      if (disposed || !chartRef.current) return;
      const instance = echarts.init(chartRef.current, undefined, { renderer: 'canvas' });
      instance.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: series.length > 1 ? { top: 0 } : undefined,
        grid: { left: 48, right: 16, top: series.length > 1 ? 32 : 16, bottom: 48 },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value' },
        series: series.map((s) => ({ name: s.name, type: kind, data: s.values, connectNulls: false })),
      });
      chart = instance;
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [categories, series, kind]);

  const table: Table = {
    headers: ['项目', ...series.map((s) => s.name)],
    rows: categories.map((c, i) => [c, ...series.map((s) => s.values[i])]),
  };
  return (
    <section className="card chart-card" aria-label={title}>
      <header className="card-head">
        <h3>{title}</h3>
        <div className="actions">
          <button type="button" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
            {showTable ? '看图表' : '看数据'}
          </button>
          <button type="button" onClick={() => download(tableToCsv(table), `${fileName}.csv`)}>
            下载 CSV
          </button>
          <button type="button" onClick={async () => download(await tableToXlsx(table, title), `${fileName}.xlsx`)}>
            下载 Excel
          </button>
        </div>
      </header>
      <div ref={chartRef} className="chart" role="img" aria-label={`${title}（图表；数据见“看数据”）`} hidden={showTable} />
      {showTable ? (
        <table id={tableId} className="figures">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {table.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {series.map((s) => (
                  <td key={s.name}>{s.values[i] === null ? '—' : format(s.values[i] as number)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
