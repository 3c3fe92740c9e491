import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { requireUser } from '../../http/actor.js';
import type { AppEnv } from '../../http/env.js';
import { parseForm } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { endSession, startSession } from '../../http/middleware/session.js';
import { AccountPage } from './account-page.js';
import {
  createOwnApiToken,
  getAccountSettings,
  listApiTokens,
  revokeApiToken,
  updateAccountSettings,
} from './account-settings.js';
import { clientIp } from './client-ip.js';
import { confirmEmail, resendConfirmation, resendConfirmationTo } from './confirm-email.js';
import { peekEmailToken } from './email-tokens.js';
import { authenticate, rememberDevice } from './log-in.js';
import { requestPasswordReset, resetPassword } from './reset-password.js';
import { changePassword } from './change-password.js';
import {
  safeNext,
  ZAccountSettings,
  ZChangePassword,
  ZForgot,
  ZLogin,
  ZReset,
  ZSignup,
  ZTokenName,
} from './schemas.js';
import { signUp } from './sign-up.js';
import { ForgotForm, LoginForm, Message, ResetForm, SignupForm } from './views.js';
import { ButtonForm } from '../../views/components.js';

export const pages = new Hono<AppEnv>();

/** Remembers the account's language in the same cookie the locale middleware reads. */
function rememberLocale(c: Context<AppEnv>, locale: 'fr' | 'en'): void {
  setCookie(c, 'techcare_lang', locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'Lax', httpOnly: true });
}

/** The known-device cookie (see `login-throttle.ts`); `__Host-` needs Secure, so plain http uses a plain name. */
function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-techcare_device' : 'techcare_device';
}

// Sign-up ------------------------------------------------------------------------------------------------------
pages.get('/signup', (c) => renderPage(c, c.get('t')('accounts.signup.title'), (v) => <SignupForm v={v} />));

pages.post('/signup', async (c) => {
  const t = c.get('t');
  const { values, result } = await parseForm(c, ZSignup);
  if (!result.ok)
    return renderPage(
      c,
      t('accounts.signup.title'),
      (v) => <SignupForm v={v} values={values} errors={result.errors} />,
      { status: 422 },
    );
  const outcome = await signUp(c.get('db'), c.get('config'), {
    ...result.data,
    locale: c.get('locale'),
    ip: clientIp(c),
  });
  if (outcome === 'limited') {
    return renderPage(
      c,
      t('accounts.signup.title'),
      (v) => <SignupForm v={v} values={values} errors={{ email: t('error.tooMany.text') }} />,
      { status: 429 },
    );
  }
  return c.redirect('/signup/sent', 303);
});

pages.get('/signup/sent', (c) => {
  const t = c.get('t');
  return renderPage(
    c,
    t('accounts.signup.sentTitle'),
    <Message title={t('accounts.signup.sentTitle')} text={t('accounts.signup.sentText')} />,
  );
});

// Email confirmation: the link opens a page with a button, so mail scanners that fetch links confirm nothing.
pages.get('/confirm/:token', async (c) => {
  const t = c.get('t');
  const token = c.req.param('token');
  if ((await peekEmailToken(c.get('db'), token, 'confirm')) === null) {
    return renderPage(
      c,
      t('accounts.link.invalidTitle'),
      <Message
        title={t('accounts.link.invalidTitle')}
        text={t('accounts.link.invalidText')}
        link={{ href: '/login', label: t('accounts.login.title') }}
      />,
      { status: 404 },
    );
  }
  return renderPage(
    c,
    t('accounts.confirm.title'),
    <>
      <h1>{t('accounts.confirm.title')}</h1>
      <p>{t('accounts.confirm.text')}</p>
      <ButtonForm action={`/confirm/${token}`} label={t('accounts.confirm.submit')} />
    </>,
  );
});

pages.post('/confirm/:token', async (c) => {
  const t = c.get('t');
  const userId = await confirmEmail(c.get('db'), c.req.param('token'));
  if (userId === null) {
    return renderPage(
      c,
      t('accounts.link.invalidTitle'),
      <Message title={t('accounts.link.invalidTitle')} text={t('accounts.link.invalidText')} />,
      { status: 404 },
    );
  }
  await startSession(c, userId);
  return redirectWithFlash(c, '/dashboard', 'accounts.flash.confirmed');
});

