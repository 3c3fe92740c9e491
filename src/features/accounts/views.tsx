import type { TFieldErrors } from '../../http/forms.js';
import type { TViewContext } from '../../views/context.js';
import { ErrorSummary, Field } from '../../views/components.js';

type TValues = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The sign-up form: name, email, password (12 characters at least). */
export function SignupForm(p: { v: TViewContext; values?: TValues; errors?: TFieldErrors | null }) {
  const t = p.v.t;
  return (
    <>
      <h1>{t('accounts.signup.title')}</h1>
      <p>{t('accounts.signup.intro')}</p>
      <ErrorSummary
        v={p.v}
        errors={p.errors}
        labels={{
          name: t('accounts.field.name'),
          email: t('accounts.field.email'),
          password: t('accounts.field.password'),
        }}
      />
      <form method="post" action="/signup" novalidate>
        <Field
          name="name"
          label={t('accounts.field.name')}
          value={str(p.values?.name)}
          errors={p.errors}
          required
          autocomplete="name"
        />
        <Field
          name="email"
          type="email"
          label={t('accounts.field.email')}
          value={str(p.values?.email)}
          errors={p.errors}
          required
          autocomplete="email"
        />
        <Field
          name="password"
          type="password"
          label={t('accounts.field.password')}
          hint={t('accounts.field.passwordHint')}
          errors={p.errors}
          required
          autocomplete="new-password"
        />
        <div class="field">
          <input
            type="checkbox"
            id="f-digest"
            name="digest"
            value="1"
            checked={p.values ? p.values.digest === '1' : true}
          />{' '}
          <label for="f-digest">{t('accounts.signup.digest')}</label>
        </div>
        <button type="submit">{t('accounts.signup.submit')}</button>
      </form>
      <p>
        {t('accounts.signup.haveAccount')} <a href="/login">{t('accounts.login.title')}</a>
      </p>
    </>
  );
}

/** The login form; `failed` shows the one message that does not say which of email or password was wrong. */
export function LoginForm(p: { v: TViewContext; values?: TValues; errors?: TFieldErrors | null; next?: string }) {
  const t = p.v.t;
  return (
    <>
      <h1>{t('accounts.login.title')}</h1>
      <ErrorSummary
        v={p.v}
        errors={p.errors}
        labels={{ email: t('accounts.field.email'), password: t('accounts.field.password') }}
      />
      <form method="post" action="/login" novalidate>
        {p.next ? <input type="hidden" name="next" value={p.next} /> : null}
        <Field
          name="email"
          type="email"
          label={t('accounts.field.email')}
          value={str(p.values?.email)}
          errors={p.errors}
          required
          autocomplete="username"
        />
        <Field
          name="password"
          type="password"
          label={t('accounts.field.password')}
          errors={p.errors}
          required
          autocomplete="current-password"
        />
        <button type="submit">{t('accounts.login.submit')}</button>
      </form>
      <p>
        <a href="/password/forgot">{t('accounts.forgot.link')}</a> · <a href="/signup">{t('accounts.signup.title')}</a>
      </p>
    </>
  );
}

export function ForgotForm(p: { v: TViewContext; values?: TValues; errors?: TFieldErrors | null }) {
  const t = p.v.t;
  return (
    <>
      <h1>{t('accounts.forgot.title')}</h1>
      <p>{t('accounts.forgot.intro')}</p>
      <ErrorSummary v={p.v} errors={p.errors} labels={{ email: t('accounts.field.email') }} />
      <form method="post" action="/password/forgot" novalidate>
        <Field
          name="email"
          type="email"
          label={t('accounts.field.email')}
          value={str(p.values?.email)}
          errors={p.errors}
          required
          autocomplete="email"
        />
        <button type="submit">{t('accounts.forgot.submit')}</button>
      </form>
    </>
  );
}

export function ResetForm(p: { v: TViewContext; token: string; errors?: TFieldErrors | null }) {
  const t = p.v.t;
  return (
    <>
      <h1>{t('accounts.reset.title')}</h1>
      <ErrorSummary v={p.v} errors={p.errors} labels={{ password: t('accounts.field.newPassword') }} />
      <form method="post" action={`/password/reset/${p.token}`} novalidate>
        <Field
          name="password"
          type="password"
          label={t('accounts.field.newPassword')}
          hint={t('accounts.field.passwordHint')}
          errors={p.errors}
          required
          autocomplete="new-password"
        />
        <button type="submit">{t('accounts.reset.submit')}</button>
      </form>
    </>
  );
}

/** A short page with a title and one paragraph (mail sent, link invalid …). */
export function Message(p: { title: string; text: string; link?: { href: string; label: string } }) {
  return (
    <>
      <h1>{p.title}</h1>
      <p>{p.text}</p>
      {p.link ? (
        <p>
          <a href={p.link.href}>{p.link.label}</a>
        </p>
      ) : null}
    </>
  );
}
