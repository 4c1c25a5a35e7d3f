import { useTranslation } from 'react-i18next';
import { usePagedQuery, useQuery } from '../../api/hooks';
import { fetchMyAccount, fetchMyRedemptions, fetchRewards } from '../../api/operations';
import type { Reward } from '../../api/types';
import { AsyncTable } from '../../components/DataTable';
import { Async, ShowMore } from '../../components/Status';
import { useFormat } from '../../format';
import { useLiveBalance } from '../../live/useLiveBalance';
import { RedeemButton } from './RedeemButton';

/** The catalogue with what the member can spend, and the member's own redemptions. */
export default function RewardsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const account = useQuery(fetchMyAccount, 'myAccount');
  const rewards = useQuery(fetchRewards, 'rewards');
  const redemptions = usePagedQuery(fetchMyRedemptions, 'myRedemptions');
  const refreshBalance = () => account.reload(true);
  useLiveBalance(refreshBalance, refreshBalance);
  const afterRedeem = () => {
    account.reload(true);
    rewards.reload(true);
    redemptions.reload(true);
  };
  const stockText = (reward: Reward) =>
    reward.stock === null
      ? t('member.rewards.unlimited')
      : reward.stock <= 0
        ? t('member.rewards.outOfStock')
        : t('member.rewards.left', { count: reward.stock });

  return (
    <>
      <h1>{t('member.rewards.title')}</h1>
      {account.state.status === 'ready' && (
        <p className="lead">
          {t('member.rewards.balance', { balance: f.bonus(account.state.data.balance) })}
          {account.state.data.frozen && ` ${t('member.rewards.frozen')}`}
        </p>
      )}
      <Async
        state={rewards.state}
        onRetry={() => rewards.reload()}
        isEmpty={(list) => list.filter((r) => r.active).length === 0}
        emptyText={t('member.rewards.empty')}
      >
        {(list) => (
          <ul className="cards">
            {list
              .filter((reward) => reward.active)
              .map((reward) => (
                <li key={reward.id} className="card reward">
                  <h2>{reward.title}</h2>
                  <p className="price">
                    {t('member.rewards.price', { price: f.bonus(reward.price) })}
                  </p>
                  <p className="muted">{stockText(reward)}</p>
                  <RedeemButton reward={reward} onRedeemed={afterRedeem} />
                </li>
              ))}
          </ul>
        )}
      </Async>
      <section className="card" aria-labelledby="redemptions-title">
        <h2 id="redemptions-title">{t('member.redemptions.title')}</h2>
        <AsyncTable
          state={redemptions.state}
          onRetry={() => redemptions.reload()}
          emptyText={t('member.redemptions.empty')}
          rowKey={(redemption) => redemption.id}
          columns={[
            {
              header: t('member.redemptions.when'),
              cell: (redemption) => f.dateTime(redemption.createdAt),
            },
            {
              header: t('member.redemptions.reward'),
              cell: (redemption) => redemption.reward.title,
            },
            {
              header: t('member.redemptions.price'),
              numeric: true,
              cell: (redemption) => f.bonus(redemption.price),
            },
            {
              header: t('common.status'),
              cell: (redemption) =>
                t(
                  redemption.compensated
                    ? 'redemptionStatus.COMPENSATED'
                    : `redemptionStatus.${redemption.status}`,
                ),
            },
          ]}
        />
        <ShowMore
          hasMore={redemptions.hasMore}
          loading={redemptions.loadingMore}
          error={redemptions.moreError}
          onClick={redemptions.loadMore}
        />
      </section>
    </>
  );
}
