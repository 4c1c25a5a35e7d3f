import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from './api/hooks';
import { fetchMe } from './api/operations';
import type { Member } from './api/types';
import { ErrorNotice, Loading } from './components/Status';
import { Header } from './Header';
import { navigate, usePath } from './router';
import { visibleSections } from './sections';
import { readToken, signOut } from './session';
import { SignedOut } from './SignedOut';

/** Who is signed in decides what there is: no token or an expired one shows the way back in. */
export function App() {
  const [signedIn, setSignedIn] = useState(() => readToken() !== null);
  if (!signedIn) return <SignedOut reason="signedOut" />;
  return (
    <SignedIn
      onSignOut={() => {
        signOut();
        setSignedIn(false);
      }}
    />
  );
}

function SignedIn({ onSignOut }: { onSignOut: () => void }) {
  const me = useQuery(fetchMe, 'me');
  if (me.state.status === 'loading') return <Loading />;
  if (me.state.status === 'error') {
    if (me.state.error.code === 'UNAUTHENTICATED') return <SignedOut reason="expired" />;
    return (
      <main className="page">
        <ErrorNotice error={me.state.error} onRetry={() => me.reload()} />
      </main>
    );
  }
  return <Shell me={me.state.data} onSignOut={onSignOut} />;
}

function Shell({ me, onSignOut }: { me: Member; onSignOut: () => void }) {
  const { t } = useTranslation();
  const path = usePath();
  const sections = visibleSections(me.roles);
  const current = sections.find((section) => section.path === path);
  const home = sections[0]?.path;

  useEffect(() => {
    if (!current && home) navigate(home, { replace: true });
  }, [current, home]);
  useEffect(() => {
    document.title = current ? `${t(current.label)} · Merit` : 'Merit';
  }, [current, t]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header me={me} sections={sections} onSignOut={onSignOut} />
      <main id="main" className="page" tabIndex={-1}>
        {current ? (
          <Suspense fallback={<Loading />}>
            <current.Page />
          </Suspense>
        ) : (
          !home && <p className="empty">{t('app.nothingForRoles')}</p>
        )}
      </main>
    </>
  );
}
