import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { redeemReward } from '../../api/operations';
import type { Reward } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { useFormat } from '../../format';
import { newIdempotencyKey } from '../../idempotencyKey';

/** Outcomes the server may not have seen (or not finished): a retry must reuse the same key. */
const outcomeUnknown = new Set([
  'NETWORK',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
]);

/**
 * Redeeming is final (R17), so it asks once more. Each click on "Redeem" starts an attempt with
 * a new idempotency key; "Confirm" (and its retries after a network failure) send that key, so
 * a double click or a retry never spends twice, while a later, deliberate redeem spends again.
 */
export function RedeemButton({ reward, onRedeemed }: { reward: Reward; onRedeemed: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [attemptKey, setAttemptKey] = useState<string | null>(null);
  const redeem = useAction(redeemReward);
  const soldOut = reward.stock !== null && reward.stock <= 0;

  const confirm = async () => {
    if (!attemptKey) return;
    const done = await redeem.run(reward.id, attemptKey);
    if (done) {
      setAttemptKey(null);
      onRedeemed();
    }
  };
  const failed = redeem.state.status === 'error' ? redeem.state.error.code : null;
  // A definite refusal (funds, frozen, stock) ends the attempt; the next click starts a new one.
  useEffect(() => {
    if (failed && !outcomeUnknown.has(failed)) setAttemptKey(null);
  }, [failed]);

  return (
    <div className="redeem">
      {attemptKey ? (
        <div
          className="row"
          role="group"
          aria-label={t('member.rewards.confirmLabel', { title: reward.title })}
        >
          <span>
            {t('member.rewards.confirm', { title: reward.title, price: f.bonus(reward.price) })}
          </span>
          <button
            type="button"
            className="primary"
            onClick={confirm}
            disabled={redeem.state.status === 'busy'}
          >
            {failed ? t('common.retry') : t('member.rewards.confirmButton')}
          </button>
          <button type="button" className="link" onClick={() => setAttemptKey(null)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={soldOut}
          onClick={() => {
            redeem.reset();
            setAttemptKey(newIdempotencyKey());
          }}
        >
          {t('member.rewards.redeem')}
        </button>
      )}
      <ActionResult
        state={redeem.state}
        success={() => t('member.rewards.done', { title: reward.title })}
      />
    </div>
  );
}
