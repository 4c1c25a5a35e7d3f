import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useQuery } from '../../api/hooks';
import { fetchSites, upsertSite } from '../../api/operations';
import type { Site } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { AsyncTable } from '../../components/DataTable';
import { fieldFailed, TextField } from '../../components/Field';

/** The network's sites: add one, or rename / move one (the id stays: tokens carry it). */
export default function SitesPage() {
  const { t } = useTranslation();
  const sites = useQuery(fetchSites, 'sites');
  const [editing, setEditing] = useState<Site | null>(null);
  return (
    <>
      <h1>{t('admin.sites.title')}</h1>
      <SiteForm
        key={editing?.id ?? 'new'}
        site={editing}
        onDone={() => {
          setEditing(null);
          sites.reload(true);
        }}
        onCancel={() => setEditing(null)}
      />
      <AsyncTable
        state={sites.state}
        onRetry={() => sites.reload()}
        emptyText={t('admin.sites.empty')}
        rowKey={(site) => site.id}
        columns={[
          { header: t('admin.sites.id'), cell: (site) => site.id },
          { header: t('fields.name'), cell: (site) => site.name },
          { header: t('fields.domain'), cell: (site) => site.domain },
          {
            header: t('common.actions'),
            cell: (site) => (
              <button type="button" className="link" onClick={() => setEditing(site)}>
                {t('common.edit')} <span className="sr-only">{site.name}</span>
              </button>
            ),
          },
        ]}
      />
    </>
  );
}

function SiteForm({
  site,
  onDone,
  onCancel,
}: {
  site: Site | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [id, setId] = useState(site?.id ?? '');
  const [name, setName] = useState(site?.name ?? '');
  const [domain, setDomain] = useState(site?.domain ?? '');
  const save = useAction(upsertSite);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run({
      id: id.trim() || undefined,
      name: name.trim(),
      domain: domain.trim(),
    });
    if (saved) onDone();
  };
  return (
    <form className="card form" onSubmit={send} aria-labelledby="site-form-title">
      <h2 id="site-form-title">
        {site ? t('admin.sites.edit', { name: site.name }) : t('admin.sites.new')}
      </h2>
      <TextField
        label={t('admin.sites.id')}
        value={id}
        onValue={setId}
        readOnly={site !== null}
        placeholder={t('admin.sites.idHint')}
        invalid={fieldFailed(save.state, 'id')}
      />
      <TextField
        label={t('fields.name')}
        value={name}
        onValue={setName}
        required
        invalid={fieldFailed(save.state, 'name')}
      />
      <TextField
        label={t('fields.domain')}
        value={domain}
        onValue={setDomain}
        required
        placeholder="news.example"
        invalid={fieldFailed(save.state, 'domain')}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={save.state.status === 'busy'}>
          {t('common.save')}
        </button>
        {site && (
          <button type="button" className="link" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      <ActionResult state={save.state} success={() => t('admin.sites.saved')} />
    </form>
  );
}
