import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useQuery } from '../../api/hooks';
import { fetchProgramSettings, simulateAccrual, updateProgramSettings } from '../../api/operations';
import { weightNames, type ProgramSettings, type Weights } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { fieldFailed, parseWhole, TextField } from '../../components/Field';
import { Async, ErrorNotice } from '../../components/Status';
import { addDays, today } from '../../days';
import { SimulationResult } from './SimulationResult';

/** Settings as typed in a form: text until sent. */
type Draft = { dailyCap: string } & Record<keyof Weights, string>;

const toDraft = (settings: ProgramSettings): Draft => ({
  dailyCap: String(settings.dailyCap),
  ...(Object.fromEntries(
    weightNames.map((name) => [name, String(settings.weights[name])]),
  ) as Record<keyof Weights, string>),
});
const fromDraft = (draft: Draft) => ({
  dailyCap: parseWhole(draft.dailyCap),
  weights: Object.fromEntries(weightNames.map((name) => [name, Number(draft[name])])) as Weights,
});

/**
 * The daily budget and the secret scoring settings (R14: they exist in the browser only here,
 * fetched from the ADMIN API), and the budget what-if over a closed day, which writes nothing.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(fetchProgramSettings, 'programSettings');
  return (
    <>
      <h1>{t('admin.settings.title')}</h1>
      <Async state={settings.state} onRetry={() => settings.reload()}>
        {(current) => (
          <>
            <SettingsForm current={current} onSaved={() => settings.reload(true)} />
            <WhatIfForm current={current} />
          </>
        )}
      </Async>
    </>
  );
}

function DraftFields({
  draft,
  setDraft,
  failed,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  failed: (field: string) => boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('fields.dailyCap')}
        inputMode="numeric"
        value={draft.dailyCap}
        required
        onValue={(dailyCap) => setDraft({ ...draft, dailyCap })}
        invalid={failed('dailyCap')}
      />
      <fieldset>
        <legend>{t('admin.settings.weights')}</legend>
        {weightNames.map((name) => (
          <TextField
            key={name}
            label={t(`weights.${name}`)}
            type="number"
            min={0}
            step="any"
            value={draft[name]}
            required
            onValue={(value) => setDraft({ ...draft, [name]: value })}
            invalid={failed(`weights.${name}`) || failed(name)}
          />
        ))}
      </fieldset>
    </>
  );
}

function SettingsForm({ current, onSaved }: { current: ProgramSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => toDraft(current));
  const save = useAction(updateProgramSettings);
  useEffect(() => setDraft(toDraft(current)), [current]);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run(fromDraft(draft))) onSaved();
  };
  return (
    <form className="card form" onSubmit={send} aria-labelledby="settings-title">
      <h2 id="settings-title">{t('admin.settings.current')}</h2>
      <DraftFields
        draft={draft}
        setDraft={setDraft}
        failed={(field) => fieldFailed(save.state, field)}
      />
      <button type="submit" className="primary" disabled={save.state.status === 'busy'}>
        {t('common.save')}
      </button>
      <ActionResult state={save.state} success={() => t('admin.settings.saved')} />
    </form>
  );
}

function WhatIfForm({ current }: { current: ProgramSettings }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(() => addDays(today(), -1));
  const [draft, setDraft] = useState(() => toDraft(current));
  const simulate = useAction(simulateAccrual);
  const send = (event: FormEvent) => {
    event.preventDefault();
    void simulate.run(day, fromDraft(draft));
  };
  return (
    <form className="card form" onSubmit={send} aria-labelledby="whatif-title">
      <h2 id="whatif-title">{t('admin.whatIf.title')}</h2>
      <p className="muted">{t('admin.whatIf.intro')}</p>
      <TextField
        label={t('ledger.day')}
        type="date"
        value={day}
        max={addDays(today(), -1)}
        required
        onValue={setDay}
        invalid={fieldFailed(simulate.state, 'day')}
      />
      <DraftFields
        draft={draft}
        setDraft={setDraft}
        failed={(field) => fieldFailed(simulate.state, field)}
      />
      <button type="submit" className="secondary" disabled={simulate.state.status === 'busy'}>
        {t('admin.whatIf.run')}
      </button>
      {simulate.state.status === 'error' && <ErrorNotice error={simulate.state.error} />}
      {simulate.state.status === 'done' && <SimulationResult result={simulate.state.result} />}
    </form>
  );
}
