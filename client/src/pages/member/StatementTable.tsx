import { useTranslation } from 'react-i18next';
import type { DailyStatement } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { useFormat } from '../../format';

/** One row per day with activity, newest first; a negative net is marked, not only coloured. */
export function StatementTable({ rows }: { rows: DailyStatement[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <DataTable
      caption={t('member.statement.title')}
      rows={[...rows].sort((a, b) => b.day.localeCompare(a.day))}
      rowKey={(row) => row.day}
      columns={[
        { header: t('member.statement.day'), rowHeader: true, cell: (row) => f.day(row.day) },
        {
          header: t('member.statement.accrued'),
          numeric: true,
          cell: (row) => f.bonus(row.accrued),
        },
        {
          header: t('member.statement.reversed'),
          numeric: true,
          cell: (row) => f.bonus(row.reversed),
        },
        {
          header: t('member.statement.reinstated'),
          numeric: true,
          cell: (row) => f.bonus(row.reinstated),
        },
        { header: t('member.statement.spent'), numeric: true, cell: (row) => f.bonus(row.spent) },
        {
          header: t('member.statement.net'),
          numeric: true,
          cellClass: (row) => (row.net < 0 ? 'negative' : undefined),
          cell: (row) => f.delta(row.net),
        },
      ]}
    />
  );
}
