import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { ActionState } from '../api/hooks';

/** A labelled input. `invalid` marks it for assistive technology when the server named it. */
export function TextField({
  label,
  onValue,
  invalid,
  ...input
}: {
  label: string;
  onValue: (value: string) => void;
  invalid?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={invalid || undefined}
        onChange={(event) => onValue(event.target.value)}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  label,
  onValue,
  invalid,
  children,
  ...select
}: {
  label: string;
  onValue: (value: string) => void;
  invalid?: boolean;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={invalid || undefined}
        onChange={(event) => onValue(event.target.value)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

/** True when the last attempt failed because of this field (BAD_USER_INPUT naming it). */
export const fieldFailed = (state: ActionState<unknown>, field: string) =>
  state.status === 'error' && state.error.field === field;

/** An integer typed into a form; NaN (refused by the form) for anything else. */
export const parseWhole = (text: string) =>
  /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
