import { Hono, type Context } from 'hono';
import { canManageOrganisation, requireUser } from '../../http/actor.js';
import type { AppEnv } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import { parseForm } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { ButtonForm, ErrorSummary, Field } from '../../views/components.js';
import { UnconfirmedNotice } from '../accounts/index.js';
import { createOrganisation, NameTakenError } from './create-organisation.js';
import { DashboardPage } from './dashboard-page.js';
import { deleteOrganisation, exportOrganisation } from './export-organisation.js';
import { acceptInvitation, cancelInvitation, findInvitation, invitationsFor, inviteMember } from './invitations.js';
import { changeMemberRole, removeMember } from './manage-members.js';
import { ManagePage } from './manage-page.js';
import { OrganisationForm } from './organisation-form.js';
import { latestSignature, listMembers, listPendingInvitations, organisationOr404 } from './queries.js';
import { canApplyForStatus, organisationPolicy } from './policy.js';
import { ZInvite, ZOrganisationProfile, ZRole, ZStatusApplication } from './schemas.js';
import { applyForStatus, currentGrant, latestStatusRequest } from './status.js';
import { isGrantedKind } from '../../db/standing.js';
import { updateOrganisation } from './update-organisation.js';
import { authorize } from '../../http/policy.js';

export const pages = new Hono<AppEnv>();

/** The organisation of the `:id` route parameter (404 when missing). */
async function orgParam(c: Context<AppEnv>) {
  return organisationOr404(c.get('db'), Number(c.req.param('id')));
}

/** Runs a member-management action; business refusals (last owner, already a member) come back as a flash. */
async function guarded(
  c: Context<AppEnv>,
  to: string,
  action: () => Promise<void>,
  flash: Parameters<typeof redirectWithFlash>[2],
) {
  try {
    await action();
  } catch (err) {
    if (err instanceof AppError && err.status === 409)
      return redirectWithFlash(
        c,
        to,
        err.code === 'last_owner' ? 'organisations.flash.lastOwner' : 'organisations.flash.alreadyMember',
      );
    throw err;
  }
  return redirectWithFlash(c, to, flash);
}

// Dashboard -----------------------------------------------------------------------------------------------------
pages.get('/dashboard', async (c) => {
  const user = requireUser(c);
  const db = c.get('db');
  const entries = await Promise.all(
    user.memberships.map(async (m) => ({
      organisationId: m.organisationId,
      name: m.name,
      kind: m.kind,
      role: m.role,
      signature: await latestSignature(db, m.organisationId),
    })),
  );
  const invitations = user.emailConfirmed ? await invitationsFor(db, user.email) : [];
  return renderPage(c, c.get('t')('nav.dashboard'), (v) => (
    <DashboardPage v={v} entries={entries} invitations={invitations} />
  ));
});

// Creation ------------------------------------------------------------------------------------------------------
function newPage(
  c: Context<AppEnv>,
  values?: Record<string, unknown>,
  errors?: Record<string, string>,
  status: 200 | 422 = 200,
) {
  const t = c.get('t');
  const user = requireUser(c);
  return renderPage(
    c,
    t('organisations.new.title'),
    (v) => (
      <>
        <h1>{t('organisations.new.title')}</h1>
        <p>{t('organisations.new.intro')}</p>
        {user.emailConfirmed ? (
          <OrganisationForm
            v={v}
            action="/organisations/new"
            submit={t('organisations.new.submit')}
            values={values}
            errors={errors}
          />
        ) : (
          <UnconfirmedNotice v={v} />
        )}
      </>
    ),
    { status },
  );
}

pages.get('/organisations/new', (c) => newPage(c));

pages.post('/organisations/new', async (c) => {
  const user = requireUser(c);
  if (!user.emailConfirmed) return newPage(c);
  const { values, result } = await parseForm(c, ZOrganisationProfile);
  if (!result.ok) return newPage(c, values, result.errors, 422);
  let org: { id: number };
  try {
    org = await createOrganisation(c.get('db'), user, result.data);
  } catch (err) {
    if (err instanceof NameTakenError)
      return newPage(c, values, { name: c.get('t')('organisations.error.nameTaken') }, 422);
    throw err;
  }
  return redirectWithFlash(c, `/organisations/${org.id}`, 'organisations.flash.created');
});

