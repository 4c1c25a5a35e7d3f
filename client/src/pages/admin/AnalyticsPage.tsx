import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { fetchIssuance, fetchProgramKpis } from '../../api/operations';
import { DataTable } from '../../components/DataTable';
import { TextField } from '../../components/Field';
import { Async } from '../../components/Status';
import { lastDays } from '../../days';
import { useFormat } from '../../format';
import { IssuanceChart } from './IssuanceChart';

/** Issuance against the daily cap, and the programme's KPIs for a chosen period. */
export default function AnalyticsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [period, setPeriod] = useState(() => lastDays(30));
  const [draft, setDraft] = useState(period);
  const issuance = useQuery(
    () => fetchIssuance(period.from, period.to),
    `issuance:${period.from}:${period.to}`,
  );
  const kpis = useQuery(
    () => fetchProgramKpis(period.from, period.to),
    `kpis:${period.from}:${period.to}`,
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
  };
  const rates = [
    'engagementRate',
    'pointsUsedRate',
    'earnerRetentionRate',
    'earnerChurnRate',
  ] as const;

  return (
    <>
      <h1>{t('admin.analytics.title')}</h1>
      <form className="card form filters" onSubmit={apply} aria-label={t('admin.analytics.period')}>
        <TextField
          label={t('fields.from')}
          type="date"
          value={draft.from}
          required
          onValue={(from) => setDraft((d) => ({ ...d, from }))}
        />
        <TextField
          label={t('fields.to')}
          type="date"
          value={draft.to}
          required
          onValue={(to) => setDraft((d) => ({ ...d, to }))}
        />
        <button type="submit" className="secondary">
          {t('common.apply')}
        </button>
      </form>
      <section className="card" aria-labelledby="kpi-title">
        <h2 id="kpi-title">{t('admin.kpis.title')}</h2>
        <Async state={kpis.state} onRetry={() => kpis.reload()}>
          {(data) => (
            <dl className="totals kpis">
              {rates.map((rate) => (
                <div key={rate}>
                  <dt>{t(`admin.kpis.${rate}`)}</dt>
                  <dd>{data[rate] === null ? '—' : f.percent(data[rate])}</dd>
                </div>
              ))}
              <div>
                <dt>{t('admin.kpis.activeEarners')}</dt>
                <dd>{f.count(data.activeEarners)}</dd>
              </div>
            </dl>
          )}
        </Async>
      </section>
      <section className="card" aria-labelledby="issuance-title">
        <h2 id="issuance-title">{t('admin.issuance.title')}</h2>
        <Async
          state={issuance.state}
          onRetry={() => issuance.reload()}
          isEmpty={(days) => days.length === 0}
          emptyText={t('admin.issuance.empty')}
        >
          {(days) => (
            <>
              <IssuanceChart days={days} />
              <DataTable
                rows={[...days].reverse()}
                rowKey={(day) => day.day}
                columns={[
                  { header: t('ledger.day'), rowHeader: true, cell: (day) => f.day(day.day) },
                  {
                    header: t('admin.issuance.cap'),
                    numeric: true,
                    cell: (day) => f.bonus(day.cap),
                  },
                  {
                    header: t('admin.issuance.issued'),
                    numeric: true,
                    cell: (day) => f.bonus(day.issued),
                  },
                  {
                    header: t('admin.issuance.reversed'),
                    numeric: true,
                    cell: (day) => f.bonus(day.reversed),
                  },
                  {
                    header: t('admin.issuance.earners'),
                    numeric: true,
                    cell: (day) => f.count(day.earners),
                  },
                  {
                    header: t('admin.issuance.capped'),
                    cell: (day) => (day.capped ? t('common.yes') : t('common.no')),
                  },
                ]}
              />
            </>
          )}
        </Async>
      </section>
    </>
  );
}
