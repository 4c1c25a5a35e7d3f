import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { fetchMyAccount, fetchMyStatement } from '../../api/operations';
import type { BalanceEvent } from '../../api/types';
import { Async } from '../../components/Status';
import { lastDays } from '../../days';
import { useLiveBalance } from '../../live/useLiveBalance';
import { BalanceCard } from './BalanceCard';
import { EarningsChart } from './EarningsChart';
import { StatementTable } from './StatementTable';

const ranges = [30, 90] as const;

/** The member's personal account (R6): live balance, daily net earnings, statement. */
export default function AccountPage() {
  const { t } = useTranslation();
  const [rangeDays, setRangeDays] = useState<(typeof ranges)[number]>(30);
  const { from, to } = lastDays(rangeDays);
  const account = useQuery(fetchMyAccount, 'myAccount');
  const statement = useQuery(() => fetchMyStatement(from, to), `statement:${from}:${to}`);

  // A push moves the balance at once; the quiet refetches then bring totals and statement.
  const { setState: setAccount, reload: reloadAccount } = account;
  const reloadStatement = statement.reload;
  const onBalance = useCallback(
    (event: BalanceEvent) => {
      setAccount((state) =>
        state.status === 'ready'
          ? { status: 'ready', data: { ...state.data, balance: event.balance } }
          : state,
      );
      reloadAccount(true);
      reloadStatement(true);
    },
    [setAccount, reloadAccount, reloadStatement],
  );
  const live = useLiveBalance(onBalance, () => reloadAccount(true));

  return (
    <>
      <h1>{t('member.account.title')}</h1>
      <Async state={account.state} onRetry={() => account.reload()}>
        {(data) => <BalanceCard account={data} live={live} />}
      </Async>
      <section className="card" aria-labelledby="earnings-title">
        <div className="row spread">
          <h2 id="earnings-title">{t('member.chart.title')}</h2>
          <div className="segmented" role="group" aria-label={t('member.chart.range')}>
            {ranges.map((days) => (
              <button
                key={days}
                type="button"
                aria-pressed={rangeDays === days}
                onClick={() => setRangeDays(days)}
              >
                {t('member.chart.lastDays', { count: days })}
              </button>
            ))}
          </div>
        </div>
        <Async
          state={statement.state}
          onRetry={() => statement.reload()}
          isEmpty={(rows) => rows.length === 0}
          emptyText={t('member.statement.empty')}
        >
          {(rows) => (
            <>
              <EarningsChart rows={rows} from={from} to={to} />
              <StatementTable rows={rows} />
            </>
          )}
        </Async>
      </section>
    </>
  );
}
