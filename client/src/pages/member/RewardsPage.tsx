import { useTranslation } from 'react-i18next';
import { usePagedQuery, useQuery } from '../../api/hooks';
import { fetchMyAccount, fetchMyRedemptions, fetchRewards } from '../../api/operations';
import type { Reward } from '../../api/types';
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
        <Async
          state={redemptions.state}
          onRetry={() => redemptions.reload()}
          isEmpty={(list) => list.length === 0}
          emptyText={t('member.redemptions.empty')}
        >
          {(list) => (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('member.redemptions.when')}</th>
                    <th scope="col">{t('member.redemptions.reward')}</th>
                    <th scope="col" className="num">
                      {t('member.redemptions.price')}
                    </th>
                    <th scope="col">{t('common.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((redemption) => (
                    <tr key={redemption.id}>
                      <td>{f.dateTime(redemption.createdAt)}</td>
                      <td>{redemption.reward.title}</td>
                      <td className="num">{f.bonus(redemption.price)}</td>
                      <td>
                        {t(
                          redemption.compensated
                            ? 'redemptionStatus.COMPENSATED'
                            : `redemptionStatus.${redemption.status}`,
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
          hasMore={redemptions.hasMore}
          loading={redemptions.loadingMore}
          error={redemptions.moreError}
          onClick={redemptions.loadMore}
        />
      </section>
    </>
  );
}
