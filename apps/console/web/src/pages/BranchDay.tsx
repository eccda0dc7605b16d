import { ErrorNotice, Loading } from '../components/Notice';
import type { OrgRef } from '../components/OrgTree';
import { currentQuarter, yuan } from '../lib/format';
import { ACTIVITY_TYPES, BRANCH_KINDS, DUE_KINDS, REQUIREMENTS, label } from '../lib/labels';
import { TO_DO } from '../lib/queries';
import { useQuery } from '../lib/use-query';
import { DevelopmentStep } from './DevelopmentStep';
import { RecordMeeting } from './RecordMeeting';

interface ToDo {
  activityReminders: { items: Array<{ id: string; type: string; topic: string; plannedOn: string | null; host: { name: string } }> };
  developmentDue: { items: Array<{ kind: string; dueOn: string; member: { id: string; name: string } }> };
  duesArrears: {
    totalCount: number;
    items: Array<{ member: { id: string; name: string }; consecutiveUnpaid: number; owedFen: number; flagged: boolean }>;
  };
  committeeTermAlerts: { items: Array<{ id: string; name: string; termEndsOn: string | null; termStatus: string }> };
  organization: {
    compliance: {
      missingSlots: number;
      dueSlots: number;
      requirements: Array<{ requirement: string; slots: Array<{ period: string; status: string }> }>;
    };
  };
}

/** 支部工作: what a branch secretary does in a day — record a meeting, see what is due, as one list. */
export function BranchDay({ org }: { org: OrgRef }) {
  const quarter = currentQuarter();
  const todo = useQuery<ToDo>(TO_DO, { id: org.id, period: quarter });
  const d = todo.data;
  const missing =
    d?.organization.compliance.requirements.flatMap((r) =>
      r.slots.filter((s) => s.status === 'MISSING').map((s) => ({ requirement: r.requirement, period: s.period })),
    ) ?? [];
  return (
    <div className="page">
      <header className="page-head">
        <h2>{org.name} · 支部工作</h2>
      </header>
      <div className="two-columns">
        {BRANCH_KINDS.has(org.kind) ? (
          <div>
            <RecordMeeting org={org} onRecorded={todo.reload} />
            <DevelopmentStep org={org} />
          </div>
        ) : (
          <p className="card muted">会议由支部登记：请在左侧组织树中选择一个党支部。</p>
        )}
        <section className="card todo" aria-labelledby="todo-title">
          <h3 id="todo-title">待办（{quarter}）</h3>
          <ErrorNotice error={todo.error} />
          {todo.loading && !d ? <Loading what="待办" /> : null}
          {d ? (
            <ul>
              {missing.map((m) => (
                <li key={`${m.requirement}-${m.period}`} className="todo-meeting">
                  <span className="tag warn">缺开</span>
                  {label(REQUIREMENTS, m.requirement)}（{m.period}）尚未召开
                </li>
              ))}
              {d.activityReminders.items.map((a) => (
                <li key={a.id}>
                  <span className="tag">计划</span>
                  {a.host.name}：{label(ACTIVITY_TYPES, a.type)}“{a.topic}”{a.plannedOn ? `，计划于 ${a.plannedOn}` : ''}
                </li>
              ))}
              {d.developmentDue.items.map((x) => (
                <li key={`${x.member.id}-${x.kind}`}>
                  <span className="tag">发展</span>
                  {x.member.name}：{label(DUE_KINDS, x.kind)}（{x.dueOn}）
                </li>
              ))}
              {d.duesArrears.items.map((x) => (
                <li key={x.member.id}>
                  <span className={x.flagged ? 'tag warn' : 'tag'}>党费</span>
                  {x.member.name}：连续 {x.consecutiveUnpaid} 个月未交，欠 {yuan(x.owedFen)}
                </li>
              ))}
              {d.committeeTermAlerts.items.map((x) => (
                <li key={x.id}>
                  <span className="tag">换届</span>
                  {x.name}：任期{x.termEndsOn ? `至 ${x.termEndsOn}` : ''}，请按期换届
                </li>
              ))}
              {missing.length +
                d.activityReminders.items.length +
                d.developmentDue.items.length +
                d.duesArrears.items.length +
                d.committeeTermAlerts.items.length ===
              0 ? (
                <li className="muted">本季度没有待办事项。</li>
              ) : null}
            </ul>
          ) : null}
        </section>
      </div>
    </div>
  );
}
