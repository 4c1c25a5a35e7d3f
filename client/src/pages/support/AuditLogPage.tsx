import { useTranslation } from 'react-i18next';
import { useAction, usePagedQuery } from '../../api/hooks';
import { fetchAuditLog, verifyAuditLog } from '../../api/operations';
import { ErrorNotice, Async, ShowMore } from '../../components/Status';
import { useFormat } from '../../format';

/** The hash-chained audit log and the chain check (any edit or deletion shows as a break). */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const log = usePagedQuery(fetchAuditLog, 'auditLog');
  const verify = useAction(verifyAuditLog);

  return (
    <>
      <h1>{t('support.audit.title')}</h1>
      <section className="card" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('support.audit.verifyTitle')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => void verify.run()}
          disabled={verify.state.status === 'busy'}
        >
          {verify.state.status === 'busy'
            ? t('support.audit.verifying')
            : t('support.audit.verify')}
        </button>
        {verify.state.status === 'error' && <ErrorNotice error={verify.state.error} />}
        {verify.state.status === 'done' && (
          <p
            className={verify.state.result.ok ? 'notice notice-ok' : 'notice notice-error'}
            role="status"
            data-testid="audit-verdict"
          >
            {verify.state.result.ok
              ? t('support.audit.intact', { count: verify.state.result.checked })
              : t('support.audit.broken', {
                  count: verify.state.result.checked,
                  at: verify.state.result.firstBrokenAt ?? '?',
                })}
          </p>
        )}
      </section>
      <Async
        state={log.state}
        onRetry={() => log.reload()}
        isEmpty={(list) => list.length === 0}
        emptyText={t('support.audit.empty')}
      >
        {(records) => (
          <div className="table-wrap">
            <table>
              <caption>{t('support.audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ledger.when')}</th>
                  <th scope="col">{t('support.audit.action')}</th>
                  <th scope="col">{t('support.audit.actor')}</th>
                  <th scope="col">{t('support.audit.target')}</th>
                  <th scope="col">{t('fields.reason')}</th>
                  <th scope="col">{t('fields.note')}</th>
                </tr>
              </thead>
              <tbody>
                {records.map((record) => (
                  <tr key={record.id}>
                    <td>{f.dateTime(record.createdAt)}</td>
                    <td>{record.action}</td>
                    <td>{record.actorId}</td>
                    <td>{record.targetId ?? '—'}</td>
                    <td>{record.reason ?? '—'}</td>
                    <td>{record.note ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      <ShowMore
        hasMore={log.hasMore}
        loading={log.loadingMore}
        error={log.moreError}
        onClick={log.loadMore}
      />
    </>
  );
}
