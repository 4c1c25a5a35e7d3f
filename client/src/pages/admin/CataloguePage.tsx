import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useQuery } from '../../api/hooks';
import { fetchRewards, upsertReward } from '../../api/operations';
import type { Reward } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { AsyncTable } from '../../components/DataTable';
import { fieldFailed, parseWhole, TextField } from '../../components/Field';
import { useFormat } from '../../format';

/** The rewards catalogue: create, edit, retire (inactive); an empty stock means unlimited. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const rewards = useQuery(fetchRewards, 'rewards');
  const [editing, setEditing] = useState<Reward | null>(null);
  return (
    <>
      <h1>{t('admin.catalogue.title')}</h1>
      <RewardForm
        key={editing?.id ?? 'new'}
        reward={editing}
        onDone={() => {
          setEditing(null);
          rewards.reload(true);
        }}
        onCancel={() => setEditing(null)}
      />
      <AsyncTable
        state={rewards.state}
        onRetry={() => rewards.reload()}
        emptyText={t('admin.catalogue.empty')}
        rowKey={(reward) => reward.id}
        columns={[
          { header: t('fields.title'), cell: (reward) => reward.title },
          { header: t('fields.price'), numeric: true, cell: (reward) => f.bonus(reward.price) },
          {
            header: t('fields.stock'),
            numeric: true,
            cell: (reward) =>
              reward.stock === null ? t('member.rewards.unlimited') : f.count(reward.stock),
          },
          {
            header: t('fields.active'),
            cell: (reward) => (reward.active ? t('common.yes') : t('common.no')),
          },
          {
            header: t('common.actions'),
            cell: (reward) => (
              <button type="button" className="link" onClick={() => setEditing(reward)}>
                {t('common.edit')} <span className="sr-only">{reward.title}</span>
              </button>
            ),
          },
        ]}
      />
    </>
  );
}

function RewardForm({
  reward,
  onDone,
  onCancel,
}: {
  reward: Reward | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const activeId = useId();
  const [title, setTitle] = useState(reward?.title ?? '');
  const [price, setPrice] = useState(reward ? String(reward.price) : '');
  const [stock, setStock] = useState(reward?.stock == null ? '' : String(reward.stock));
  const [active, setActive] = useState(reward?.active ?? true);
  const save = useAction(upsertReward);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run({
      ...(reward ? { id: reward.id } : {}),
      title: title.trim(),
      price: parseWhole(price),
      stock: stock.trim() === '' ? null : parseWhole(stock),
      active,
    });
    if (saved) onDone();
  };
  return (
    <form className="card form" onSubmit={send} aria-labelledby="reward-form-title">
      <h2 id="reward-form-title">
        {reward ? t('admin.catalogue.edit', { title: reward.title }) : t('admin.catalogue.new')}
      </h2>
      <TextField
        label={t('fields.title')}
        value={title}
        onValue={setTitle}
        required
        maxLength={200}
        invalid={fieldFailed(save.state, 'title')}
      />
      <TextField
        label={t('fields.price')}
        type="number"
        min={1}
        step={1}
        value={price}
        onValue={setPrice}
        required
        invalid={fieldFailed(save.state, 'price')}
      />
      <TextField
        label={t('fields.stock')}
        type="number"
        min={0}
        step={1}
        value={stock}
        onValue={setStock}
        placeholder={t('admin.catalogue.unlimitedHint')}
        invalid={fieldFailed(save.state, 'stock')}
      />
      <div className="field checkbox">
        <input
          id={activeId}
          type="checkbox"
          checked={active}
          onChange={(event) => setActive(event.target.checked)}
        />
        <label htmlFor={activeId}>{t('fields.active')}</label>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={save.state.status === 'busy'}>
          {t('common.save')}
        </button>
        {reward && (
          <button type="button" className="link" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      <ActionResult state={save.state} success={() => t('admin.catalogue.saved')} />
    </form>
  );
}
