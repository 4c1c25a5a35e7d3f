import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { banMember, unbanMember } from '../../api/operations';
import { ActionResult } from '../../components/ActionResult';
import { fieldFailed, TextField } from '../../components/Field';

/** Ban or unban a member with a reason (R16: a ban freezes, never debits; R19: no fines here). */
export default function BansPage() {
  const { t } = useTranslation();
  const [memberId, setMemberId] = useState('');
  const [reason, setReason] = useState('');
  const act = useAction((ban: boolean, id: string, why: string) =>
    ban ? banMember(id, why) : unbanMember(id, why),
  );

  const send = (ban: boolean) => async (event: FormEvent) => {
    event.preventDefault();
    if (await act.run(ban, memberId.trim(), reason.trim())) setReason('');
  };
  const busy = act.state.status === 'busy';
  return (
    <>
      <h1>{t('moderator.title')}</h1>
      <p className="lead">{t('moderator.intro')}</p>
      <form className="card form" onSubmit={send(true)}>
        <TextField
          label={t('fields.memberId')}
          value={memberId}
          onValue={setMemberId}
          required
          invalid={fieldFailed(act.state, 'memberId')}
        />
        <TextField
          label={t('fields.reason')}
          value={reason}
          onValue={setReason}
          required
          invalid={fieldFailed(act.state, 'reason')}
        />
        <div className="row">
          <button type="submit" className="danger" disabled={busy}>
            {t('moderator.ban')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={(event) => {
              if (event.currentTarget.form?.reportValidity()) void send(false)(event);
            }}
          >
            {t('moderator.unban')}
          </button>
        </div>
        <ActionResult
          state={act.state}
          success={(member) =>
            t(member.banned ? 'moderator.banned' : 'moderator.unbanned', { id: member.id })
          }
        />
      </form>
    </>
  );
}
