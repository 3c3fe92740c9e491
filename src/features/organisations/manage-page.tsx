import type { TFieldErrors } from '../../http/forms.js';
import type { TMessageKey } from '../../i18n/index.js';
import type { TViewContext } from '../../views/context.js';
import { ButtonForm, ErrorSummary, Field, Select, TextArea } from '../../views/components.js';
import { isGrantedKind } from '../../db/standing.js';
import { kindLabel, regionLabel, sectorLabel, sizeLabel } from './labels.js';
import type { getOrganisation, listMembers, listPendingInvitations, TSignatureSummary } from './queries.js';
import { organisationSpaces } from './spaces.js';

type TOrg = NonNullable<Awaited<ReturnType<typeof getOrganisation>>>;
type TStatusRequest = { kind: string; status: string; reason: string | null; created_at: string } | undefined;

/** The partner / expert status: held, waiting, refused or withdrawn, and the application form for owners. */
function StatusSection(p: {
  v: TViewContext;
  org: TOrg;
  request: TStatusRequest;
  canApply: boolean;
  errors?: TFieldErrors | null;
  values?: Record<string, unknown>;
}) {
  const { t, fmt } = p.v;
  const r = p.request;
  const granted = isGrantedKind(p.org.kind);
  return (
    <section>
      <h2>{t('organisations.status.title')}</h2>
      <p>{t('organisations.status.intro')}</p>
      {granted ? <p>{t('organisations.status.held', { kind: kindLabel(t, p.org.kind) })}</p> : null}
      {!granted && r?.status === 'pending' ? (
        <p>{t('organisations.status.pending', { kind: kindLabel(t, r.kind), date: fmt.date(r.created_at) })}</p>
      ) : null}
      {!granted && r?.status === 'rejected' ? (
        <p>{t('organisations.status.rejected', { reason: r.reason ?? '' })}</p>
      ) : null}
      {!granted && r?.status === 'withdrawn' ? (
        <p>{t('organisations.status.withdrawn', { reason: r.reason ?? '' })}</p>
      ) : null}
      <p>{t('organisations.status.publishHint')}</p>
      {p.canApply && r?.status !== 'pending' ? (
        <form method="post" action={`/organisations/${p.org.id}/status`} novalidate>
          <Select
            name="kind"
            label={t('organisations.status.kind')}
            value={String(p.values?.kind ?? '')}
            errors={p.errors}
            options={[
              ['partner', kindLabel(t, 'partner')],
              ['expert', kindLabel(t, 'expert')],
            ]}
            emptyLabel={t('organisations.field.choose')}
            required
          />
          <TextArea
            name="motivation"
            label={t('organisations.status.motivation')}
            value={String(p.values?.motivation ?? '')}
            errors={p.errors}
            rows={4}
            required
          />
          <button type="submit">{t('organisations.status.apply')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** The signature state in words (never colour alone). */
export function SignatureStatus(p: { v: TViewContext; signature: TSignatureSummary | null }) {
  const { t, fmt } = p.v;
  const s = p.signature;
  if (!s) return <span>{t('organisations.signature.none')}</span>;
  return (
    <span>
      {t(`organisations.signature.${s.status}` as TMessageKey, {
        version: s.version,
        date: fmt.date(s.decidedAt ?? s.signedAt),
      })}
      {s.status === 'rejected' && s.rejectionReason ? ` — ${s.rejectionReason}` : null}
    </span>
  );
}

/** The organisation's profile as a definition list. */
export function ProfileFacts(p: { v: TViewContext; org: TOrg; withSiren?: boolean }) {
  const t = p.v.t;
  const o = p.org;
  return (
    <dl class="facts">
      <dt>{t('organisations.field.kind')}</dt>
      <dd>{kindLabel(t, o.kind)}</dd>
      <dt>{t('organisations.field.sector')}</dt>
      <dd>{sectorLabel(t, o.sector)}</dd>
      <dt>{t('organisations.field.size')}</dt>
      <dd>{sizeLabel(t, o.size_band)}</dd>
      <dt>{t('organisations.field.region')}</dt>
      <dd>{regionLabel(t, o.region)}</dd>
      {p.withSiren && o.siren ? (
        <>
          <dt>{t('organisations.field.siren')}</dt>
          <dd>{o.siren}</dd>
        </>
      ) : null}
      {o.website ? (
        <>
          <dt>{t('organisations.field.website')}</dt>
          <dd>
            <a href={o.website} rel="noopener nofollow">
              {o.website}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

type TMember = Awaited<ReturnType<typeof listMembers>>[number];
type TInvitation = Awaited<ReturnType<typeof listPendingInvitations>>[number];

/** /organisations/:id: profile, manifesto, spaces, members, invitations and the organisation's data. */
export function ManagePage(p: {
  v: TViewContext;
  org: TOrg;
  canManage: boolean;
  signature: TSignatureSummary | null;
  members: TMember[];
  invitations: TInvitation[];
  errors?: TFieldErrors | null;
  inviteValues?: Record<string, unknown>;
  statusRequest?: TStatusRequest;
  canApply?: boolean;
  statusErrors?: TFieldErrors | null;
  statusValues?: Record<string, unknown>;
}) {
  const { v, org } = p;
  const t = v.t;
  const base = `/organisations/${org.id}`;
  return (
    <>
      <h1>
        {org.name} {org.is_demo ? <span class="badge demo">{t('demo.badge')}</span> : null}
      </h1>
      <ErrorSummary
        v={v}
        errors={p.errors}
        labels={{ email: t('organisations.invite.email'), role: t('organisations.member.role') }}
      />
      <nav aria-label={t('organisations.manage.spaces')}>
        <ul class="offer">
          {organisationSpaces(org.id, org.kind).map((s) => (
            <li>
              <a href={s.href}>{t(s.key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section>
        <h2>{t('organisations.manage.manifesto')}</h2>
        <p>
          <SignatureStatus v={v} signature={p.signature} />
        </p>
        {p.canManage ? (
          <p>
            <a href={`${base}/sign`}>{t('organisations.manage.signLink')}</a>
          </p>
        ) : null}
      </section>
      <StatusSection
        v={v}
        org={org}
        request={p.statusRequest}
        canApply={!!p.canApply}
        errors={p.statusErrors}
        values={p.statusValues}
      />
      <section>
        <h2>{t('organisations.manage.profile')}</h2>
        <ProfileFacts v={v} org={org} withSiren />
        {p.canManage ? (
          <p>
            <a href={`${base}/edit`}>{t('organisations.manage.edit')}</a>
          </p>
        ) : null}
      </section>
      <section>
        <h2>{t('organisations.manage.members')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('organisations.member.name')}</th>
              <th scope="col">{t('organisations.member.role')}</th>
              {p.canManage ? <th scope="col">{t('organisations.member.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.members.map((m) => (
              <tr>
                <td>
                  {m.name}
                  {p.canManage ? <> ({m.email})</> : null}
                </td>
                <td>{t(`organisations.role.${m.role}` as TMessageKey)}</td>
                {p.canManage ? (
                  <td>
                    <ButtonForm
                      action={`${base}/members/${m.id}/role`}
                      label={t(
                        m.role === 'owner' ? 'organisations.member.makeMember' : 'organisations.member.makeOwner',
                      )}
                      fields={{ role: m.role === 'owner' ? 'member' : 'owner' }}
                      className="secondary"
                    />{' '}
                    <ButtonForm
                      action={`${base}/members/${m.id}/remove`}
                      label={t('organisations.member.remove')}
                      className="danger"
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {p.canManage ? (
        <>
          <section>
            <h2>{t('organisations.invite.title')}</h2>
            {p.invitations.length ? (
              <ul>
                {p.invitations.map((i) => (
                  <li>
                    {t('organisations.invite.pending', {
                      email: i.email,
                      role: t(`organisations.role.${i.role}` as TMessageKey),
                      date: v.fmt.date(i.expires_at),
                    })}{' '}
                    <ButtonForm
                      action={`${base}/invitations/${i.id}/cancel`}
                      label={t('organisations.invite.cancel')}
                      className="link"
                    />
                  </li>
                ))}
              </ul>
            ) : null}
            <form method="post" action={`${base}/invitations`} novalidate>
              <Field
                name="email"
                type="email"
                label={t('organisations.invite.email')}
                value={String(p.inviteValues?.email ?? '')}
                errors={p.errors}
                required
              />
              <Select
                name="role"
                label={t('organisations.member.role')}
                value={String(p.inviteValues?.role ?? 'member')}
                options={[
                  ['member', t('organisations.role.member')],
                  ['owner', t('organisations.role.owner')],
                ]}
              />
              <button type="submit">{t('organisations.invite.submit')}</button>
            </form>
          </section>
          <section>
            <h2>{t('organisations.data.title')}</h2>
            <p>{t('organisations.data.text')}</p>
            <p>
              <a href={`${base}/export.json`} download>
                {t('organisations.data.export')}
              </a>{' '}
              · <a href={`${base}/delete`}>{t('organisations.data.delete')}</a>
            </p>
          </section>
        </>
      ) : null}
    </>
  );
}
