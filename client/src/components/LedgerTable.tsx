import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from '../api/types';
import { useFormat } from '../format';
import { DataTable } from './DataTable';

/** Ledger entries as a member (or SUPPORT, on an audited look-up) reads them. */
export function LedgerTable({ entries, caption }: { entries: LedgerEntry[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <DataTable
      caption={caption}
      rows={entries}
      rowKey={(entry) => entry.id}
      columns={[
        { header: t('ledger.when'), cell: (entry) => f.dateTime(entry.createdAt) },
        {
          header: t('ledger.kind'),
          cell: (entry) => t(`kinds.${entry.kind}`, { defaultValue: entry.kind }),
        },
        { header: t('ledger.day'), cell: (entry) => f.day(entry.day) },
        {
          header: t('ledger.amount'),
          numeric: true,
          cellClass: (entry) => (entry.amount < 0 ? 'negative' : undefined),
          cell: (entry) => f.delta(entry.amount),
        },
        {
          header: t('ledger.balanceAfter'),
          numeric: true,
          cell: (entry) => f.bonus(entry.balanceAfter),
        },
      ]}
    />
  );
}
