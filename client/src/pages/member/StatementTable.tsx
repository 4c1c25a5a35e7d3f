import { useTranslation } from 'react-i18next';
import type { DailyStatement } from '../../api/types';
import { useFormat } from '../../format';

/** One row per day with activity, newest first; a negative net is marked, not only coloured. */
export function StatementTable({ rows }: { rows: DailyStatement[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const newestFirst = [...rows].sort((a, b) => b.day.localeCompare(a.day));
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('member.statement.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('member.statement.day')}</th>
            <th scope="col" className="num">
              {t('member.statement.accrued')}
            </th>
            <th scope="col" className="num">
              {t('member.statement.reversed')}
            </th>
            <th scope="col" className="num">
              {t('member.statement.reinstated')}
            </th>
            <th scope="col" className="num">
              {t('member.statement.spent')}
            </th>
            <th scope="col" className="num">
              {t('member.statement.net')}
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((row) => (
            <tr key={row.day}>
              <th scope="row">{f.day(row.day)}</th>
              <td className="num">{f.bonus(row.accrued)}</td>
              <td className="num">{f.bonus(row.reversed)}</td>
              <td className="num">{f.bonus(row.reinstated)}</td>
              <td className="num">{f.bonus(row.spent)}</td>
              <td className={row.net < 0 ? 'num negative' : 'num'}>{f.delta(row.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
