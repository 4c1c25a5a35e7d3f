/**
 * Proves, in a real browser against a real server, the client's shell: a member opened with
 * `?token=` sees their name and the configurable help link (R9), the token leaves the address
 * bar, navigation shows only what the roles allow, French replaces the UI text and survives a
 * reload, the dev sign-in leads into the app, and signing out forgets the token. Screenshots of
 * each state land in test-artifacts/browser/.
 */
import type { Page } from 'playwright-core';
import { demoPersonas } from '../../server/client';
import { screenshot, settled, startBrowserApp, type BrowserApp } from './browser';

const supportUrl = 'https://help.merit.example/members';
const member = { sub: 'browser-member', name: 'Camille Martin', roles: ['MEMBER' as const] };

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp('browser_app', { SUPPORT_URL: supportUrl });
});
afterAll(() => app?.close());
afterEach(() => expect(app.pageErrors).toEqual([]));

const navLinks = (page: Page) => page.getByRole('navigation').getByRole('link').allTextContents();

describe('a member', () => {
  it('sees their name, the help link and only member screens', async () => {
    const page = await app.open(member);
    await page.getByText('Signed in as Camille Martin').waitFor();
    const help = page.getByRole('link', { name: 'Help' });
    expect(await help.getAttribute('href')).toBe(supportUrl);
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await navLinks(page)).toEqual(['Overview', 'History', 'My materials', 'Rewards']);
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await screenshot(page, 'member-account-en');
    // Whatever the API answers, a member never sees internals.
    expect(await page.locator('body').innerText()).not.toMatch(
      /GraphQL|Cannot query|stack|at \w+ \(/,
    );
  });

  it('switches to French, which replaces the UI text and is remembered', async () => {
    const page = await app.open(member, { path: '/history' });
    await page.getByText('Signed in as Camille Martin').waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByText('Connecté·e en tant que Camille Martin').waitFor();
    expect(await navLinks(page)).toEqual([
      'Vue d’ensemble',
      'Historique',
      'Mes contenus',
      'Récompenses',
    ]);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('heading', { name: 'Historique', level: 1 }).waitFor();
    await screenshot(page, 'member-history-fr');
    await page.reload();
    await page.getByRole('link', { name: 'Aide' }).waitFor();
    expect(await page.getByLabel('Langue').inputValue()).toBe('fr');
  });

  it('fits a phone screen', async () => {
    const page = await app.open(member, { viewport: 'phone' });
    await page.getByText('Signed in as Camille Martin').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'member-account-phone');
  });

  it('signs out, and the token is gone', async () => {
    const page = await app.open(member);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.getByRole('link', { name: /Developer sign-in/ }).waitFor();
    await page.reload();
    await page.getByText('You are signed out.').waitFor();
    await screenshot(page, 'signed-out');
  });
});

describe('every screen', () => {
  it('opens from the navigation with a heading and plain words, whatever its API answers', async () => {
    const everyone = {
      sub: 'browser-all',
      name: 'Alex Allroles',
      roles: ['MEMBER', 'EDITOR', 'MODERATOR', 'SUPPORT', 'ADMIN'] as const,
    };
    const page = await app.open({ ...everyone, roles: [...everyone.roles] });
    await page.getByText('Signed in as Alex Allroles').waitFor();
    const links = await navLinks(page);
    expect(links).toHaveLength(14);
    for (const link of links) {
      await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await settled(page);
      expect(await page.locator('main').innerText()).not.toMatch(
        /GraphQL|Cannot query|Unknown argument|at \w+ \(/,
      );
      await screenshot(page, `screen-${new URL(page.url()).pathname.slice(1).replace(/\//g, '-')}`);
    }
  });
});

describe('staff', () => {
  it('sees only the sections of their roles', async () => {
    const page = await app.open({ sub: 'browser-admin', name: 'Ada Novak', roles: ['ADMIN'] });
    await page.getByText('Signed in as Ada Novak').waitFor();
    expect(await navLinks(page)).toEqual([
      'Bans',
      'Audit log',
      'Analytics',
      'Settings',
      'Rewards catalogue',
      'Sites',
    ]);
    expect(new URL(page.url()).pathname).toBe('/bans');
  });

  it('comes in through the development sign-in page', async () => {
    const page = await app.openAnonymous({ path: '/dev/sign-in' });
    const editor = demoPersonas.find((persona) => persona.key === 'editor')!;
    await page.getByRole('link', { name: editor.name }).click();
    await page.getByText(`Signed in as ${editor.name}`).waitFor();
    expect(page.url()).not.toContain('token');
    expect(await navLinks(page)).toContain('Review queue');
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
    await screenshot(page, 'editor-review-queue');
  });
});
