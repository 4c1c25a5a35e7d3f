import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, usePagedQuery, useQuery } from '../../api/hooks';
import {
  fetchModerationQueue,
  fetchSites,
  publishMaterial,
  rejectMaterial,
} from '../../api/operations';
import type { DuplicateGroup, Material, Site } from '../../api/types';
import { ActionResult } from '../../components/ActionResult';
import { SelectField } from '../../components/Field';
import { NoteAction } from '../../components/NoteAction';
import { Async, ShowMore } from '../../components/Status';
import { useFormat } from '../../format';

/**
 * The pre-moderation queue (R7, R8): pending materials grouped by duplicate group, the
 * candidates of a group side by side; publishing one marks the others DUPLICATE on the server.
 */
export default function ModerationPage() {
  const { t } = useTranslation();
  const [siteId, setSiteId] = useState('');
  const sites = useQuery(fetchSites, 'sites');
  const queue = usePagedQuery(
    (paging) => fetchModerationQueue(siteId || undefined, paging),
    `queue:${siteId}`,
  );
  const siteList = sites.state.status === 'ready' ? sites.state.data : [];
  const publish = useAction(publishMaterial);
  const reject = useAction(rejectMaterial);
  const after = <R,>(result: R | undefined) => {
    if (result) queue.reload(true);
    return result;
  };

  return (
    <>
      <h1>{t('editor.title')}</h1>
      <div className="row">
        <SelectField label={t('fields.siteId')} value={siteId} onValue={setSiteId}>
          <option value="">{t('common.allSites')}</option>
          {siteList.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </SelectField>
      </div>
      <ActionResult state={publish.state} success={() => t('editor.published')} />
      <ActionResult state={reject.state} success={() => t('editor.rejected')} />
      <Async
        state={queue.state}
        onRetry={() => queue.reload()}
        isEmpty={(groups) => groups.length === 0}
        emptyText={t('editor.empty')}
      >
        {(groups) => (
          <ol className="groups">
            {groups.map((group) => (
              <GroupCard
                key={group.id}
                group={group}
                sites={siteList}
                busy={publish.state.status === 'busy' || reject.state.status === 'busy'}
                onPublish={async (id) => after(await publish.run(id))}
                onReject={async (id, reason) => after(await reject.run(id, reason))}
              />
            ))}
          </ol>
        )}
      </Async>
      <ShowMore
        hasMore={queue.hasMore}
        loading={queue.loadingMore}
        error={queue.moreError}
        onClick={queue.loadMore}
      />
    </>
  );
}

function GroupCard({
  group,
  sites,
  busy,
  onPublish,
  onReject,
}: {
  group: DuplicateGroup;
  sites: Site[];
  busy: boolean;
  onPublish: (id: string) => Promise<unknown>;
  onReject: (id: string, reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const single = group.materials.length === 1;
  return (
    <li className="card group">
      <h2>{single ? t('editor.single') : t('editor.group', { count: group.materials.length })}</h2>
      {!single && <p className="muted">{t('editor.groupHint')}</p>}
      <div className="side-by-side">
        {group.materials.map((material) => (
          <Candidate
            key={material.id}
            material={material}
            sites={sites}
            busy={busy}
            onPublish={onPublish}
            onReject={onReject}
          />
        ))}
      </div>
    </li>
  );
}

function Candidate({
  material,
  sites,
  busy,
  onPublish,
  onReject,
}: {
  material: Material;
  sites: Site[];
  busy: boolean;
  onPublish: (id: string) => Promise<unknown>;
  onReject: (id: string, reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const site = sites.find((s) => s.id === material.siteId)?.name ?? material.siteId;
  return (
    <article className="candidate" aria-label={material.title}>
      <h3>
        <a href={material.url} target="_blank" rel="noopener noreferrer">
          {material.title}
        </a>
      </h3>
      <dl className="facts">
        <dt>{t('editor.author')}</dt>
        <dd>{material.authorId}</dd>
        <dt>{t('fields.siteId')}</dt>
        <dd>{site}</dd>
        <dt>{t('fields.category')}</dt>
        <dd>{material.category || '—'}</dd>
        <dt>{t('editor.submitted')}</dt>
        <dd>{f.dateTime(material.createdAt)}</dd>
        <dt>{t('fields.url')}</dt>
        <dd className="url">{material.url}</dd>
      </dl>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => onPublish(material.id)}
        >
          {t('editor.publish')}
        </button>
        <NoteAction
          label={t('editor.reject')}
          noteLabel={t('editor.rejectReason')}
          busy={busy}
          tone="danger"
          onSubmit={(reason) => onReject(material.id, reason)}
        />
      </div>
    </article>
  );
}
