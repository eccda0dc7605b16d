import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '@partybuild/federation';
import type { Figures } from '../figures/figures';
import { FIGURE_GROUPS, FigureGroup, FigureParts } from '../figures/compute-figures';
import type { FiguresCache } from '../figures/figures-cache';
import { parsePeriod } from '@partybuild/calendar';
import { OrgNode, OrgTree } from '@partybuild/org-tree';

export interface StatisticsContext extends RequestContext {
  dataSource: DataSource;
  today: () => string;
  /** Breakdown cells under this many people are withheld from callers who may not see people. */
  minimumCellSize: number;
  /** Figures per period, batched over every organisation asked for in the request. */
  figures(period: string): DataLoader<string, Figures>;
  /** Only some groups of the figures (the others absent), batched the same way. */
  figureParts(period: string, groups: readonly FigureGroup[]): DataLoader<string, FigureParts>;
  nodes: DataLoader<string, OrgNode | null>;
}

export function nodeLoader(dataSource: DataSource): DataLoader<string, OrgNode | null> {
  return new DataLoader(async (ids) => {
    const found = await new OrgTree(dataSource.manager).nodes(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function figureLoaders(dataSource: DataSource, cache: FiguresCache, today: () => string) {
  const loaders = new Map<string, DataLoader<string, FigureParts>>();
  const figureParts = (text: string, groups: readonly FigureGroup[]) => {
    const period = parsePeriod(text);
    const wanted = FIGURE_GROUPS.filter((group) => groups.includes(group));
    const key = `${period.label}|${wanted.join(',')}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const figures = await cache.figures(dataSource.manager, [...ids], period, today(), wanted);
        return ids.map((id) => figures.get(id)!);
      });
      loaders.set(key, loader);
    }
    return loader;
  };
  // Every group asked for: the parts make whole figures.
  const figures = (text: string) => figureParts(text, FIGURE_GROUPS) as DataLoader<string, Figures>;
  return { figures, figureParts };
}
