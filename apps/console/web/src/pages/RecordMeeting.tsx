import { useEffect, useState } from 'react';
import { Field } from '../components/Field';
import { ErrorNotice, Loading } from '../components/Notice';
import type { OrgRef } from '../components/OrgTree';
import { GraphRefusal, newIdempotencyKey, request } from '../lib/graphql';
import { today } from '../lib/format';
import { ACTIVITY_TYPES, ATTENDANCE, STAGES, label } from '../lib/labels';
import { BRANCH_MEMBERS, RECORD_ACTIVITY } from '../lib/queries';
import { useDraft } from '../lib/use-draft';

interface BranchMember {
  id: string;
  name: string;
  stage: string;
}

interface MeetingDraft {
  idempotencyKey: string;
  type: string;
  heldOn: string;
  startTime: string;
  place: string;
  topic: string;
  lecturer: string;
  minutes: string;
  /** memberId → status; everyone not listed is present (the usual case). */
  attendance: Record<string, string>;
}

const blank = (): MeetingDraft => ({
  idempotencyKey: newIdempotencyKey(),
  type: 'GENERAL_MEETING',
  heldOn: today(),
  startTime: '',
  place: '',
  topic: '',
  lecturer: '',
  minutes: '',
  attendance: {},
});

/**
 * 登记会议: a meeting and its attendance in one form. The branch's members are listed, everyone
 * present by default; the service's rules and refusals apply as they do through the API. The
 * submission carries one idempotency key until it succeeds, so a double click or a retry after
 * a lost answer records the meeting once.
 */
export function RecordMeeting({ org, onRecorded }: { org: OrgRef; onRecorded(): void }) {
  const [draft, setDraft, clearDraft] = useDraft<MeetingDraft>(`meeting.${org.id}`, blank());
  const [members, setMembers] = useState<BranchMember[] | null>(null);
  const [error, setError] = useState<GraphRefusal | Error | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    loadMembers(org.id)
      .then((list) => current && setMembers(list))
      .catch((e: GraphRefusal) => current && setError(e));
    return () => {
      current = false;
    };
  }, [org.id]);

  const set = (patch: Partial<MeetingDraft>) => setDraft({ ...draft, ...patch });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setError(null);
    setSaved(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.heldOn)) {
      setError(new Error('请按“年-月-日”填写召开日期，例如 2026-11-20。'));
      return;
    }
    setSaving(true);
    try {
      const input = {
        organizationId: org.id,
        type: draft.type,
        record: {
          heldOn: draft.heldOn,
          topic: draft.topic.trim(),
          startTime: draft.startTime || null,
          place: draft.place.trim() || null,
          minutes: draft.minutes.trim() || null,
          lecturer: draft.type === 'PARTY_LECTURE' && draft.lecturer.trim() ? { name: draft.lecturer.trim() } : null,
        },
        attendance: {
          entries: (members ?? []).map((m) => ({ memberId: m.id, status: draft.attendance[m.id] ?? 'PRESENT' })),
          othersAbsent: false,
        },
      };
      const data = await request<{
        recordActivity: { topic: string; attendanceCounts: { present: number; late: number; excused: number; absent: number } };
      }>(RECORD_ACTIVITY, { input }, { idempotencyKey: draft.idempotencyKey });
      const c = data.recordActivity.attendanceCounts;
      setSaved(
        `已登记“${data.recordActivity.topic}”：出席 ${c.present} 人，迟到 ${c.late} 人，请假 ${c.excused} 人，缺席 ${c.absent} 人。`,
      );
      clearDraft();
      onRecorded();
    } catch (e) {
      setError(e as GraphRefusal);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card meeting-form" onSubmit={submit} aria-labelledby="meeting-title">
      <h3 id="meeting-title">登记会议和出勤</h3>
      <div className="fields">
        <Field label="会议类型">
          <select value={draft.type} onChange={(e) => set({ type: e.target.value })}>
            {Object.entries(ACTIVITY_TYPES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <Field label="召开日期">
          <input type="date" required value={draft.heldOn} max={today()} onChange={(e) => set({ heldOn: e.target.value })} />
        </Field>
        <Field label="开始时间">
          <input type="time" value={draft.startTime} onChange={(e) => set({ startTime: e.target.value })} />
        </Field>
        <Field label="地点">
          <input value={draft.place} maxLength={200} onChange={(e) => set({ place: e.target.value })} />
        </Field>
        <Field label="主题" wide>
          <input required value={draft.topic} maxLength={200} onChange={(e) => set({ topic: e.target.value })} />
        </Field>
        {draft.type === 'PARTY_LECTURE' ? (
          <Field label="授课人">
            <input required value={draft.lecturer} maxLength={50} onChange={(e) => set({ lecturer: e.target.value })} />
          </Field>
        ) : null}
        <Field label="会议记录" wide>
          <textarea rows={3} value={draft.minutes} onChange={(e) => set({ minutes: e.target.value })} />
        </Field>
      </div>
      <fieldset className="attendance">
        <legend>出勤（默认全部出席，只需改动例外）</legend>
        {members === null && !error ? <Loading what="支部党员" /> : null}
        {members?.length === 0 ? <p className="muted">本支部暂无正式党员和预备党员。</p> : null}
        <table>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">身份</th>
              <th scope="col">出勤</th>
            </tr>
          </thead>
          <tbody>
            {members?.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{label(STAGES, m.stage)}</td>
                <td>
                  <select
                    aria-label={`${m.name}的出勤`}
                    value={draft.attendance[m.id] ?? 'PRESENT'}
                    onChange={(e) => set({ attendance: { ...draft.attendance, [m.id]: e.target.value } })}
                  >
                    {Object.entries(ATTENDANCE).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <ErrorNotice error={error} />
      {saved ? (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={saving || members === null}>
        {saving ? '正在保存…' : '保存'}
      </button>
    </form>
  );
}

async function loadMembers(orgId: string): Promise<BranchMember[]> {
  const all: BranchMember[] = [];
  let after: string | null = null;
  do {
    const data: { organization: { members: { items: BranchMember[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } =
      await request(BRANCH_MEMBERS, { id: orgId, after });
    all.push(...data.organization.members.items);
    after = data.organization.members.pageInfo.hasNextPage ? data.organization.members.pageInfo.endCursor : null;
  } while (after);
  return all;
}