// Manage --------------------------------------------------------------------------------------------------------
async function managePage(
  c: Context<AppEnv>,
  extra: {
    errors?: Record<string, string>;
    inviteValues?: Record<string, unknown>;
    statusErrors?: Record<string, string>;
    statusValues?: Record<string, unknown>;
    status?: 200 | 422;
  } = {},
) {
  const user = requireUser(c);
  const org = await orgParam(c);
  authorize(user, organisationPolicy, 'organisation.view', org.id);
  const db = c.get('db');
  const canManage = canManageOrganisation(user, org.id);
  const [signature, members, invitations, statusRequest] = await Promise.all([
    latestSignature(db, org.id),
    listMembers(db, org.id),
    canManage ? listPendingInvitations(db, org.id) : [],
    latestStatusRequest(db, org.id),
  ]);
  return renderPage(
    c,
    org.name,
    (v) => (
      <ManagePage
        v={v}
        org={org}
        canManage={canManage}
        signature={signature}
        members={members}
        invitations={invitations}
        statusRequest={statusRequest}
        canApply={canApplyForStatus(user, org)}
        {...extra}
      />
    ),
    {
      status: extra.status ?? 200,
    },
  );
}

pages.get('/organisations/:id{[0-9]+}', (c) => managePage(c));

function editPage(
  c: Context<AppEnv>,
  org: { id: number; name: string; kind: string },
  values: Record<string, unknown>,
  errors?: Record<string, string>,
  status: 200 | 422 = 200,
) {
  const t = c.get('t');
  return renderPage(
    c,
    t('organisations.edit.title'),
    (v) => (
      <>
        <h1>{t('organisations.edit.title')}</h1>
        <p>
          <a href={`/organisations/${org.id}`}>{org.name}</a>
        </p>
        <OrganisationForm
          v={v}
          action={`/organisations/${org.id}/edit`}
          submit={t('form.save')}
          values={values}
          errors={errors}
          granted={isGrantedKind(org.kind)}
        />
      </>
    ),
    { status },
  );
}

pages.get('/organisations/:id{[0-9]+}/edit', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  authorize(user, organisationPolicy, 'organisation.manage', org.id);
  // A partner or expert edits the kind it returns to if its status is withdrawn.
  const kind = isGrantedKind(org.kind)
    ? ((await currentGrant(c.get('db'), org.id))?.previous_kind ?? 'company')
    : org.kind;
  return editPage(c, org, { ...org, kind });
});

pages.post('/organisations/:id{[0-9]+}/edit', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  authorize(user, organisationPolicy, 'organisation.manage', org.id);
  const { values, result } = await parseForm(c, ZOrganisationProfile);
  if (!result.ok) return editPage(c, org, values, result.errors, 422);
  try {
    await updateOrganisation(c.get('db'), user, org.id, result.data);
  } catch (err) {
    if (err instanceof NameTakenError)
      return editPage(c, org, values, { name: c.get('t')('organisations.error.nameTaken') }, 422);
    throw err;
  }
  return redirectWithFlash(c, `/organisations/${org.id}`, 'flash.saved');
});

// Partner / expert status ---------------------------------------------------------------------------------------
pages.post('/organisations/:id{[0-9]+}/status', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  authorize(user, organisationPolicy, 'organisation.status.apply', org);
  const { values, result } = await parseForm(c, ZStatusApplication);
  if (!result.ok) return managePage(c, { statusErrors: result.errors, statusValues: values, status: 422 });
  try {
    await applyForStatus(c.get('db'), c.get('config'), user, org.id, result.data);
  } catch (err) {
    if (err instanceof AppError && err.code === 'status_pending')
      return redirectWithFlash(c, `/organisations/${org.id}`, 'organisations.flash.statusPending');
    throw err;
  }
  return redirectWithFlash(c, `/organisations/${org.id}`, 'organisations.flash.statusApplied');
});

pages.post('/organisations/:id{[0-9]+}/members/:mid{[0-9]+}/role', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  const { result } = await parseForm(c, ZRole);
  if (!result.ok) throw new AppError(400, 'invalid_role', 'Invalid role');
  return guarded(
    c,
    `/organisations/${org.id}`,
    () => changeMemberRole(c.get('db'), user, org.id, Number(c.req.param('mid')), result.data.role),
    'flash.saved',
  );
});

pages.post('/organisations/:id{[0-9]+}/members/:mid{[0-9]+}/remove', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  return guarded(
    c,
    `/organisations/${org.id}`,
    () => removeMember(c.get('db'), user, org.id, Number(c.req.param('mid'))),
    'organisations.flash.removed',
  );
});

