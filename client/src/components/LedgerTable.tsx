import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from '../api/types';
import { useFormat } from '../format';

/** Ledger entries as a member (or SUPPORT, on an audited look-up) reads them. */
export function LedgerTable({ entries, caption }: { entries: LedgerEntry[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ledger.when')}</th>
            <th scope="col">{t('ledger.kind')}</th>
            <th scope="col">{t('ledger.day')}</th>
            <th scope="col" className="num">
              {t('ledger.amount')}
            </th>
            <th scope="col" className="num">
              {t('ledger.balanceAfter')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{f.dateTime(entry.createdAt)}</td>
              <td>{t(`kinds.${entry.kind}`, { defaultValue: entry.kind })}</td>
              <td>{f.day(entry.day)}</td>
              <td className={entry.amount < 0 ? 'num negative' : 'num'}>{f.delta(entry.amount)}</td>
              <td className="num">{f.bonus(entry.balanceAfter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
