import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { ensure, isAdmin, requireUser } from '../../http/actor.js';
import type { AppEnv } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import { parseForm, pageParam } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import type { TMessageKey } from '../../i18n/index.js';
import { ButtonForm, Field, Pagination } from '../../views/components.js';
import type { TViewContext } from '../../views/context.js';
import { decideSignature, listPendingSignatures } from '../manifesto/index.js';
import {
  decideStatusRequest,
  kindLabel,
  listGrantedStatuses,
  listPendingStatusRequests,
  withdrawStatus,
} from '../organisations/index.js';
import { setPlatformRole, setUserDisabled } from './manage-users.js';
import { waitingItems, waitingKinds } from './waiting-items.js';
import { adminCounts, getMail, listAllOrganisations, listAudit, listOutbox, listUsers } from './queries.js';

export const pages = new Hono<AppEnv>();

const perPage = 25;

/**
 * Date and time in Paris time. (The shared `fmt.dateTime` combines dateStyle with timeZoneName, which Intl
 * rejects; this avoids it until that is fixed.)
 */
function when(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

/** Every /admin page: platform administrators only. */
const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  ensure(isAdmin(requireUser(c)));
  await next();
});
pages.use('/admin', adminOnly);
pages.use('/admin/*', adminOnly);

function pageOf(c: Context<AppEnv>) {
  const page = pageParam(c);
  return { page, offset: (page - 1) * perPage, limit: perPage };
}
const pagesFor = (total: number) => Math.max(1, Math.ceil(total / perPage));

/** Business refusals (already decided, acting on oneself) come back to the list as a flash, not an error page. */
async function guarded(c: Context<AppEnv>, to: string, action: () => Promise<void>, flash: TMessageKey) {
  try {
    await action();
  } catch (err) {
    if (err instanceof AppError && err.status === 409) return redirectWithFlash(c, to, 'admin.flash.refused');
    throw err;
  }
  return redirectWithFlash(c, to, flash);
}

function AdminNav(p: { t: (k: TMessageKey) => string }) {
  const links: [string, TMessageKey][] = [
    ['/admin/signatures', 'admin.signatures.title'],
    ['/admin/statuses', 'admin.statuses.title'],
    ['/admin/organisations', 'admin.organisations.title'],
    ['/admin/users', 'admin.users.title'],
    ['/admin/outbox', 'admin.outbox.title'],
    ['/admin/audit', 'admin.audit.title'],
    // Back-office pages that live in their own features.
    ['/admin/rgesn', 'admin.nav.rgesn'],
    ['/admin/skills', 'admin.nav.skills'],
    ['/admin/resources', 'admin.nav.resources'],
    ['/admin/trainings', 'admin.waiting.trainings'],
    ['/admin/digest', 'admin.nav.digest'],
    ['/workshops/programme', 'admin.nav.programme'],
  ];
  return (
    <nav aria-label={p.t('admin.nav')}>
      <p>
        {links.map(([href, key], i) => (
          <>
            {i ? ' · ' : ''}
            <a href={href}>{p.t(key)}</a>
          </>
        ))}
      </p>
    </nav>
  );
}

/**
 * The frame of every back-office list: title, navigation, an optional search form, a table whose caption gives the
 * total, and the pagination. Pages pass their column headers and rows.
 */
function AdminList(p: {
  v: TViewContext;
  title: string;
  intro?: Child;
  search?: { action: string; label: string; q: string };
  total: number;
  headers: TMessageKey[];
  page: number;
  pages: number;
  children: Child;
}) {
  const t = p.v.t;
  return (
    <>
      <h1>{p.title}</h1>
      <AdminNav t={t} />
      {p.intro}
      {p.search ? (
        <form method="get" action={p.search.action} class="filters" role="search">
          <Field name="q" type="search" label={p.search.label} value={p.search.q} />
          <div class="field">
            <button type="submit">{t('form.search')}</button>
          </div>
        </form>
      ) : null}
      <table>
        <caption>{t('admin.total', { count: p.total })}</caption>
        <thead>
          <tr>
            {p.headers.map((h) => (
              <th scope="col">{t(h)}</th>
            ))}
          </tr>
        </thead>
        <tbody>{p.children}</tbody>
      </table>
      <Pagination v={p.v} page={p.page} pages={p.pages} />
    </>
  );
}

