import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './Header';

/**
 * Identity comes from the host site, so Merit has no sign-in form: it says how to come back.
 * When the server offers the development sign-in page (never in production), it links to it.
 */
export function SignedOut({ reason }: { reason: 'signedOut' | 'expired' }) {
  const { t } = useTranslation();
  const [devSignIn, setDevSignIn] = useState(false);
  useEffect(() => {
    fetch('/dev/sign-in', { method: 'HEAD' }).then(
      (response) => setDevSignIn(response.ok),
      () => setDevSignIn(false),
    );
  }, []);
  return (
    <main id="main" className="page signed-out">
      <h1>Merit</h1>
      <p>{t(reason === 'expired' ? 'signedOut.expired' : 'signedOut.text')}</p>
      <p>{t('signedOut.howToReturn')}</p>
      {devSignIn && (
        <p>
          <a href="/dev/sign-in">{t('signedOut.devSignIn')}</a>
        </p>
      )}
      <LanguagePicker />
    </main>
  );
}
