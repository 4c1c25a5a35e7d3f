import type { ActionState } from '../api/hooks';
import { ErrorNotice } from './Status';

/** The outcome of a write, announced to screen readers: success words or the error's words. */
export function ActionResult<R>({
  state,
  success,
}: {
  state: ActionState<R>;
  success: (result: R) => string;
}) {
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  if (state.status !== 'done') return null;
  return (
    <p className="notice notice-ok" role="status">
      {success(state.result)}
    </p>
  );
}
