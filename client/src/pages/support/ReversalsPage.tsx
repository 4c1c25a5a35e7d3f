import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, usePagedQuery } from '../../api/hooks';
import { fetchReversals, reinstateReversal } from '../../api/operations';
import { reversalStatuses, type ReversalFilter } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { SelectField, TextField } from '../../components/Field';
import { NoteAction } from '../../components/NoteAction';
import { Async, ShowMore } from '../../components/Status';
import { useFormat } from '../../format';

const noFilter = { memberId: '', from: '', to: '', status: '' };

/**
 * Reversals with filters (all optional), and reinstatement of a wrong one with a note (R20:
 * once, by another SUPPORT member than the reverser: the server says so if not).
 */
export default function ReversalsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [draft, setDraft] = useState(noFilter);
  const [filter, setFilter] = useState(noFilter);
  const query: ReversalFilter = {
    memberId: filter.memberId || undefined,
    from: filter.from || undefined,
    to: filter.to || undefined,
    status: (filter.status || undefined) as ReversalFilter['status'],
  };
  const reversals = usePagedQuery(
    (paging) => fetchReversals(query, paging),
    JSON.stringify(filter),
  );
  const reinstate = useAction(reinstateReversal);
  const set = (field: keyof typeof noFilter) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...draft, memberId: draft.memberId.trim() });
  };

  return (
    <>
      <h1>{t('support.reversals.title')}</h1>
      <form className="card form filters" onSubmit={apply} aria-label={t('common.filters')}>
        <TextField label={t('fields.memberId')} value={draft.memberId} onValue={set('memberId')} />
        <TextField label={t('fields.from')} type="date" value={draft.from} onValue={set('from')} />
        <TextField label={t('fields.to')} type="date" value={draft.to} onValue={set('to')} />
        <SelectField label={t('common.status')} value={draft.status} onValue={set('status')}>
          <option value="">{t('common.all')}</option>
          {reversalStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`reversalStatus.${s}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="secondary">
          {t('common.apply')}
        </button>
      </form>
      <ActionResult state={reinstate.state} success={() => t('support.reversals.reinstated')} />
      <Async
        state={reversals.state}
        onRetry={() => reversals.reload()}
        isEmpty={(list) => list.length === 0}
        emptyText={t('support.reversals.empty')}
      >
        {(list) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('fields.memberId')}</th>
                  <th scope="col">{t('ledger.day')}</th>
                  <th scope="col" className="num">
                    {t('ledger.amount')}
                  </th>
                  <th scope="col">{t('fields.reason')}</th>
                  <th scope="col">{t('support.reversals.evidence')}</th>
                  <th scope="col">{t('support.reversals.origin')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((reversal) => (
                  <tr key={reversal.id}>
                    <td>{reversal.memberId}</td>
                    <td>{f.day(reversal.day)}</td>
                    <td className="num">{f.bonus(reversal.amount)}</td>
                    <td>
                      {t(`reversalReason.${reversal.reason}`, { defaultValue: reversal.reason })}
                    </td>
                    <td className="evidence">{reversal.evidence}</td>
                    <td>
                      {t(`origin.${reversal.origin}`, { defaultValue: reversal.origin })}
                      {reversal.actorId ? ` (${reversal.actorId})` : ''}
                    </td>
                    <td>
                      {t(`reversalStatus.${reversal.status}`, { defaultValue: reversal.status })}
                    </td>
                    <td>
                      {reversal.status === 'ACTIVE' && (
                        <NoteAction
                          label={t('support.reversals.reinstate')}
                          noteLabel={t('fields.note')}
                          busy={reinstate.state.status === 'busy'}
                          onSubmit={async (note) => {
                            const done = await reinstate.run(reversal.id, note);
                            if (done) reversals.reload(true);
                            return done;
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      <ShowMore
        hasMore={reversals.hasMore}
        loading={reversals.loadingMore}
        error={reversals.moreError}
        onClick={reversals.loadMore}
      />
    </>
  );
}
