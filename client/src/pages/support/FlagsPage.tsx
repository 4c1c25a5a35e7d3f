import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, usePagedQuery } from '../../api/hooks';
import { confirmFraudFlag, dismissFraudFlag, fetchFraudFlags } from '../../api/operations';
import { fraudFlagStatuses, type FraudFlag } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { SelectField } from '../../components/Field';
import { NoteAction } from '../../components/NoteAction';
import { Async, ShowMore } from '../../components/Status';
import { useFormat } from '../../format';

/** A decided flag offers no more actions (the server refuses them with CONFLICT anyway). */
const decided = new Set(['CONFIRMED', 'DISMISSED']);

/** A signal as the detector reports it: a word, or a few named facts. */
function signalText(signal: FraudFlag['signals'][number]): string {
  if (typeof signal === 'string') return signal;
  return Object.entries(signal)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(', ');
}

/** Fraud flags raised by the detector: confirm (writes the day off) or dismiss, with a note. */
export default function FlagsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState('');
  const flags = usePagedQuery(
    (paging) => fetchFraudFlags(status || undefined, paging),
    `flags:${status}`,
  );
  const confirm = useAction(confirmFraudFlag);
  const dismiss = useAction(dismissFraudFlag);
  const busy = confirm.state.status === 'busy' || dismiss.state.status === 'busy';
  const refresh = <R,>(result: R | undefined) => {
    if (result) flags.reload(true);
    return result;
  };

  return (
    <>
      <h1>{t('support.flags.title')}</h1>
      <SelectField label={t('common.status')} value={status} onValue={setStatus}>
        <option value="">{t('common.all')}</option>
        {fraudFlagStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`flagStatus.${s}`)}
          </option>
        ))}
      </SelectField>
      <ActionResult state={confirm.state} success={() => t('support.flags.confirmed')} />
      <ActionResult state={dismiss.state} success={() => t('support.flags.dismissed')} />
      <Async
        state={flags.state}
        onRetry={() => flags.reload()}
        isEmpty={(list) => list.length === 0}
        emptyText={t('support.flags.empty')}
      >
        {(list) => (
          <ul className="cards">
            {list.map((flag) => (
              <li key={flag.id} className="card">
                <h2>
                  {t('support.flags.heading', { member: flag.memberId, day: f.day(flag.day) })}
                </h2>
                <p>
                  {t('support.flags.confidence', { value: f.percent(flag.confidence) })}{' '}
                  <span className="badge">
                    {t(`flagStatus.${flag.status}`, { defaultValue: flag.status })}
                  </span>
                </p>
                <h3>{t('support.flags.signals')}</h3>
                <ul className="chips">
                  {flag.signals.map((signal, index) => (
                    <li key={index}>{signalText(signal)}</li>
                  ))}
                </ul>
                {!decided.has(flag.status) && (
                  <div className="row">
                    <NoteAction
                      label={t('support.flags.confirm')}
                      noteLabel={t('fields.note')}
                      tone="danger"
                      busy={busy}
                      onSubmit={async (note) => refresh(await confirm.run(flag.id, note))}
                    />
                    <NoteAction
                      label={t('support.flags.dismiss')}
                      noteLabel={t('fields.note')}
                      busy={busy}
                      onSubmit={async (note) => refresh(await dismiss.run(flag.id, note))}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Async>
      <ShowMore
        hasMore={flags.hasMore}
        loading={flags.loadingMore}
        error={flags.moreError}
        onClick={flags.loadMore}
      />
    </>
  );
}
