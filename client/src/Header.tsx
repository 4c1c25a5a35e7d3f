import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from './api/hooks';
import { fetchSupportUrl } from './api/operations';
import type { Member } from './api/types';
import { chooseLanguage, languages, type Language } from './i18n';
import { Link } from './router';
import { groups, type Section } from './sections';

export function Header({
  me,
  sections,
  onSignOut,
}: {
  me: Member;
  sections: readonly Section[];
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const supportUrl = useQuery(fetchSupportUrl, 'supportUrl');
  return (
    <header className="app-header">
      <div className="bar">
        <span className="brand">Merit</span>
        <span className="who">{t('app.signedInAs', { name: me.name ?? me.id })}</span>
        <div className="tools">
          {supportUrl.state.status === 'ready' && (
            <a href={supportUrl.state.data} target="_blank" rel="noopener noreferrer">
              {t('app.help')}
            </a>
          )}
          <LanguagePicker />
          <button type="button" className="link" onClick={onSignOut}>
            {t('app.signOut')}
          </button>
        </div>
      </div>
      {sections.length > 0 && (
        <nav aria-label={t('app.navigation')}>
          {groups.map((group) => {
            const inGroup = sections.filter((section) => section.group === group);
            if (inGroup.length === 0) return null;
            return (
              <div className="nav-group" key={group}>
                <span className="nav-group-label">{t(`nav.groups.${group}`)}</span>
                <ul>
                  {inGroup.map((section) => (
                    <li key={section.path}>
                      <Link to={section.path}>{t(section.label)}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
      )}
    </header>
  );
}

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="language">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={i18n.resolvedLanguage}
        onChange={(event) => chooseLanguage(event.target.value as Language)}
      >
        {languages.map(({ code, label }) => (
          <option key={code} value={code} lang={code}>
            {label}
          </option>
        ))}
      </select>
    </span>
  );
}
