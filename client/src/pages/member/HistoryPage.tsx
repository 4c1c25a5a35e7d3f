import { useTranslation } from 'react-i18next';
import { usePagedQuery } from '../../api/hooks';
import { fetchMyLedger } from '../../api/operations';
import { LedgerTable } from '../../components/LedgerTable';
import { Async, ShowMore } from '../../components/Status';

/** The member's full history (R6), newest first, a page at a time. */
export default function HistoryPage() {
  const { t } = useTranslation();
  const ledger = usePagedQuery(fetchMyLedger, 'myLedger');
  return (
    <>
      <h1>{t('member.history.title')}</h1>
      <Async
        state={ledger.state}
        onRetry={() => ledger.reload()}
        isEmpty={(entries) => entries.length === 0}
        emptyText={t('member.history.empty')}
      >
        {(entries) => <LedgerTable entries={entries} caption={t('member.history.caption')} />}
      </Async>
      <ShowMore
        hasMore={ledger.hasMore}
        loading={ledger.loadingMore}
        error={ledger.moreError}
        onClick={ledger.loadMore}
      />
    </>
  );
}
