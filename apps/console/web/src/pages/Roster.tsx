import { useState } from 'react';
import { ErrorNotice, Loading } from '../components/Notice';
import type { OrgRef } from '../components/OrgTree';
import { GraphRefusal, request } from '../lib/graphql';
import { CATEGORIES, GENDERS, STAGES, label } from '../lib/labels';
import { IMPORT_MEMBERS, ROSTER_PAGE } from '../lib/queries';
import { ROSTER_TEMPLATE_HEADERS, RosterFileError, rosterFileToCsv } from '../lib/roster-file';
import { download, tableToXlsx, type Table } from '../lib/spreadsheet';
import { useQuery } from '../lib/use-query';

interface RosterMember {
  id: string;
  name: string;
  gender: string;
  stage: string;
  category: string;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  workUnit: string | null;
  post: string | null;
  organization: { name: string };
}

interface RosterPage {
  organizationMembers: { items: RosterMember[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

interface ImportResult {
  imported: number;
  rowsRead: number;
  rejectedRows: number;
  totalErrors: number;
  errors: Array<{ row: number; column: string | null; code: string; message: string }>;
}

const HEADERS = ['姓名', '性别', '发展阶段', '人员类别', '身份证号', '联系电话', '工作单位', '职务', '所在组织'];
const toRow = (m: RosterMember) => [
  m.name,
  label(GENDERS, m.gender),
  label(STAGES, m.stage),
  label(CATEGORIES, m.category),
  m.idNumber,
  m.phone,
  m.workUnit,
  m.post,
  m.organization.name,
];

/** 花名册: the roster of an organisation's subtree, masked as the graph masks it; .xlsx out and in. */
export function Roster({ org }: { org: OrgRef }) {
  const page = useQuery<RosterPage>(ROSTER_PAGE, { id: org.id, after: null });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<GraphRefusal | Error | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const exportRoster = async () => {
    setBusy('正在导出花名册…');
    setError(null);
    try {
      const rows: Table['rows'] = [];
      let after: string | null = null;
      do {
        const data: RosterPage = await request(ROSTER_PAGE, { id: org.id, after });
        rows.push(...data.organizationMembers.items.map(toRow));
        after = data.organizationMembers.pageInfo.hasNextPage ? data.organizationMembers.pageInfo.endCursor : null;
      } while (after);
      download(await tableToXlsx({ headers: HEADERS, rows }, '花名册'), `花名册-${org.code ?? org.id}.xlsx`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setResult(null);
    setBusy(`正在导入 ${file.name}…`);
    try {
      const { csv } = await rosterFileToCsv(file);
      const data = await request<{ importMembers: ImportResult }>(IMPORT_MEMBERS, { csv });
      setResult(data.importMembers);
      if (data.importMembers.imported > 0) page.reload();
    } catch (e) {
      setError(e instanceof RosterFileError ? e : (e as GraphRefusal));
    } finally {
      setBusy(null);
    }
  };

  const members = page.data?.organizationMembers;
  return (
    <div className="page">
      <header className="page-head">
        <h2>{org.name} · 花名册</h2>
        <div className="actions">
          <button type="button" onClick={exportRoster} disabled={!!busy}>
            导出 Excel
          </button>
          <button
            type="button"
            onClick={async () =>
              download(await tableToXlsx({ headers: ROSTER_TEMPLATE_HEADERS, rows: [] }, '花名册模板'), '花名册导入模板.xlsx')
            }
          >
            下载导入模板
          </button>
          <label className="file-button">
            导入花名册（.xlsx / .csv）
            <input
              type="file"
              accept=".xlsx,.csv"
              disabled={!!busy}
              onChange={(e) => importFile(e.target.files?.[0]).finally(() => (e.target.value = ''))}
            />
          </label>
        </div>
      </header>
      {busy ? (
        <p role="status" className="loading">
          {busy}
        </p>
      ) : null}
      <ErrorNotice error={error ?? page.error} />
      {result ? <ImportReport result={result} /> : null}
      {page.loading && !members ? <Loading what="花名册" /> : null}
      {members ? (
        <table className="roster">
          <caption>
            共 {members.totalCount} 人{members.pageInfo.hasNextPage ? `，此处显示前 ${members.items.length} 人；导出 Excel 包含全部` : ''}
          </caption>
          <thead>
            <tr>
              {HEADERS.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {members.items.map((m) => (
              <tr key={m.id}>
                {toRow(m).map((v, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {v}
                    </th>
                  ) : (
                    <td key={i}>{v ?? '—'}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  if (result.totalErrors === 0) {
    return (
      <p className="notice notice-ok" role="status">
        已导入 {result.imported} 人（共读取 {result.rowsRead} 行）。
      </p>
    );
  }
  return (
    <section className="notice notice-error import-errors" role="alert" aria-label="导入问题">
      <p>
        文件中有 {result.totalErrors} 处问题，涉及 {result.rejectedRows} 行；为避免只导入一部分，本次没有导入任何人。请改正后重新导入。
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">行</th>
            <th scope="col">列</th>
            <th scope="col">问题</th>
          </tr>
        </thead>
        <tbody>
          {result.errors.map((e, i) => (
            <tr key={i}>
              <td>第 {e.row} 行</td>
              <td>{e.column ?? '整行'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
