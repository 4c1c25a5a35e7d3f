import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useQuery } from '../../api/hooks';
import { fetchSites, upsertSite } from '../../api/operations';
import type { Site } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { fieldFailed, TextField } from '../../components/Field';
import { Async } from '../../components/Status';

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
      <Async
        state={sites.state}
        onRetry={() => sites.reload()}
        isEmpty={(list) => list.length === 0}
        emptyText={t('admin.sites.empty')}
      >
        {(list) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('admin.sites.id')}</th>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.domain')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((site) => (
                  <tr key={site.id}>
                    <td>{site.id}</td>
                    <td>{site.name}</td>
                    <td>{site.domain}</td>
                    <td>
                      <button type="button" className="link" onClick={() => setEditing(site)}>
                        {t('common.edit')} <span className="sr-only">{site.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
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