pages.get('/admin', async (c) => {
  const t = c.get('t');
  const [counts, waiting] = await Promise.all([adminCounts(c.get('db')), waitingItems(c.get('db'))]);
  return renderPage(c, t('admin.title'), (v) => (
    <>
      <h1>{t('admin.title')}</h1>
      <AdminNav t={t} />
      <h2>{t('admin.waiting.title')}</h2>
      <ul>
        {waitingKinds.map((k) => (
          <li>
            <a href={k.path}>{t(`admin.waiting.${k.kind}` as TMessageKey)}</a> : {v.fmt.number(waiting[k.kind].count)}
            {waiting[k.kind].oldest
              ? ` · ${t('admin.waiting.since', { date: v.fmt.date(waiting[k.kind].oldest!) })}`
              : ''}
          </li>
        ))}
      </ul>
      <dl class="facts">
        <dt>{t('admin.signatures.title')}</dt>
        <dd>
          <a href="/admin/signatures">{counts.pending}</a>
        </dd>
        <dt>{t('admin.statuses.title')}</dt>
        <dd>
          <a href="/admin/statuses">{counts.statusRequests}</a>
        </dd>
        <dt>{t('admin.organisations.title')}</dt>
        <dd>{counts.organisations}</dd>
        <dt>{t('admin.users.title')}</dt>
        <dd>{counts.users}</dd>
        <dt>{t('admin.outbox.title')}</dt>
        <dd>{counts.outbox}</dd>
      </dl>
    </>
  ));
});

// Partner and expert statuses -------------------------------------------------------------------------------------
const ZReason = z.object({ reason: z.string().trim().min(3).max(500) });

