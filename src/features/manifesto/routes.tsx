import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { canManageOrganisation, ensure, requireUser } from '../../http/actor.js';
import type { AppEnv } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import { parseForm } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { ErrorSummary, Field } from '../../views/components.js';
import { UnconfirmedNotice } from '../accounts/index.js';
import { getOrganisation, latestSignature, SignatureStatus } from '../organisations/index.js';
import { ManifestoText } from './manifesto-text.js';
import { signManifesto } from './sign-manifesto.js';
import { audienceFor, currentVersion } from './versions.js';

export const pages = new Hono<AppEnv>();

const ZSign = z.object({
  signer_name: z.string().trim().min(1).max(120),
  signer_role: z.string().trim().min(1).max(120),
  commitment: z.literal('1', 'manifesto.error.commitment'),
});

pages.get('/manifesto', async (c) => {
  const t = c.get('t');
  const db = c.get('db');
  const [company, school] = await Promise.all([currentVersion(db, 'company'), currentVersion(db, 'school')]);
  return renderPage(c, t('manifesto.title'), (v) => (
    <>
      <h1>{t('manifesto.title')}</h1>
      <p class="lead">{t('manifesto.lead')}</p>
      {company ? <ManifestoText v={v} version={company.version} audience="company" /> : null}
      {school ? <ManifestoText v={v} version={school.version} audience="school" /> : null}
      <h2>{t('manifesto.how.title')}</h2>
      <p>{t('manifesto.how.text')}</p>
      <p>
        <a class="button" href={v.user ? '/dashboard' : '/signup'}>
          {t('manifesto.how.cta')}
        </a>
      </p>
    </>
  ));
});

async function signPage(c: Context<AppEnv>, values?: Record<string, unknown>, errors?: Record<string, string>) {
  const t = c.get('t');
  const user = requireUser(c);
  const db = c.get('db');
  const org = await getOrganisation(db, Number(c.req.param('id')));
  if (!org) throw notFound();
  ensure(canManageOrganisation(user, org.id));
  const [version, latest] = await Promise.all([currentVersion(db, audienceFor(org.kind)), latestSignature(db, org.id)]);
  if (!version) throw notFound();
  const blocked =
    latest &&
    (latest.status === 'pending' ||
      (latest.status === 'validated' && latest.version === version.version && latest.audience === version.audience));
  return renderPage(
    c,
    t('manifesto.sign.title'),
    (v) => (
      <>
        <h1>{t('manifesto.sign.title')}</h1>
        <p>
          <a href={`/organisations/${org.id}`}>{org.name}</a> · <SignatureStatus v={v} signature={latest} />
        </p>
        <ManifestoText v={v} version={version.version} audience={version.audience} />
        {!user.emailConfirmed ? (
          <UnconfirmedNotice v={v} />
        ) : blocked ? (
          <p class="notice">
            {t(latest!.status === 'pending' ? 'manifesto.sign.pending' : 'manifesto.sign.alreadySigned')}
          </p>
        ) : (
          <>
            {/* The commitment's error already names its box; its label is a whole sentence, so it is not repeated. */}
            <ErrorSummary
              v={v}
              errors={errors}
              labels={{ signer_name: t('manifesto.field.signerName'), signer_role: t('manifesto.field.signerRole') }}
            />
            <form method="post" action={`/organisations/${org.id}/sign`} novalidate>
              <Field
                name="signer_name"
                label={t('manifesto.field.signerName')}
                value={String(values?.signer_name ?? user.name)}
                errors={errors}
                required
                autocomplete="name"
              />
              <Field
                name="signer_role"
                label={t('manifesto.field.signerRole')}
                hint={t('manifesto.field.signerRoleHint')}
                value={String(values?.signer_role ?? '')}
                errors={errors}
                required
                autocomplete="organization-title"
              />
              <div class={errors?.commitment ? 'field has-error' : 'field'}>
                {errors?.commitment ? (
                  <p class="error" id="f-commitment-error">
                    {errors.commitment}
                  </p>
                ) : null}
                <input
                  type="checkbox"
                  id="f-commitment"
                  name="commitment"
                  value="1"
                  required
                  aria-describedby={errors?.commitment ? 'f-commitment-error' : undefined}
                />{' '}
                <label for="f-commitment">{t('manifesto.field.commitment', { organisation: org.name })}</label>
              </div>
              <button type="submit">{t('manifesto.sign.submit')}</button>
            </form>
          </>
        )}
      </>
    ),
    { status: errors ? 422 : 200 },
  );
}

pages.get('/organisations/:id{[0-9]+}/sign', (c) => signPage(c));

pages.post('/organisations/:id{[0-9]+}/sign', async (c) => {
  const user = requireUser(c);
  const { values, result } = await parseForm(c, ZSign);
  if (!result.ok) return signPage(c, values, result.errors);
  const orgId = Number(c.req.param('id'));
  try {
    await signManifesto(c.get('db'), c.get('config'), user, orgId, {
      signerName: result.data.signer_name,
      signerRole: result.data.signer_role,
    });
  } catch (err) {
    // Already pending or signed, or not confirmed: the page explains it.
    if (err instanceof AppError && (err.status === 409 || err.code === 'email_unconfirmed')) return signPage(c);
    throw err;
  }
  return redirectWithFlash(c, `/organisations/${orgId}`, 'manifesto.flash.signed');
});