// Login / logout -----------------------------------------------------------------------------------------------
pages.get('/login', (c) => {
  const next = c.req.query('next');
  return renderPage(c, c.get('t')('accounts.login.title'), (v) => (
    <LoginForm v={v} next={next ? safeNext(next) : undefined} />
  ));
});

pages.post('/login', async (c) => {
  const t = c.get('t');
  const { values, result } = await parseForm(c, ZLogin);
  const next = typeof values.next === 'string' ? safeNext(values.next) : undefined;
  if (!result.ok)
    return renderPage(
      c,
      t('accounts.login.title'),
      (v) => <LoginForm v={v} values={values} errors={result.errors} next={next} />,
      { status: 422 },
    );
  const db = c.get('db');
  const secure = c.get('secure');
  const deviceToken = getCookie(c, deviceCookieName(secure));
  const outcome = await authenticate(db, {
    email: result.data.email,
    password: result.data.password,
    ip: clientIp(c),
    deviceToken,
  });
  if (outcome.status === 'limited') {
    const seconds = Math.ceil(outcome.retryAfterMs / 1000);
    c.header('Retry-After', String(seconds));
    const errors = { email: t('accounts.login.wait', { minutes: Math.ceil(seconds / 60) }) };
    return renderPage(
      c,
      t('accounts.login.title'),
      (v) => <LoginForm v={v} values={{ email: result.data.email }} errors={errors} next={next} />,
      { status: 429 },
    );
  }
  if (outcome.status === 'unconfirmed') {
    // No session before the address is confirmed: the link is sent again (a few times an hour at most).
    await resendConfirmationTo(db, c.get('config'), outcome.userId);
    return renderPage(
      c,
      t('accounts.login.title'),
      (v) => (
        <LoginForm
          v={v}
          values={{ email: result.data.email }}
          errors={{ email: t('accounts.login.unconfirmed') }}
          next={next}
        />
      ),
      { status: 403 },
    );
  }
  if (outcome.status !== 'ok') {
    return renderPage(
      c,
      t('accounts.login.title'),
      (v) => (
        <LoginForm
          v={v}
          values={{ email: result.data.email }}
          errors={{ email: t('accounts.login.failed') }}
          next={next}
        />
      ),
      { status: 401 },
    );
  }
  // A new session id at login: a session fixed before authentication is never promoted.
  await startSession(c, outcome.userId);
  rememberLocale(c, outcome.locale);
  // This browser becomes a known device of the account: other people's failures never delay it.
  const device = await rememberDevice(db, outcome.userId, deviceToken);
  setCookie(c, deviceCookieName(secure), device, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    maxAge: 60 * 60 * 24 * 400,
  });
  return c.redirect(next ?? '/dashboard', 303);
});

pages.post('/logout', async (c) => {
  await endSession(c);
  return redirectWithFlash(c, '/', 'accounts.flash.loggedOut');
});

// Forgotten password ------------------------------------------------------------------------------------------
pages.get('/password/forgot', (c) => renderPage(c, c.get('t')('accounts.forgot.title'), (v) => <ForgotForm v={v} />));

pages.post('/password/forgot', async (c) => {
  const t = c.get('t');
  const { values, result } = await parseForm(c, ZForgot);
  if (!result.ok)
    return renderPage(
      c,
      t('accounts.forgot.title'),
      (v) => <ForgotForm v={v} values={values} errors={result.errors} />,
      { status: 422 },
    );
  const outcome = await requestPasswordReset(c.get('db'), c.get('config'), {
    email: result.data.email,
    ip: clientIp(c),
  });
  if (outcome === 'limited') {
    return renderPage(
      c,
      t('accounts.forgot.title'),
      (v) => <ForgotForm v={v} values={values} errors={{ email: t('error.tooMany.text') }} />,
      { status: 429 },
    );
  }
  return c.redirect('/password/forgot/sent', 303);
});

pages.get('/password/forgot/sent', (c) => {
  const t = c.get('t');
  return renderPage(
    c,
    t('accounts.forgot.sentTitle'),
    <Message title={t('accounts.forgot.sentTitle')} text={t('accounts.forgot.sentText')} />,
  );
});

