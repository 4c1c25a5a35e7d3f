import { useTranslation } from 'react-i18next';
import { useAction, usePagedQuery } from '../../api/hooks';
import { fetchAuditLog, verifyAuditLog } from '../../api/operations';
import { AsyncTable } from '../../components/DataTable';
import { ErrorNotice, ShowMore } from '../../components/Status';
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
      <AsyncTable
        state={log.state}
        onRetry={() => log.reload()}
        emptyText={t('support.audit.empty')}
        caption={t('support.audit.caption')}
        rowKey={(record) => record.id}
        columns={[
          { header: t('ledger.when'), cell: (record) => f.dateTime(record.createdAt) },
          { header: t('support.audit.action'), cell: (record) => record.action },
          { header: t('support.audit.actor'), cell: (record) => record.actorId },
          { header: t('support.audit.target'), cell: (record) => record.targetId ?? '—' },
          { header: t('fields.reason'), cell: (record) => record.reason ?? '—' },
          { header: t('fields.note'), cell: (record) => record.note ?? '—' },
        ]}
      />
      <ShowMore
        hasMore={log.hasMore}
        loading={log.loadingMore}
        error={log.moreError}
        onClick={log.loadMore}
      />
    </>
  );
}
