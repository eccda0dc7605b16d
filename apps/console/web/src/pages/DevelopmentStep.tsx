import { useState } from 'react';
import { Field } from '../components/Field';
import { ErrorNotice, Loading } from '../components/Notice';
import type { OrgRef } from '../components/OrgTree';
import { GraphRefusal, request } from '../lib/graphql';
import { today } from '../lib/format';
import { STAGES, label } from '../lib/labels';
import { DEVELOPING_MEMBERS, RECORD_STEP } from '../lib/queries';
import { useQuery } from '../lib/use-query';

interface Developing {
  id: string;
  name: string;
  stage: string;
  nextSteps: Array<{ step: string; ordinal: number; label: string }>;
}

const VOTE_STEPS = new Set(['ADMISSION_VOTE', 'CONVERSION_VOTE']);

/**
 * 发展党员: record the next step of a person in development. A refusal is the rule in plain
 * words; one that is a matter of time also says the first day the step becomes possible.
 */
export function DevelopmentStep({ org }: { org: OrgRef }) {
  const people = useQuery<{ organization: { members: { items: Developing[] } } }>(DEVELOPING_MEMBERS, { id: org.id });
  const [memberId, setMemberId] = useState('');
  const [step, setStep] = useState('');
  const [on, setOn] = useState(today());
  const [vote, setVote] = useState({ eligibleVoters: '', present: '', votesFor: '' });
  const [error, setError] = useState<GraphRefusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = people.data?.organization.members.items ?? [];
  const person = list.find((p) => p.id === memberId);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    const input: Record<string, unknown> = { step, on };
    if (VOTE_STEPS.has(step))
      input.vote = { eligibleVoters: Number(vote.eligibleVoters), present: Number(vote.present), votesFor: Number(vote.votesFor) };
    try {
      const data = await request<{ recordDevelopmentStep: Developing }>(RECORD_STEP, { memberId, input });
      const stepLabel = person?.nextSteps.find((s) => s.step === step)?.label.split(' — ')[0] ?? step;
      setDone(
        `已记录 ${data.recordDevelopmentStep.name}：${stepLabel}（${on}）；当前阶段：${label(STAGES, data.recordDevelopmentStep.stage)}。`,
      );
      setStep('');
      people.reload();
    } catch (e) {
      setError(e as GraphRefusal);
    }
  };

  const possibleFrom = error?.extensions.possibleFrom;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="development-title">
      <h3 id="development-title">发展党员：记录下一步</h3>
      {people.loading && !people.data ? <Loading what="发展对象" /> : null}
      {people.data && list.length === 0 ? <p className="muted">本支部暂无入党申请人、积极分子、发展对象或预备党员。</p> : null}
      {list.length ? (
        <div className="fields">
          <Field label="人员">
            <select
              value={memberId}
              required
              onChange={(e) => {
                setMemberId(e.target.value);
                setStep('');
              }}
            >
              <option value="">请选择</option>
              {list.map((p) => (
                <option key={p.id} value={p.id}>{`${p.name}（${label(STAGES, p.stage)}）`}</option>
              ))}
            </select>
          </Field>
          <Field label="步骤">
            <select value={step} required disabled={!person} onChange={(e) => setStep(e.target.value)}>
              <option value="">请选择</option>
              {person?.nextSteps.map((s) => (
                <option key={s.step} value={s.step}>{`${s.ordinal}. ${s.label.split(' — ')[0]}`}</option>
              ))}
            </select>
          </Field>
          <Field label="日期">
            <input type="date" required value={on} onChange={(e) => setOn(e.target.value)} />
          </Field>
          {VOTE_STEPS.has(step) ? (
            <>
              <Field label="有表决权的正式党员数">
                <input
                  type="number"
                  min={0}
                  required
                  value={vote.eligibleVoters}
                  onChange={(e) => setVote({ ...vote, eligibleVoters: e.target.value })}
                />
              </Field>
              <Field label="实到有表决权党员数">
                <input
                  type="number"
                  min={0}
                  required
                  value={vote.present}
                  onChange={(e) => setVote({ ...vote, present: e.target.value })}
                />
              </Field>
              <Field label="赞成票">
                <input
                  type="number"
                  min={0}
                  required
                  value={vote.votesFor}
                  onChange={(e) => setVote({ ...vote, votesFor: e.target.value })}
                />
              </Field>
            </>
          ) : null}
        </div>
      ) : null}
      <ErrorNotice error={error ?? people.error} />
      {typeof possibleFrom === 'string' ? (
        <p className="notice notice-error" role="status">
          最早可于 {possibleFrom} 办理这一步。
        </p>
      ) : null}
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
      {list.length ? (
        <button type="submit" className="primary" disabled={!memberId || !step}>
          记录
        </button>
      ) : null}
    </form>
  );
}