pages.get('/admin/statuses', async (c) => {
  const t = c.get('t');
  const db = c.get('db');
  const [pending, granted] = await Promise.all([listPendingStatusRequests(db), listGrantedStatuses(db)]);
  return renderPage(c, t('admin.statuses.title'), (v) => (
    <>
      <h1>{t('admin.statuses.title')}</h1>
      <AdminNav t={t} />
      <h2>{t('admin.statuses.pending')}</h2>
      {pending.length ? (
        <ul class="cards">
          {pending.map((r) => (
            <li>
              <h3>
                <a href={`/organisations/${r.organisationId}`}>{r.organisationName}</a>
              </h3>
              <p>
                {t('admin.statuses.asks', {
                  kind: kindLabel(t, r.kind),
                  current: kindLabel(t, r.currentKind),
                  date: v.fmt.date(r.created_at),
                  name: r.requesterName ?? '',
                })}
              </p>
              <blockquote>{r.motivation}</blockquote>
              <form method="post" action={`/admin/statuses/${r.id}/grant`}>
                <div class="field">
                  <label for={`note-${r.id}`}>{t('admin.statuses.note')}</label>
                  <input id={`note-${r.id}`} name="reason" type="text" maxlength={500} />
                </div>
                <button type="submit">{t('admin.statuses.grant')}</button>
              </form>
              <form method="post" action={`/admin/statuses/${r.id}/reject`}>
                <div class="field">
                  <label for={`reason-${r.id}`}>{t('admin.signatures.reason')}</label>
                  <input id={`reason-${r.id}`} name="reason" type="text" required minlength={3} maxlength={500} />
                </div>
                <button type="submit" class="danger">
                  {t('admin.statuses.reject')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('admin.statuses.none')}</p>
      )}
      <h2>{t('admin.statuses.granted')}</h2>
      <ul class="cards">
        {granted.map((g) => (
          <li>
            <h3>
              <a href={`/organisations/${g.organisationId}`}>{g.organisationName}</a>
            </h3>
            <p>
              {kindLabel(t, g.kind)}
              {g.reason === 'before-review'
                ? ` · ${t('admin.statuses.beforeReview')}`
                : g.reason === 'installation'
                  ? ` · ${t('admin.statuses.installation')}`
                  : ''}
            </p>
            <form method="post" action={`/admin/organisations/${g.organisationId}/withdraw-status`}>
              <div class="field">
                <label for={`withdraw-${g.id}`}>{t('admin.statuses.withdrawReason')}</label>
                <input id={`withdraw-${g.id}`} name="reason" type="text" required minlength={3} maxlength={500} />
              </div>
              <button type="submit" class="danger">
                {t('admin.statuses.withdraw')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  ));
});

pages.post('/admin/statuses/:id{[0-9]+}/grant', async (c) => {
  const user = requireUser(c);
  const { result } = await parseForm(c, z.object({ reason: z.string().trim().max(500).optional() }));
  const reason = result.ok ? result.data.reason : undefined;
  return guarded(
    c,
    '/admin/statuses',
    () => decideStatusRequest(c.get('db'), c.get('config'), user, Number(c.req.param('id')), { grant: true, reason }),
    'admin.flash.statusGranted',
  );
});

pages.post('/admin/statuses/:id{[0-9]+}/reject', async (c) => {
  const user = requireUser(c);
  const { result } = await parseForm(c, ZReason);
  if (!result.ok) return redirectWithFlash(c, '/admin/statuses', 'admin.flash.reasonRequired');
  return guarded(
    c,
    '/admin/statuses',
    () =>
      decideStatusRequest(c.get('db'), c.get('config'), user, Number(c.req.param('id')), {
        grant: false,
        reason: result.data.reason,
      }),
    'admin.flash.statusRejected',
  );
});

pages.post('/admin/organisations/:id{[0-9]+}/withdraw-status', async (c) => {
  const user = requireUser(c);
  const { result } = await parseForm(c, ZReason);
  if (!result.ok) return redirectWithFlash(c, '/admin/statuses', 'admin.flash.reasonRequired');
  return guarded(
    c,
    '/admin/statuses',
    async () => {
      await withdrawStatus(c.get('db'), c.get('config'), user, Number(c.req.param('id')), result.data.reason);
    },
    'admin.flash.statusWithdrawn',
  );
});

// Signatures ------------------------------------------------------------------------------------------------------
pages.get('/admin/signatures', async (c) => {
  const t = c.get('t');
  const pending = await listPendingSignatures(c.get('db'));
  return renderPage(c, t('admin.signatures.title'), (v) => (
    <>
      <h1>{t('admin.signatures.title')}</h1>
      <AdminNav t={t} />
      {pending.length ? (
        <ul class="cards">
          {pending.map((s) => (
            <li>
              <h2>
                <a href={`/organisations/${s.organisationId}`}>{s.organisationName}</a>
              </h2>
              <p>
                {kindLabel(t, s.kind)} ·{' '}
                {t('admin.signatures.version', {
                  version: s.version,
                  audience: t(`admin.audience.${s.audience}` as TMessageKey),
                })}
              </p>
              <p>
                {t('admin.signatures.signer', {
                  name: s.signer_name,
                  role: s.signer_role,
                  date: v.fmt.date(s.signed_at),
                })}
              </p>
              <ButtonForm action={`/admin/signatures/${s.id}/validate`} label={t('admin.signatures.validate')} />
              <form method="post" action={`/admin/signatures/${s.id}/reject`}>
                <div class="field">
                  <label for={`reason-${s.id}`}>{t('admin.signatures.reason')}</label>
                  <input id={`reason-${s.id}`} name="reason" type="text" required maxlength={500} />
                </div>
                <button type="submit" class="danger">
                  {t('admin.signatures.reject')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('admin.signatures.none')}</p>
      )}
    </>
  ));
});

pages.post('/admin/signatures/:id{[0-9]+}/validate', async (c) => {
  const user = requireUser(c);
  return guarded(
    c,
    '/admin/signatures',
    () => decideSignature(c.get('db'), c.get('config'), user, Number(c.req.param('id')), { validate: true }),
    'admin.flash.validated',
  );
});

pages.post('/admin/signatures/:id{[0-9]+}/reject', async (c) => {
  const user = requireUser(c);
  const { result } = await parseForm(c, z.object({ reason: z.string().trim().min(3).max(500) }));
  if (!result.ok) return redirectWithFlash(c, '/admin/signatures', 'admin.flash.reasonRequired');
  return guarded(
    c,
    '/admin/signatures',
    () =>
      decideSignature(c.get('db'), c.get('config'), user, Number(c.req.param('id')), {
        validate: false,
        reason: result.data.reason,
      }),
    'admin.flash.rejected',
  );
});

// Organisations ---------------------------------------------------------------------------------------------------
pages.get('/admin/organisations', async (c) => {
  const t = c.get('t');
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const pg = pageOf(c);
  const { total, items } = await listAllOrganisations(c.get('db'), q, pg);
  return renderPage(c, t('admin.organisations.title'), (v) => (
    <AdminList
      v={v}
      title={t('admin.organisations.title')}
      search={{ action: '/admin/organisations', label: t('directory.filter.q'), q }}
      total={total}
      headers={[
        'organisations.field.name',
        'organisations.field.kind',
        'admin.organisations.signature',
        'admin.createdAt',
      ]}
      page={pg.page}
      pages={pagesFor(total)}
    >
      {items.map((o) => (
        <tr>
          <td>
            <a href={`/organisations/${o.id}`}>{o.name}</a>{' '}
            {o.is_demo ? <span class="badge demo">{t('demo.badge')}</span> : null}
          </td>
          <td>{kindLabel(t, o.kind)}</td>
          <td>{o.signature_status ? t(`admin.status.${o.signature_status}` as TMessageKey) : '—'}</td>
          <td>{v.fmt.date(o.created_at)}</td>
        </tr>
      ))}
    </AdminList>
  ));
});

// Users -----------------------------------------------------------------------------------------------------------
pages.get('/admin/users', async (c) => {
  const t = c.get('t');
  const me = requireUser(c);
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const pg = pageOf(c);
  const { total, items } = await listUsers(c.get('db'), q, pg);
  return renderPage(c, t('admin.users.title'), (v) => (
    <AdminList
      v={v}
      title={t('admin.users.title')}
      search={{ action: '/admin/users', label: t('admin.users.search'), q }}
      total={total}
      headers={['accounts.field.email', 'admin.users.role', 'admin.users.state', 'organisations.member.actions']}
      page={pg.page}
      pages={pagesFor(total)}
    >
      {items.map((u) => (
        <tr>
          <td>
            {u.email}
            <br />
            {u.name}
          </td>
          <td>{t(`admin.role.${u.platform_role}` as TMessageKey)}</td>
          <td>
            {u.disabled_at
              ? t('admin.users.disabled')
              : u.email_confirmed_at
                ? t('admin.users.active')
                : t('admin.users.unconfirmed')}
          </td>
          <td>
            {u.id === me.id ? null : (
              <>
                <ButtonForm
                  action={`/admin/users/${u.id}/${u.disabled_at ? 'enable' : 'disable'}`}
                  label={t(u.disabled_at ? 'admin.users.enable' : 'admin.users.disable')}
                  className="secondary"
                />{' '}
                <ButtonForm
                  action={`/admin/users/${u.id}/role`}
                  fields={{ role: u.platform_role === 'admin' ? 'member' : 'admin' }}
                  label={t(u.platform_role === 'admin' ? 'admin.users.makeMember' : 'admin.users.makeAdmin')}
                  className="secondary"
                />
              </>
            )}
          </td>
        </tr>
      ))}
    </AdminList>
  ));
});

pages.post('/admin/users/:id{[0-9]+}/:action{disable|enable}', async (c) => {
  const user = requireUser(c);
  const disable = c.req.param('action') === 'disable';
  return guarded(
    c,
    '/admin/users',
    () => setUserDisabled(c.get('db'), user, Number(c.req.param('id')), disable),
    'flash.saved',
  );
});

pages.post('/admin/users/:id{[0-9]+}/role', async (c) => {
  const user = requireUser(c);
  const { result } = await parseForm(c, z.object({ role: z.enum(['member', 'admin']) }));
  if (!result.ok) throw new AppError(400, 'invalid_role', 'Invalid role');
  return guarded(
    c,
    '/admin/users',
    () => setPlatformRole(c.get('db'), user, Number(c.req.param('id')), result.data.role),
    'flash.saved',
  );
});

// Outbox ----------------------------------------------------------------------------------------------------------
pages.get('/admin/outbox', async (c) => {
  const t = c.get('t');
  const pg = pageOf(c);
  const { total, items } = await listOutbox(c.get('db'), pg);
  return renderPage(c, t('admin.outbox.title'), (v) => (
    <AdminList
      v={v}
      title={t('admin.outbox.title')}
      intro={<p>{t(c.get('config').SMTP_URL ? 'admin.outbox.smtp' : 'admin.outbox.noSmtp')}</p>}
      total={total}
      headers={['admin.outbox.date', 'admin.outbox.to', 'admin.outbox.subject', 'admin.users.state']}
      page={pg.page}
      pages={pagesFor(total)}
    >
      {items.map((m) => (
        <tr>
          <td>{when(v.locale, m.created_at)}</td>
          <td>{m.to_address}</td>
          <td>
            <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
          </td>
          <td>{m.sent_at ? t('admin.outbox.sent') : m.error ? t('admin.outbox.failed') : t('admin.outbox.stored')}</td>
        </tr>
      ))}
    </AdminList>
  ));
});

pages.get('/admin/outbox/:id{[0-9]+}', async (c) => {
  const t = c.get('t');
  const mail = await getMail(c.get('db'), Number(c.req.param('id')));
  if (!mail) throw notFound();
  return renderPage(c, mail.subject, (v) => (
    <>
      <h1>{mail.subject}</h1>
      <AdminNav t={t} />
      <dl class="facts">
        <dt>{t('admin.outbox.to')}</dt>
        <dd>{mail.to_address}</dd>
        <dt>{t('admin.outbox.date')}</dt>
        <dd>{when(v.locale, mail.created_at)}</dd>
        {mail.error ? (
          <>
            <dt>{t('admin.outbox.failed')}</dt>
            <dd>{mail.error}</dd>
          </>
        ) : null}
      </dl>
      <pre class="mail-body">{mail.body_text}</pre>
      <p>
        <a href="/admin/outbox">{t('admin.outbox.back')}</a>
      </p>
    </>
  ));
});

// Audit log -------------------------------------------------------------------------------------------------------
pages.get('/admin/audit', async (c) => {
  const t = c.get('t');
  const pg = pageOf(c);
  const { total, items } = await listAudit(c.get('db'), pg);
  return renderPage(c, t('admin.audit.title'), (v) => (
    <AdminList
      v={v}
      title={t('admin.audit.title')}
      total={total}
      headers={['admin.audit.when', 'admin.audit.who', 'admin.audit.what', 'admin.audit.subject']}
      page={pg.page}
      pages={pagesFor(total)}
    >
      {items.map((a) => (
        <tr>
          <td>{when(v.locale, a.at)}</td>
          <td>{a.actor ?? t('admin.audit.system')}</td>
          <td>
            <code>{a.action}</code>
            {a.details_json ? (
              <>
                <br />
                <small>{a.details_json.slice(0, 200)}</small>
              </>
            ) : null}
          </td>
          <td>
            {a.subject_type} {a.subject_id ?? ''}
          </td>
        </tr>
      ))}
    </AdminList>
  ));
});
