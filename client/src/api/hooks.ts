import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';
import type { Page, PageArgs } from './types';

/** What a screen shows while it waits, after a failure, and once data is there. */
export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR');

/**
 * Runs `load` when `key` changes (and on `reload`). An answer that arrives after a newer
 * request started is dropped, so a slow old answer never overwrites a fresh one.
 */
export function useQuery<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback((quiet: boolean) => {
    const ticket = ++latest.current;
    if (!quiet) setState({ status: 'loading' });
    loadRef.current().then(
      (data) => ticket === latest.current && setState({ status: 'ready', data }),
      (error: unknown) =>
        ticket === latest.current && setState({ status: 'error', error: asApiError(error) }),
    );
  }, []);

  useEffect(() => run(false), [key, run]);
  /** Refetch; `quiet` keeps the current data on screen until the answer arrives. */
  const reload = useCallback((quiet = false) => run(quiet), [run]);
  return { state, reload, setState };
}

/**
 * A cursor-paged list that grows with "show more". Later pages are kept together with the
 * first page they continue, so a reload of the first page drops them without an extra render.
 */
export function usePagedQuery<T>(loadPage: (paging: PageArgs) => Promise<Page<T>>, key: string) {
  const first = useQuery(() => loadPage({}), key);
  const [extra, setExtra] = useState<{ base: Page<T>; nodes: T[]; cursor: string | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);

  const base = first.state.status === 'ready' ? first.state.data : null;
  const continued = extra && extra.base === base ? extra : undefined;
  const baseCursor = base?.pageInfo.hasNextPage ? base.pageInfo.endCursor : null;
  const cursor = continued ? continued.cursor : baseCursor;

  const loadMore = useCallback(() => {
    if (!base || !cursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    loadPage({ after: cursor }).then(
      ({ nodes, pageInfo }) => {
        setExtra({
          base,
          nodes: [...(continued?.nodes ?? []), ...nodes],
          cursor: pageInfo.hasNextPage ? pageInfo.endCursor : null,
        });
        setLoadingMore(false);
      },
      (error: unknown) => {
        setMoreError(asApiError(error));
        setLoadingMore(false);
      },
    );
  }, [base, continued, cursor, loadPage, loadingMore]);

  const state: Loadable<T[]> = base
    ? { status: 'ready', data: [...base.nodes, ...(continued?.nodes ?? [])] }
    : (first.state as Loadable<T[]>);
  return {
    state,
    reload: first.reload,
    loadMore,
    hasMore: cursor !== null,
    loadingMore,
    moreError,
  };
}

export type ActionState<R> =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; result: R }
  | { status: 'error'; error: ApiError };

/** A write started by a person: one at a time, with its outcome kept for the message. */
export function useAction<A extends unknown[], R>(act: (...input: A) => Promise<R>) {
  const [state, setState] = useState<ActionState<R>>({ status: 'idle' });
  const busy = useRef(false);
  const run = useCallback(
    async (...input: A): Promise<R | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      setState({ status: 'busy' });
      try {
        const result = await act(...input);
        setState({ status: 'done', result });
        return result;
      } catch (error) {
        setState({ status: 'error', error: asApiError(error) });
        return undefined;
      } finally {
        busy.current = false;
      }
    },
    [act],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset };
}
