import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { fetchSupportAccount } from '../../api/operations';
import { fieldFailed, TextField } from '../../components/Field';
import { LedgerTable } from '../../components/LedgerTable';
import { ErrorNotice, Empty } from '../../components/Status';
import { useFormat } from '../../format';

/**
 * A member's account on an explicit, reasoned request (R2). The server records every look-up in
 * the audit log, so it runs only when the agent submits the form, never on typing.
 */
export default function AccountLookupPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [memberId, setMemberId] = useState('');
  const [reason, setReason] = useState('');
  const lookUp = useAction(fetchSupportAccount);
  const send = (event: FormEvent) => {
    event.preventDefault();
    void lookUp.run(memberId.trim(), reason.trim());
  };
  const state = lookUp.state;

  return (
    <>
      <h1>{t('support.lookup.title')}</h1>
      <p className="lead">{t('support.lookup.audited')}</p>
      <form className="card form" onSubmit={send}>
        <TextField
          label={t('fields.memberId')}
          value={memberId}
          onValue={setMemberId}
          required
          invalid={fieldFailed(state, 'memberId')}
        />
        <TextField
          label={t('fields.reason')}
          value={reason}
          onValue={setReason}
          required
          invalid={fieldFailed(state, 'reason')}
        />
        <button type="submit" className="primary" disabled={state.status === 'busy'}>
          {t('support.lookup.submit')}
        </button>
      </form>
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'done' && (
        <section className="card" aria-labelledby="lookup-result">
          <h2 id="lookup-result">
            {state.result.member.name ?? state.result.member.id} ({state.result.member.id})
          </h2>
          {state.result.member.banned && (
            <p className="notice notice-warn">{t('support.lookup.banned')}</p>
          )}
          <dl className="totals">
            <div>
              <dt>{t('member.balance.title')}</dt>
              <dd>{f.bonus(state.result.account.balance)}</dd>
            </div>
            <div>
              <dt>{t('member.balance.lifetimeAccrued')}</dt>
              <dd>{f.bonus(state.result.account.lifetimeAccrued)}</dd>
            </div>
            <div>
              <dt>{t('member.balance.lifetimeReversed')}</dt>
              <dd>{f.bonus(state.result.account.lifetimeReversed)}</dd>
            </div>
            <div>
              <dt>{t('member.balance.lifetimeSpent')}</dt>
              <dd>{f.bonus(state.result.account.lifetimeSpent)}</dd>
            </div>
          </dl>
          {state.result.account.frozen && <p>{t('support.lookup.frozen')}</p>}
          {state.result.ledger.nodes.length === 0 ? (
            <Empty>{t('member.history.empty')}</Empty>
          ) : (
            <LedgerTable entries={state.result.ledger.nodes} caption={t('support.lookup.ledger')} />
          )}
        </section>
      )}
    </>
  );
}
