import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/types';
import { useFormat } from '../../format';
import type { LiveStatus } from '../../live/useLiveBalance';

/**
 * The balance, briefly highlighted when it changes (a live push or a refetch), with the change
 * announced politely to screen readers. Frozen accounts say so and why spending is refused.
 */
export function BalanceCard({ account, live }: { account: Account; live: LiveStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  const previous = useRef(account.balance);
  const [change, setChange] = useState<{ delta: number; at: number } | null>(null);

  useEffect(() => {
    const delta = account.balance - previous.current;
    previous.current = account.balance;
    if (delta === 0) return;
    const at = Date.now();
    setChange({ delta, at });
    const timer = window.setTimeout(() => setChange((c) => (c?.at === at ? null : c)), 2500);
    return () => window.clearTimeout(timer);
  }, [account.balance]);

  return (
    <section className="card balance-card" aria-labelledby="balance-title">
      <h2 id="balance-title">{t('member.balance.title')}</h2>
      <p className={change ? 'balance changed' : 'balance'} key={change?.at ?? 0}>
        <span data-testid="balance">{f.bonus(account.balance)}</span>{' '}
        <span className="unit">{t('common.bonuses', { count: account.balance })}</span>
      </p>
      <p className="sr-only" aria-live="polite">
        {change ? t('member.balance.changed', { delta: f.delta(change.delta) }) : ''}
      </p>
      {change && (
        <p className={change.delta > 0 ? 'delta up' : 'delta down'} aria-hidden="true">
          {f.delta(change.delta)}
        </p>
      )}
      {account.frozen && <p className="notice notice-warn">{t('member.balance.frozen')}</p>}
      <dl className="totals">
        <div>
          <dt>{t('member.balance.lifetimeAccrued')}</dt>
          <dd>{f.bonus(account.lifetimeAccrued)}</dd>
        </div>
        <div>
          <dt>{t('member.balance.lifetimeReversed')}</dt>
          <dd>{f.bonus(account.lifetimeReversed)}</dd>
        </div>
        <div>
          <dt>{t('member.balance.lifetimeSpent')}</dt>
          <dd>{f.bonus(account.lifetimeSpent)}</dd>
        </div>
      </dl>
      <p className={`live live-${live}`}>{t(`member.live.${live}`)}</p>
    </section>
  );
}
