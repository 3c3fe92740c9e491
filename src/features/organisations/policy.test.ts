import { describe, expect, it } from 'vitest';
import type { TCurrentUser } from '../../http/env.js';
import { authorize, can, type TActor } from '../../http/policy.js';
import { organisationPolicy } from './policy.js';

const org = { id: 7, kind: 'company' };

function person(
  memberships: { organisationId: number; role: 'owner' | 'member' }[],
  extra: Partial<TCurrentUser> = {},
): TCurrentUser {
  return {
    id: 1,
    email: 'someone@example.org',
    name: 'Someone',
    platformRole: 'member',
    locale: 'fr',
    emailConfirmed: true,
    memberships: memberships.map((m) => ({
      ...m,
      name: 'Org',
      slug: 'org',
      kind: 'company',
      signatory: false,
      publisher: false,
    })),
    ...extra,
  };
}

const actors: Record<string, TActor> = {
  visitor: null,
  member: person([{ organisationId: 7, role: 'member' }]),
  owner: person([{ organisationId: 7, role: 'owner' }]),
  administrator: person([], { platformRole: 'admin' }),
  otherOrganisation: person([{ organisationId: 8, role: 'owner' }]),
};

describe('organisations policy table', () => {
  const expected: Record<string, Record<string, boolean>> = {
    'organisation.view': { visitor: false, member: true, owner: true, administrator: true, otherOrganisation: false },
    'organisation.manage': {
      visitor: false,
      member: false,
      owner: true,
      administrator: true,
      otherOrganisation: false,
    },
    'organisation.invite': {
      visitor: false,
      member: false,
      owner: true,
      administrator: true,
      otherOrganisation: false,
    },
    'organisation.status.apply': {
      visitor: false,
      member: false,
      owner: true,
      administrator: false,
      otherOrganisation: false,
    },
    'organisation.status.decide': {
      visitor: false,
      member: false,
      owner: false,
      administrator: true,
      otherOrganisation: false,
    },
  };
  for (const [action, byActor] of Object.entries(expected)) {
    it(action, () => {
      const subject =
        action === 'organisation.status.apply' ? org : action === 'organisation.status.decide' ? null : org.id;
      const got = Object.fromEntries(
        Object.entries(actors).map(([who, a]) => [
          who,
          can(a, organisationPolicy, action as 'organisation.view', subject as number),
        ]),
      );
      expect(got).toEqual(byActor);
    });
  }

  it('refuses with the generic 403 and its user-facing key', () => {
    expect(() => authorize(actors.member!, organisationPolicy, 'organisation.manage', 7)).toThrow(
      expect.objectContaining({ status: 403, code: 'forbidden', userMessage: 'error.forbidden.text' }),
    );
  });
  it('asks a confirmed address first, with a refusal that says so', () => {
    const unconfirmed = person([{ organisationId: 7, role: 'owner' }], { emailConfirmed: false });
    expect(() => authorize(unconfirmed, organisationPolicy, 'organisation.create', null)).toThrow(
      expect.objectContaining({
        status: 403,
        code: 'email_unconfirmed',
        userMessage: 'organisations.flash.confirmFirst',
      }),
    );
    expect(can(actors.owner!, organisationPolicy, 'account.confirmed', null)).toBe(true);
  });
  it('lets only the invited address accept an invitation', () => {
    expect(can(actors.member!, organisationPolicy, 'invitation.accept', { email: 'someone@example.org' })).toBe(true);
    expect(() =>
      authorize(actors.member!, organisationPolicy, 'invitation.accept', { email: 'other@example.org' }),
    ).toThrow(expect.objectContaining({ code: 'wrong_account' }));
  });
});
