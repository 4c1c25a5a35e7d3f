import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { submitMaterial } from '../../api/operations';
import type { Site } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { fieldFailed, SelectField, TextField } from '../../components/Field';

const empty = { siteId: '', title: '', url: '', category: '' };

/** Submitting a material: it waits for an editor (PENDING) and earns nothing until published. */
export function SubmitMaterialForm({
  sites,
  onSubmitted,
}: {
  sites: Site[];
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState({ ...empty, siteId: sites[0]?.id ?? '' });
  const submit = useAction(submitMaterial);
  const set = (field: keyof typeof empty) => (value: string) =>
    setInput((i) => ({ ...i, [field]: value }));

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run({
      ...input,
      title: input.title.trim(),
      category: input.category.trim(),
    });
    if (!created) return;
    setInput((i) => ({ ...empty, siteId: i.siteId }));
    onSubmitted();
  };
  const busy = submit.state.status === 'busy';
  return (
    <form className="card form" onSubmit={send} aria-labelledby="submit-title">
      <h2 id="submit-title">{t('member.submit.title')}</h2>
      <SelectField
        label={t('fields.siteId')}
        value={input.siteId}
        onValue={set('siteId')}
        required
        invalid={fieldFailed(submit.state, 'siteId')}
      >
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('fields.title')}
        value={input.title}
        onValue={set('title')}
        required
        maxLength={200}
        invalid={fieldFailed(submit.state, 'title')}
      />
      <TextField
        label={t('fields.url')}
        type="url"
        value={input.url}
        onValue={set('url')}
        required
        placeholder="https://"
        invalid={fieldFailed(submit.state, 'url')}
      />
      <TextField
        label={t('fields.category')}
        value={input.category}
        onValue={set('category')}
        maxLength={50}
        invalid={fieldFailed(submit.state, 'category')}
      />
      <button type="submit" className="primary" disabled={busy || sites.length === 0}>
        {busy ? t('common.sending') : t('member.submit.send')}
      </button>
      <ActionResult state={submit.state} success={() => t('member.submit.done')} />
    </form>
  );
}
