import type { TViewContext } from '../../views/context.js';
import { ButtonForm } from '../../views/components.js';
import { UnconfirmedNotice } from '../accounts/index.js';
import { SignatureStatus } from './manage-page.js';
import type { TSignatureSummary } from './queries.js';
import { organisationSpaces } from './spaces.js';
import type { TMessageKey } from '../../i18n/index.js';
import type { TOrgKind, TOrgRole } from '../../db/tables/foundation.js';

type TEntry = {
  organisationId: number;
  name: string;
  kind: TOrgKind;
  role: TOrgRole;
  signature: TSignatureSummary | null;
};
type TInvite = { id: number; role: TOrgRole; organisationName: string };

/** /dashboard: the member's organisations with their signature state and spaces, invitations, next steps. */
export function DashboardPage(p: { v: TViewContext; entries: TEntry[]; invitations: TInvite[] }) {
  const { v } = p;
  const t = v.t;
  const user = v.user!;
  return (
    <>
      <h1>{t('organisations.dashboard.title', { name: user.name })}</h1>
      {user.emailConfirmed ? null : <UnconfirmedNotice v={v} />}
      {p.invitations.length ? (
        <section>
          <h2>{t('organisations.dashboard.invitations')}</h2>
          <ul>
            {p.invitations.map((i) => (
              <li>
                {t('organisations.dashboard.invitedTo', {
                  organisation: i.organisationName,
                  role: t(`organisations.role.${i.role}` as TMessageKey),
                })}{' '}
                <ButtonForm action={`/invitations/id/${i.id}/accept`} label={t('organisations.invitation.accept')} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h2>{t('organisations.dashboard.organisations')}</h2>
        {p.entries.length ? (
          <ul class="cards">
            {p.entries.map((e) => (
              <li>
                <h3>
                  <a href={`/organisations/${e.organisationId}`}>{e.name}</a>
                </h3>
                <p>
                  {t(`organisations.role.${e.role}` as TMessageKey)} · <SignatureStatus v={v} signature={e.signature} />
                </p>
                {e.role === 'owner' && e.signature?.status !== 'validated' && e.signature?.status !== 'pending' ? (
                  <p>
                    <a href={`/organisations/${e.organisationId}/sign`}>{t('organisations.manage.signLink')}</a>
                  </p>
                ) : null}
                <ul>
                  {organisationSpaces(e.organisationId, e.kind).map((s) => (
                    <li>
                      <a href={s.href}>{t(s.key)}</a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('organisations.dashboard.none')}</p>
        )}
        <p>
          <a class="button" href="/organisations/new">
            {t('organisations.new.title')}
          </a>
        </p>
        <p>{t('organisations.dashboard.join')}</p>
      </section>
      <section>
        <h2>{t('accounts.account.title')}</h2>
        <p>
          <a href="/account">{t('organisations.dashboard.account')}</a>
        </p>
      </section>
    </>
  );
}