pages.get('/password/reset/:token', async (c) => {
  const t = c.get('t');
  const token = c.req.param('token');
  if ((await peekEmailToken(c.get('db'), token, 'reset')) === null) {
    return renderPage(
      c,
      t('accounts.link.invalidTitle'),
      <Message
        title={t('accounts.link.invalidTitle')}
        text={t('accounts.link.invalidText')}
        link={{ href: '/password/forgot', label: t('accounts.forgot.title') }}
      />,
      { status: 404 },
    );
  }
  return renderPage(c, t('accounts.reset.title'), (v) => <ResetForm v={v} token={token} />);
});

pages.post('/password/reset/:token', async (c) => {
  const t = c.get('t');
  const token = c.req.param('token');
  const { result } = await parseForm(c, ZReset);
  if (!result.ok)
    return renderPage(c, t('accounts.reset.title'), (v) => <ResetForm v={v} token={token} errors={result.errors} />, {
      status: 422,
    });
  const ok = await resetPassword(c.get('db'), token, result.data.password);
  if (!ok) {
    return renderPage(
      c,
      t('accounts.link.invalidTitle'),
      <Message
        title={t('accounts.link.invalidTitle')}
        text={t('accounts.link.invalidText')}
        link={{ href: '/password/forgot', label: t('accounts.forgot.title') }}
      />,
      { status: 404 },
    );
  }
  return redirectWithFlash(c, '/login', 'accounts.flash.passwordReset');
});

// Account ------------------------------------------------------------------------------------------------------
async function showAccount(
  c: Context<AppEnv>,
  extra: {
    errors?: Record<string, string>;
    values?: Record<string, unknown>;
    newToken?: string;
    status?: 200 | 422;
  } = {},
) {
  const user = requireUser(c);
  const db = c.get('db');
  const [settings, tokens] = await Promise.all([getAccountSettings(db, user.id), listApiTokens(db, user.id)]);
  return renderPage(
    c,
    c.get('t')('accounts.account.title'),
    (v) => (
      <AccountPage
        v={v}
        settings={settings}
        tokens={tokens}
        errors={extra.errors}
        values={extra.values}
        newToken={extra.newToken}
      />
    ),
    {
      status: extra.status ?? 200,
    },
  );
}

pages.get('/account', (c) => showAccount(c));

pages.post('/account', async (c) => {
  const user = requireUser(c);
  const { values, result } = await parseForm(c, ZAccountSettings);
  if (!result.ok) return showAccount(c, { errors: result.errors, values, status: 422 });
  await updateAccountSettings(c.get('db'), user, {
    name: result.data.name,
    locale: result.data.locale,
    digestOptIn: result.data.digest_opt_in === '1',
  });
  rememberLocale(c, result.data.locale);
  return redirectWithFlash(c, '/account', 'flash.saved');
});

pages.post('/account/password', async (c) => {
  const user = requireUser(c);
  const { result } = await parseForm(c, ZChangePassword);
  if (!result.ok) return showAccount(c, { errors: result.errors, status: 422 });
  const changed = await changePassword(c.get('db'), user, {
    current: result.data.current_password,
    next: result.data.new_password,
    keepSessionHash: c.get('sessionTokenHash'),
  });
  if (!changed)
    return showAccount(c, { errors: { current_password: c.get('t')('accounts.password.wrong') }, status: 422 });
  return redirectWithFlash(c, '/account', 'accounts.flash.passwordChanged');
});

pages.post('/account/tokens', async (c) => {
  const user = requireUser(c);
  const { values, result } = await parseForm(c, ZTokenName);
  if (!result.ok) return showAccount(c, { errors: result.errors, values, status: 422 });
  // The secret is rendered in this response only (never put in a redirect URL), then it is gone.
  const secret = await createOwnApiToken(c.get('db'), user, result.data.token_name);
  return showAccount(c, { newToken: secret });
});

pages.post('/account/tokens/:id/revoke', async (c) => {
  const user = requireUser(c);
  await revokeApiToken(c.get('db'), user, Number(c.req.param('id')) || 0);
  return redirectWithFlash(c, '/account', 'accounts.flash.tokenRevoked');
});

pages.post('/account/confirm/resend', async (c) => {
  const user = requireUser(c);
  const sent = await resendConfirmation(c.get('db'), c.get('config'), user);
  return redirectWithFlash(
    c,
    '/account',
    sent ? 'accounts.flash.confirmationSent' : 'accounts.flash.confirmationNotSent',
  );
});