pages.post('/organisations/:id{[0-9]+}/invitations', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  authorize(user, organisationPolicy, 'organisation.manage', org.id);
  const { values, result } = await parseForm(c, ZInvite);
  if (!result.ok) return managePage(c, { errors: result.errors, inviteValues: values, status: 422 });
  if (!user.emailConfirmed) return redirectWithFlash(c, `/organisations/${org.id}`, 'organisations.flash.confirmFirst');
  return guarded(
    c,
    `/organisations/${org.id}`,
    () => inviteMember(c.get('db'), c.get('config'), user, org.id, { ...result.data, locale: c.get('locale') }),
    'organisations.flash.invited',
  );
});

pages.post('/organisations/:id{[0-9]+}/invitations/:iid{[0-9]+}/cancel', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  await cancelInvitation(c.get('db'), user, org.id, Number(c.req.param('iid')));
  return redirectWithFlash(c, `/organisations/${org.id}`, 'flash.saved');
});

// Data: export and deletion ---------------------------------------------------------------------------------------
pages.get('/organisations/:id{[0-9]+}/export.json', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  const data = await exportOrganisation(c.get('db'), user, org.id);
  c.header('Content-Disposition', `attachment; filename="${org.slug}.json"`);
  return c.json(data);
});

function deletePage(c: Context<AppEnv>, org: { id: number; name: string }, errors?: Record<string, string>) {
  const t = c.get('t');
  return renderPage(
    c,
    t('organisations.delete.title'),
    (v) => (
      <>
        <h1>{t('organisations.delete.title')}</h1>
        <p class="notice">{t('organisations.delete.warning', { name: org.name })}</p>
        <ErrorSummary
          v={v}
          errors={errors}
          labels={{ confirm_name: t('organisations.delete.confirmLabel', { name: org.name }) }}
        />
        <form method="post" action={`/organisations/${org.id}/delete`} novalidate>
          <Field
            name="confirm_name"
            label={t('organisations.delete.confirmLabel', { name: org.name })}
            errors={errors}
            required
          />
          <button type="submit" class="danger">
            {t('organisations.delete.submit')}
          </button>{' '}
          <a href={`/organisations/${org.id}`}>{t('form.cancel')}</a>
        </form>
      </>
    ),
    { status: errors ? 422 : 200 },
  );
}

pages.get('/organisations/:id{[0-9]+}/delete', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  authorize(user, organisationPolicy, 'organisation.manage', org.id);
  return deletePage(c, org);
});

pages.post('/organisations/:id{[0-9]+}/delete', async (c) => {
  const user = requireUser(c);
  const org = await orgParam(c);
  authorize(user, organisationPolicy, 'organisation.manage', org.id);
  const body = await c.req.parseBody();
  if (String(body.confirm_name ?? '').trim() !== org.name)
    return deletePage(c, org, { confirm_name: c.get('t')('organisations.delete.mismatch') });
  await deleteOrganisation(c.get('db'), user, org.id);
  return redirectWithFlash(c, '/dashboard', 'organisations.flash.deleted');
});

// Invitations -----------------------------------------------------------------------------------------------------
pages.get('/invitations/:token', async (c) => {
  const t = c.get('t');
  const token = c.req.param('token');
  const inv = await findInvitation(c.get('db'), token);
  if (!inv) throw notFound();
  const user = c.get('user');
  const here = `/invitations/${token}`;
  return renderPage(c, t('organisations.invitation.title'), (v) => (
    <>
      <h1>{t('organisations.invitation.title')}</h1>
      <p>{t('organisations.invitation.text', { organisation: inv.organisationName, email: inv.email })}</p>
      {!user ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(here)}`}>{t('organisations.invitation.login')}</a> ·{' '}
          <a href="/signup">{t('organisations.invitation.signup')}</a>
        </p>
      ) : user.email !== inv.email ? (
        <p class="notice">{t('organisations.invitation.wrongAccount', { email: inv.email })}</p>
      ) : !user.emailConfirmed ? (
        <UnconfirmedNotice v={v} />
      ) : (
        <ButtonForm action={here} label={t('organisations.invitation.accept')} />
      )}
    </>
  ));
});

pages.post('/invitations/:token', async (c) => {
  const user = requireUser(c);
  const orgId = await acceptInvitation(c.get('db'), user, { secret: c.req.param('token') });
  return redirectWithFlash(c, `/organisations/${orgId}`, 'organisations.flash.joined');
});

pages.post('/invitations/id/:id{[0-9]+}/accept', async (c) => {
  const user = requireUser(c);
  const orgId = await acceptInvitation(c.get('db'), user, { id: Number(c.req.param('id')) });
  return redirectWithFlash(c, `/organisations/${orgId}`, 'organisations.flash.joined');
});
