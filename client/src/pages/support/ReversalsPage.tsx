import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, usePagedQuery } from '../../api/hooks';
import { fetchReversals, reinstateReversal } from '../../api/operations';
import { reversalStatuses, type ReversalFilter } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { AsyncTable } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/Field';
import { NoteAction } from '../../components/NoteAction';
import { ShowMore } from '../../components/Status';
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
      <AsyncTable
        state={reversals.state}
        onRetry={() => reversals.reload()}
        emptyText={t('support.reversals.empty')}
        rowKey={(reversal) => reversal.id}
        columns={[
          { header: t('fields.memberId'), cell: (reversal) => reversal.memberId },
          { header: t('ledger.day'), cell: (reversal) => f.day(reversal.day) },
          {
            header: t('ledger.amount'),
            numeric: true,
            cell: (reversal) => f.bonus(reversal.amount),
          },
          {
            header: t('fields.reason'),
            cell: (reversal) =>
              t(`reversalReason.${reversal.reason}`, { defaultValue: reversal.reason }),
          },
          {
            header: t('support.reversals.evidence'),
            cellClass: () => 'evidence',
            cell: (reversal) => reversal.evidence,
          },
          {
            header: t('support.reversals.origin'),
            cell: (reversal) => (
              <>
                {t(`origin.${reversal.origin}`, { defaultValue: reversal.origin })}
                {reversal.actorId ? ` (${reversal.actorId})` : ''}
              </>
            ),
          },
          {
            header: t('common.status'),
            cell: (reversal) =>
              t(`reversalStatus.${reversal.status}`, { defaultValue: reversal.status }),
          },
          {
            header: t('common.actions'),
            cell: (reversal) =>
              reversal.status === 'ACTIVE' && (
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
              ),
          },
        ]}
      />
      <ShowMore
        hasMore={reversals.hasMore}
        loading={reversals.loadingMore}
        error={reversals.moreError}
        onClick={reversals.loadMore}
      />
    </>
  );
}
