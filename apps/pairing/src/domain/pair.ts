import { BRANCH_LEVEL_KINDS } from '@partybuild/contracts';
import { PairingErrors } from '../errors';
import { PairKind, PairStatus, isAgencySector, isVillageSector } from './kinds';

export interface Side {
  id: string;
  name: string;
  kind: string;
  sector: string;
  status: string;
}

/** The sides of a pair must be two different, living organisations of the right kinds. */
export function checkSides(kind: PairKind, helper: Side, helped: Side): void {
  if (helper.id === helped.id) throw PairingErrors.PAIR_WITH_ITSELF({ name: helper.name });
  for (const side of [helper, helped]) if (side.status !== 'ACTIVE') throw PairingErrors.ORGANIZATION_DISSOLVED({ name: side.name });
  if (kind === PairKind.AGENCY_VILLAGE) {
    if (isAgencySector(helper.sector) && isAgencySector(helped.sector)) {
      throw PairingErrors.TWO_AGENCIES({ helper: helper.name, helped: helped.name });
    }
    if (!isAgencySector(helper.sector)) throw PairingErrors.NOT_AN_AGENCY({ name: helper.name });
    if (!isVillageSector(helped.sector)) throw PairingErrors.NOT_A_VILLAGE({ name: helped.name });
  } else {
    for (const side of [helper, helped]) {
      if (!(BRANCH_LEVEL_KINDS as readonly string[]).includes(side.kind)) throw PairingErrors.NOT_BRANCHES({ name: side.name });
    }
  }
}

/** The lifecycle proposed → active → ended; anything else is refused with the current status named. */
export function assertTransition(from: PairStatus, to: PairStatus): void {
  const allowed =
    (from === PairStatus.PROPOSED && (to === PairStatus.ACTIVE || to === PairStatus.ENDED)) ||
    (from === PairStatus.ACTIVE && to === PairStatus.ENDED);
  if (!allowed) throw PairingErrors.PAIR_STATUS({ action: ACTION[to], status: STATUS_ZH[from] });
}

const ACTION: Record<PairStatus, string> = { PROPOSED: '再次提出', ACTIVE: '启动', ENDED: '结束' };
export const STATUS_ZH: Record<PairStatus, string> = { PROPOSED: '拟结对', ACTIVE: '结对中', ENDED: '已结束' };

/** The day a term of `months` ends when it starts on `start` (the day before the same date `months` later). */
export function termEnd(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const end = new Date(Date.UTC(year, month - 1, Math.min(d, last)) - 86_400_000);
  return end.toISOString().slice(0, 10);
}
