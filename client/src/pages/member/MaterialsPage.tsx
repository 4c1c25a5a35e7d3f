import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePagedQuery, useQuery } from '../../api/hooks';
import { fetchMyMaterials, fetchSites } from '../../api/operations';
import { materialStatuses, type MaterialStatus, type Site } from '../../api/types';
import { SelectField } from '../../components/Field';
import { Async, ShowMore } from '../../components/Status';
import { useFormat } from '../../format';
import { SubmitMaterialForm } from './SubmitMaterialForm';

/** The member's own materials with their review status, and the form to submit one. */
export default function MaterialsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState<MaterialStatus | ''>('');
  const sites = useQuery(fetchSites, 'sites');
  const materials = usePagedQuery(
    (paging) => fetchMyMaterials(status || undefined, paging),
    `myMaterials:${status}`,
  );
  const siteName = (id: string, all: Site[]) => all.find((site) => site.id === id)?.name ?? id;
  const siteList = sites.state.status === 'ready' ? sites.state.data : [];

  return (
    <>
      <h1>{t('member.materials.title')}</h1>
      <Async state={sites.state} onRetry={() => sites.reload()}>
        {(all) => <SubmitMaterialForm sites={all} onSubmitted={() => materials.reload(true)} />}
      </Async>
      <section className="card" aria-labelledby="mine-title">
        <div className="row spread">
          <h2 id="mine-title">{t('member.materials.mine')}</h2>
          <SelectField
            label={t('common.status')}
            value={status}
            onValue={(value) => setStatus(value as MaterialStatus | '')}
          >
            <option value="">{t('common.all')}</option>
            {materialStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`materialStatus.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <Async
          state={materials.state}
          onRetry={() => materials.reload()}
          isEmpty={(list) => list.length === 0}
          emptyText={t('member.materials.empty')}
        >
          {(list) => (
            <ul className="items">
              {list.map((material) => (
                <li key={material.id} className="item">
                  <a href={material.url} target="_blank" rel="noopener noreferrer">
                    {material.title}
                  </a>
                  <span className={`badge status-${material.status.toLowerCase()}`}>
                    {t(`materialStatus.${material.status}`)}
                  </span>
                  <span className="muted">
                    {siteName(material.siteId, siteList)} · {material.category} ·{' '}
                    {f.dateTime(material.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Async>
        <ShowMore
          hasMore={materials.hasMore}
          loading={materials.loadingMore}
          error={materials.moreError}
          onClick={materials.loadMore}
        />
      </section>
    </>
  );
}
