import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button that opens a small form asking for the required words (a rejection reason, a note on
 * a flag decision or a reinstatement) before it acts. A blank note is refused here already.
 */
export function NoteAction({
  label,
  noteLabel,
  onSubmit,
  busy,
  tone = 'secondary',
}: {
  label: string;
  noteLabel: string;
  /** Resolves to undefined when the act failed. */
  onSubmit: (note: string) => Promise<unknown>;
  busy: boolean;
  tone?: 'primary' | 'secondary' | 'danger';
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [blank, setBlank] = useState(false);

  if (!open) {
    return (
      <button type="button" className={tone} onClick={() => setOpen(true)} disabled={busy}>
        {label}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setBlank(true);
      return;
    }
    // A failed act keeps the form open with its words, so the person can try again.
    if ((await onSubmit(note.trim())) === undefined) return;
    setOpen(false);
    setNote('');
  };
  return (
    <form className="note-form" onSubmit={submit}>
      <label htmlFor={id}>{noteLabel}</label>
      <textarea
        id={id}
        value={note}
        rows={2}
        required
        autoFocus
        aria-invalid={blank || undefined}
        aria-describedby={blank ? `${id}-blank` : undefined}
        onChange={(event) => {
          setNote(event.target.value);
          setBlank(false);
        }}
      />
      {blank && (
        <p id={`${id}-blank`} className="field-error">
          {t('common.required')}
        </p>
      )}
      <div className="row">
        <button type="submit" className={tone} disabled={busy}>
          {label}
        </button>
        <button type="button" className="link" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
