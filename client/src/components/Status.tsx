import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import type { Loadable } from '../api/hooks';

/** Loading, failure and empty states in plain words; an error never shows a stack. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (error: ApiError): string => {
    if (error.code === 'BAD_USER_INPUT' && error.field) {
      const field = i18n.exists(`fields.${error.field}`) ? t(`fields.${error.field}`) : error.field;
      return t('errors.BAD_USER_INPUT_FIELD', { field });
    }
    const key = `errors.${error.code}`;
    return i18n.exists(key) ? t(key) : t('errors.UNKNOWN');
  };
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status" data-loading>
      {t('common.loading')}
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <div className="notice notice-error" role="alert">
      <p>{text(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Renders `children(data)` once loaded; `emptyText` when `isEmpty(data)`. */
export function Async<T>({
  state,
  onRetry,
  isEmpty,
  emptyText,
  children,
}: {
  state: Loadable<T>;
  onRetry?: () => void;
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={onRetry} />;
  if (isEmpty?.(state.data)) return <Empty>{emptyText}</Empty>;
  return <>{children(state.data)}</>;
}

export function ShowMore({
  hasMore,
  loading,
  error,
  onClick,
}: {
  hasMore: boolean;
  loading: boolean;
  error: ApiError | null;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && <ErrorNotice error={error} />}
      {hasMore && (
        <button type="button" className="secondary" onClick={onClick} disabled={loading}>
          {loading ? t('common.loading') : t('common.showMore')}
        </button>
      )}
    </>
  );
}
