import type { TFieldErrors } from '../../http/forms.js';
import type { TViewContext } from '../../views/context.js';
import { ButtonForm, ErrorSummary, Field, Select } from '../../views/components.js';

type TSettings = {
  name: string;
  email: string;
  locale: string;
  digest_opt_in: number;
  email_confirmed_at: string | null;
};
type TToken = { id: number; name: string; created_at: string; last_used_at: string | null; revoked_at: string | null };

/** The notice every page that needs a confirmed address shows, with the "resend" button. */
export function UnconfirmedNotice(p: { v: TViewContext }) {
  const t = p.v.t;
  return (
    <div class="notice">
      <p>{t('accounts.unconfirmed.text')}</p>
      <ButtonForm action="/account/confirm/resend" label={t('accounts.unconfirmed.resend')} className="secondary" />
    </div>
  );
}

/** /account: settings, email confirmation state, personal API tokens (a new secret is shown once). */
export function AccountPage(p: {
  v: TViewContext;
  settings: TSettings;
  tokens: TToken[];
  errors?: TFieldErrors | null;
  values?: Record<string, unknown>;
  newToken?: string | null;
}) {
  const { v, settings } = p;
  const t = v.t;
  const name = typeof p.values?.name === 'string' ? p.values.name : settings.name;
  return (
    <>
      <h1>{t('accounts.account.title')}</h1>
      {settings.email_confirmed_at ? null : <UnconfirmedNotice v={v} />}
      <ErrorSummary
        v={v}
        errors={p.errors}
        labels={{
          name: t('accounts.field.name'),
          locale: t('accounts.field.locale'),
          digest_opt_in: t('accounts.field.digest'),
          token_name: t('accounts.tokens.name'),
          current_password: t('accounts.password.current'),
          new_password: t('accounts.password.new'),
        }}
      />
      <section>
        <h2>{t('accounts.account.settings')}</h2>
        <dl class="facts">
          <dt>{t('accounts.field.email')}</dt>
          <dd>{settings.email}</dd>
        </dl>
        <form method="post" action="/account" novalidate>
          <Field
            name="name"
            label={t('accounts.field.name')}
            value={name}
            errors={p.errors}
            required
            autocomplete="name"
          />
          <Select
            name="locale"
            label={t('accounts.field.locale')}
            value={settings.locale}
            errors={p.errors}
            options={[
              ['fr', 'Français'],
              ['en', 'English'],
            ]}
          />
          <div class="field">
            <input
              type="checkbox"
              id="f-digest_opt_in"
              name="digest_opt_in"
              value="1"
              checked={settings.digest_opt_in === 1}
            />{' '}
            <label for="f-digest_opt_in">{t('accounts.field.digest')}</label>
          </div>
          <button type="submit">{t('form.save')}</button>
        </form>
      </section>
      <section>
        <h2>{t('accounts.password.title')}</h2>
        <p>{t('accounts.password.hint')}</p>
        <form method="post" action="/account/password" novalidate>
          <Field
            name="current_password"
            type="password"
            label={t('accounts.password.current')}
            errors={p.errors}
            required
            autocomplete="current-password"
          />
          <Field
            name="new_password"
            type="password"
            label={t('accounts.password.new')}
            errors={p.errors}
            required
            autocomplete="new-password"
          />
          <button type="submit">{t('accounts.password.submit')}</button>
        </form>
      </section>
      <section>
        <h2>{t('accounts.tokens.title')}</h2>
        <p>{t('accounts.tokens.intro')}</p>
        {p.newToken ? (
          <div class="flash" role="status">
            <p>{t('accounts.tokens.created')}</p>
            <p>
              <code>{p.newToken}</code>
            </p>
          </div>
        ) : null}
        {p.tokens.length ? (
          <table>
            <caption class="visually-hidden">{t('accounts.tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.tokens.name')}</th>
                <th scope="col">{t('accounts.tokens.createdAt')}</th>
                <th scope="col">{t('accounts.tokens.lastUsed')}</th>
                <th scope="col">{t('accounts.tokens.state')}</th>
              </tr>
            </thead>
            <tbody>
              {p.tokens.map((tok) => (
                <tr>
                  <td>{tok.name}</td>
                  <td>{v.fmt.date(tok.created_at)}</td>
                  <td>{tok.last_used_at ? v.fmt.date(tok.last_used_at) : '—'}</td>
                  <td>
                    {tok.revoked_at ? (
                      t('accounts.tokens.revoked')
                    ) : (
                      <ButtonForm
                        action={`/account/tokens/${tok.id}/revoke`}
                        label={t('accounts.tokens.revoke')}
                        className="danger"
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('accounts.tokens.none')}</p>
        )}
        <form method="post" action="/account/tokens" novalidate>
          <Field
            name="token_name"
            label={t('accounts.tokens.name')}
            hint={t('accounts.tokens.nameHint')}
            errors={p.errors}
            required
          />
          <button type="submit">{t('accounts.tokens.create')}</button>
        </form>
      </section>
    </>
  );
}
