/**
 * The authorization matrix: every read path × every content state × every kind of viewer, generated
 * from the three tables below. The expected outcome comes from `expectedVisible`, written from the
 * product rules (not from src/access-policy), so this file can disagree with the code.
 *
 * To cover a new read path, add one row to CASE_PATHS or REPLY_PATHS; to cover a new state, add one
 * row to CASE_STATES or REPLY_STATES (with how to bring the content into that state).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Account,
  dataOf,
  flagContent,
  givenAdmin,
  givenCase,
  givenClinician,
  givenForum,
  givenPendingClinician,
  givenReply,
  givenRevokedClinician,
  givenVerifiedClinician,
  removeCase,
  type Visibility,
} from './support/factories.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

// ---------------------------------------------------------------------------------------------------
// Viewers
// ---------------------------------------------------------------------------------------------------

type AccountName = 'admin' | 'caseAuthor' | 'replyAuthor' | 'verified' | 'unverified' | 'pending' | 'revoked';

interface Viewer {
  name: string;
  /** Whose token to send; null for an anonymous reader. */
  account: AccountName | null;
  /** What `me` must say at query time ("role/verificationStatus"): proves the token is still valid. */
  identity: string;
  admin: boolean;
  verified: boolean;
  /** The target content this viewer wrote (all cases are by caseAuthor, all replies by replyAuthor). */
  authorOf: ('case' | 'reply')[];
}

const VIEWERS: Viewer[] = [
  { name: 'anonymous', account: null, identity: 'anonymous', admin: false, verified: false, authorOf: [] },
  {
    name: 'unverified',
    account: 'unverified',
    identity: 'CLINICIAN/UNVERIFIED',
    admin: false,
    verified: false,
    authorOf: [],
  },
  {
    name: 'pending',
    account: 'pending',
    identity: 'CLINICIAN/PENDING',
    admin: false,
    verified: false,
    authorOf: [],
  },
  {
    name: 'verified',
    account: 'verified',
    identity: 'CLINICIAN/VERIFIED',
    admin: false,
    verified: true,
    authorOf: [],
  },
  {
    name: 'revoked',
    account: 'revoked',
    identity: 'CLINICIAN/REVOKED',
    admin: false,
    verified: false,
    authorOf: [],
  },
  // The bootstrap admin never went through credential review: admin rights must not depend on it.
  {
    name: 'admin',
    account: 'admin',
    identity: 'ADMIN/UNVERIFIED',
    admin: true,
    verified: false,
    authorOf: [],
  },
  {
    name: 'case author',
    account: 'caseAuthor',
    identity: 'CLINICIAN/VERIFIED',
    admin: false,
    verified: true,
    authorOf: ['case'],
  },
  {
    name: 'reply author',
    account: 'replyAuthor',
    identity: 'CLINICIAN/VERIFIED',
    admin: false,
    verified: true,
    authorOf: ['reply'],
  },
];

// ---------------------------------------------------------------------------------------------------
// Content states
// ---------------------------------------------------------------------------------------------------

type Condition = 'live' | 'removed' | 'hidden';

/** One piece of target content, created in its own forum so that per-forum counts isolate it. */
interface Item {
  forumId: string;
  caseId: string;
  replyId: string | null;
  /** A made-up word found only in this item's case body. */
  word: string;
  /** A tag only this item's case carries. */
  tag: string;
}

interface World {
  t: TestApp;
  accounts: Record<AccountName, Account>;
}

interface State {
  name: string;
  kind: 'case' | 'reply';
  forum: Visibility;
  case: Condition;
  reply?: Condition;
  /** Where the case is first posted, when not in `forum` (it moves there in setUp). */
  postedIn?: Visibility;
  /** Brings a freshly created live item into this state (after every item got an OTHER flag). */
  setUp(world: World, item: Item): Promise<void>;
}

const noChange = async () => {};

type Target = { caseId: string } | { replyId: string };
const caseOf = (item: Item): Target => ({ caseId: item.caseId });
const replyOf = (item: Item): Target => ({ replyId: item.replyId! });

/** An admin settles the open flag that `reporter` raised on the target. */
async function review(
  { t, accounts }: World,
  target: Target,
  reporter: AccountName,
  resolution: 'DISMISS' | 'REMOVE_CONTENT',
) {
  const column = 'caseId' in target ? 'case_id' : 'reply_id';
  const [flag] = await t.dataSource.query(
    `SELECT id FROM flags WHERE ${column} = $1 AND reporter_id = $2 AND status = 'OPEN'`,
    [Object.values(target)[0], accounts[reporter].id],
  );
  const res = await t.gql(
    'mutation($input: ResolveFlagInput!) { resolveFlag(input: $input) { id status } }',
    { input: { flagId: flag.id, resolution } },
    { token: accounts.admin.accessToken },
  );
  expect(dataOf(res, 'resolveFlag').status).toBe(resolution === 'DISMISS' ? 'DISMISSED' : 'CONTENT_REMOVED');
}

/** A PHI flag by a verified reader, then an admin's decision on it. */
function phiFlagReviewed(resolution: 'DISMISS' | 'REMOVE_CONTENT', targetOf: (item: Item) => Target) {
  return async (world: World, item: Item) => {
    await flagContent(world.t, world.accounts.verified, targetOf(item), 'PHI');
    await review(world, targetOf(item), 'verified', resolution);
  };
}

async function removeReplyByModeration(world: World, item: Item) {
  await flagContent(world.t, world.accounts.verified, replyOf(item), 'INAPPROPRIATE');
  await review(world, replyOf(item), 'verified', 'REMOVE_CONTENT');
}

const CASE_STATES: State[] = [
  { name: 'open case', kind: 'case', forum: 'OPEN', case: 'live', setUp: noChange },
  { name: 'private case', kind: 'case', forum: 'PRIVATE', case: 'live', setUp: noChange },
  {
    name: 'removed open case (by its author)',
    kind: 'case',
    forum: 'OPEN',
    case: 'removed',
    setUp: ({ t, accounts }, item) => removeCase(t, accounts.caseAuthor, item.caseId).then(noChange),
  },
  {
    name: 'removed private case (by its author)',
    kind: 'case',
    forum: 'PRIVATE',
    case: 'removed',
    setUp: ({ t, accounts }, item) => removeCase(t, accounts.caseAuthor, item.caseId).then(noChange),
  },
  {
    name: 'removed open case (by an admin)',
    kind: 'case',
    forum: 'OPEN',
    case: 'removed',
    setUp: ({ t, accounts }, item) => removeCase(t, accounts.admin, item.caseId).then(noChange),
  },
  {
    // Any signed-in reader may flag: here an unverified clinician reading an open forum.
    name: 'PHI-flagged open case (hidden)',
    kind: 'case',
    forum: 'OPEN',
    case: 'hidden',
    setUp: ({ t, accounts }, item) =>
      flagContent(t, accounts.unverified, { caseId: item.caseId }).then(noChange),
  },
  {
    name: 'PHI-flagged private case (hidden)',
    kind: 'case',
    forum: 'PRIVATE',
    case: 'hidden',
    setUp: ({ t, accounts }, item) =>
      flagContent(t, accounts.verified, { caseId: item.caseId }).then(noChange),
  },
  {
    name: 'PHI flag dismissed by an admin (open case, visible again)',
    kind: 'case',
    forum: 'OPEN',
    case: 'live',
    setUp: phiFlagReviewed('DISMISS', caseOf),
  },
  {
    name: 'PHI flag upheld by an admin (private case removed by moderation)',
    kind: 'case',
    forum: 'PRIVATE',
    case: 'removed',
    setUp: phiFlagReviewed('REMOVE_CONTENT', caseOf),
  },
  {
    // Hidden until every PHI flag is reviewed: a second one (an admin can still read it) stays open.
    name: 'two PHI flags, one dismissed (open case, still hidden)',
    kind: 'case',
    forum: 'OPEN',
    case: 'hidden',
    setUp: async (world, item) => {
      await flagContent(world.t, world.accounts.verified, caseOf(item), 'PHI');
      await flagContent(world.t, world.accounts.admin, caseOf(item), 'PHI');
      await review(world, caseOf(item), 'verified', 'DISMISS');
    },
  },
  {
    name: 'case moved by its author from an open forum into a private one',
    kind: 'case',
    forum: 'PRIVATE',
    postedIn: 'OPEN',
    case: 'live',
    setUp: async ({ t, accounts }, item) => {
      const target = await givenForum(t, accounts.admin, 'PRIVATE');
      const res = await t.gql(
        'mutation($id: ID!, $input: EditCaseInput!) { editCase(id: $id, input: $input) { id forum { id } } }',
        { id: item.caseId, input: { forumId: target.id, expectedVersion: 1 } },
        { token: accounts.caseAuthor.accessToken },
      );
      expect(dataOf(res, 'editCase').forum.id).toBe(target.id);
      item.forumId = target.id;
    },
  },
];

const REPLY_STATES: State[] = [
  {
    name: 'reply in an open case',
    kind: 'reply',
    forum: 'OPEN',
    case: 'live',
    reply: 'live',
    setUp: noChange,
  },
  {
    name: 'reply in a private case',
    kind: 'reply',
    forum: 'PRIVATE',
    case: 'live',
    reply: 'live',
    setUp: noChange,
  },
  {
    name: 'removed reply in an open case',
    kind: 'reply',
    forum: 'OPEN',
    case: 'live',
    reply: 'removed',
    setUp: removeReplyByModeration,
  },
  {
    name: 'removed reply in a private case',
    kind: 'reply',
    forum: 'PRIVATE',
    case: 'live',
    reply: 'removed',
    setUp: removeReplyByModeration,
  },
  {
    name: 'PHI-flagged reply in an open case (hidden)',
    kind: 'reply',
    forum: 'OPEN',
    case: 'live',
    reply: 'hidden',
    setUp: ({ t, accounts }, item) =>
      flagContent(t, accounts.pending, { replyId: item.replyId! }).then(noChange),
  },
  {
    name: 'PHI-flagged reply in a private case (hidden)',
    kind: 'reply',
    forum: 'PRIVATE',
    case: 'live',
    reply: 'hidden',
    setUp: ({ t, accounts }, item) =>
      flagContent(t, accounts.verified, { replyId: item.replyId! }).then(noChange),
  },
  {
    name: 'PHI flag on a reply dismissed by an admin (visible again)',
    kind: 'reply',
    forum: 'OPEN',
    case: 'live',
    reply: 'live',
    setUp: phiFlagReviewed('DISMISS', replyOf),
  },
  {
    name: 'live reply in a removed open case',
    kind: 'reply',
    forum: 'OPEN',
    case: 'removed',
    reply: 'live',
    setUp: ({ t, accounts }, item) => removeCase(t, accounts.caseAuthor, item.caseId).then(noChange),
  },
  {
    name: 'live reply in a PHI-flagged private case (hidden)',
    kind: 'reply',
    forum: 'PRIVATE',
    case: 'hidden',
    reply: 'live',
    setUp: ({ t, accounts }, item) =>
      flagContent(t, accounts.verified, { caseId: item.caseId }).then(noChange),
  },
];

// ---------------------------------------------------------------------------------------------------
// The rules, written from the product spec (deliberately independent of src/access-policy)
// ---------------------------------------------------------------------------------------------------

/** May this viewer read the target content of this state? */
function expectedVisible(viewer: Viewer, state: State): boolean {
  // Open forum content: anyone. Private forum content: verified clinicians and admins.
  const forumReadable = state.forum === 'OPEN' || viewer.verified || viewer.admin;
  // A removed or PHI-hidden case: only its author and admins.
  const caseReadable =
    forumReadable && (state.case === 'live' || viewer.admin || viewer.authorOf.includes('case'));
  if (state.kind === 'case') return caseReadable;
  // A reply: only when its case is readable; a removed or hidden reply only for its author and admins.
  return caseReadable && (state.reply === 'live' || viewer.admin || viewer.authorOf.includes('reply'));
}

/** Forums are listed by their own visibility, whatever happened to the cases in them. */
function expectedForumListed(viewer: Viewer, state: State): boolean {
  return state.forum === 'OPEN' || viewer.verified || viewer.admin;
}

/** Case.revisions: the author and admins only (empty for others), and only on a case they can read. */
function expectedHistory(viewer: Viewer, state: State): boolean {
  return expectedVisible(viewer, state) && (viewer.admin || viewer.authorOf.includes('case'));
}

const RULES = { content: expectedVisible, forum: expectedForumListed, history: expectedHistory };

// ---------------------------------------------------------------------------------------------------
// Read paths
// ---------------------------------------------------------------------------------------------------

interface Path {
  name: string;
  /** Variable declarations of the operation, e.g. "$id: ID!". */
  vars: string;
  /** The root selection; the runner adds `whoami: me { ... }` for signed-in viewers. */
  select: string;
  variables(item: Item): Record<string, unknown>;
  /** How many times the target shows up (in a list) or is counted (by a count field): 0 or 1 expected. */
  observe(data: any, item: Item): number;
  /** Which rule decides the expectation (default: content). */
  rule?: keyof typeof RULES;
  /** Who may use the path at all; others must be refused (default: everyone). */
  audience?: (viewer: Viewer) => boolean;
}

const ids = (connection: any): string[] => (connection?.edges ?? []).map((edge: any) => edge.node?.id);
const occurrences = (list: unknown[], id: string) => list.filter((x) => x === id).length;
const casesIn = (data: any, item: Item) => occurrences(ids(data.cases), item.caseId);
const onlyCaseOf = (data: any) => (data.cases?.edges?.length === 1 ? data.cases.edges[0].node : null);
const adminOnly = (viewer: Viewer) => viewer.admin;

/** A list filter that matches only the target case (when visible): the list and its totalCount agree. */
function filteredList(
  name: string,
  vars: string,
  filter: string,
  variables: (item: Item) => Record<string, unknown>,
): Path[] {
  return [
    {
      name: `cases(filter: { ${name} }) edges`,
      vars,
      select: `cases(first: 100, filter: ${filter}) { edges { node { id } } }`,
      variables,
      observe: casesIn,
    },
    {
      name: `cases(filter: { ${name} }).totalCount`,
      vars,
      select: `cases(first: 100, filter: ${filter}) { totalCount }`,
      variables,
      observe: (data) => data.cases.totalCount,
    },
  ];
}

const CASE_PATHS: Path[] = [
  {
    name: 'case(id)',
    vars: '$id: ID!',
    select: 'case(id: $id) { id title body }',
    variables: (item) => ({ id: item.caseId }),
    observe: (data, item) => (data.case?.id === item.caseId ? 1 : 0),
  },
  {
    name: 'cases (no filter)',
    vars: '',
    select: 'cases(first: 100) { edges { node { id } } }',
    variables: () => ({}),
    observe: casesIn,
  },
  ...filteredList('query', '$q: String!', '{ query: $q }', (item) => ({ q: item.word })),
  ...filteredList('forumId', '$f: ID!', '{ forumId: $f }', (item) => ({ f: item.forumId })),
  ...filteredList('tag', '$tag: String!', '{ tag: $tag }', (item) => ({ tag: item.tag })),
  ...filteredList(
    'every filter at once',
    '$q: String!, $f: ID!, $a: ID!, $tag: String!',
    '{ query: $q, forumId: $f, authorId: $a, tag: $tag, specialtyCode: "rheumatology", status: OPEN }',
    (item) => ({ q: item.word, f: item.forumId, tag: item.tag, a: AUTHOR_ID.value }),
  ),
  {
    name: 'cases(filter: { authorId }) edges',
    vars: '$a: ID!',
    select: 'cases(first: 100, filter: { authorId: $a }) { edges { node { id } } }',
    variables: () => ({ a: AUTHOR_ID.value }),
    observe: casesIn,
  },
  {
    name: 'cases(filter: { specialtyCode }) edges',
    vars: '',
    select: 'cases(first: 100, filter: { specialtyCode: "rheumatology" }) { edges { node { id } } }',
    variables: () => ({}),
    observe: casesIn,
  },
  {
    name: 'cases(filter: { status }) edges',
    vars: '',
    select: 'cases(first: 100, filter: { status: OPEN }) { edges { node { id } } }',
    variables: () => ({}),
    observe: casesIn,
  },
  {
    name: 'forums → Forum.caseCount of the forum holding the case',
    vars: '',
    select: 'forums { id caseCount }',
    variables: () => ({}),
    observe: (data, item) => data.forums.find((f: any) => f.id === item.forumId)?.caseCount ?? 0,
  },
  {
    name: 'forums lists the forum holding the case (by forum visibility)',
    vars: '',
    select: 'forums { id }',
    variables: () => ({}),
    observe: (data, item) => data.forums.filter((f: any) => f.id === item.forumId).length,
    rule: 'forum',
  },
  {
    name: 'case(id) → Case.forum.caseCount',
    vars: '$id: ID!',
    select: 'case(id: $id) { forum { caseCount } }',
    variables: (item) => ({ id: item.caseId }),
    observe: (data) => data.case?.forum.caseCount ?? 0,
  },
  {
    name: 'case(id) → Case.revisions (author and admins)',
    vars: '$id: ID!',
    select: 'case(id: $id) { revisions { title body } }',
    variables: (item) => ({ id: item.caseId }),
    observe: (data) => (data.case?.revisions.length > 0 ? 1 : 0),
    rule: 'history',
  },
  {
    name: 'cases(filter: { query }) → Case.revisions (author and admins)',
    vars: '$q: String!',
    select: 'cases(first: 100, filter: { query: $q }) { edges { node { id revisions { title } } } }',
    variables: (item) => ({ q: item.word }),
    observe: (data) => (onlyCaseOf(data)?.revisions.length > 0 ? 1 : 0),
    rule: 'history',
  },
  {
    name: 'moderation queue → Flag.case (admins only)',
    vars: '',
    select: 'flags(first: 100) { edges { node { id case { id } } } }',
    variables: () => ({}),
    observe: (data, item) =>
      data.flags.edges.some((edge: any) => edge.node.case?.id === item.caseId) ? 1 : 0,
    audience: adminOnly,
  },
];

const REPLY_SELECTION = 'replyCount replies(first: 100) { totalCount edges { node { id case { id } } } }';
const repliesIn = (kase: any, item: Item) => occurrences(ids(kase?.replies), item.replyId!);

const REPLY_PATHS: Path[] = [
  {
    name: 'case(id) → Case.replies edges',
    vars: '$id: ID!',
    select: 'case(id: $id) { replies(first: 100) { edges { node { id body } } } }',
    variables: (item) => ({ id: item.caseId }),
    observe: (data, item) => repliesIn(data.case, item),
  },
  {
    name: 'case(id) → Case.replies.totalCount',
    vars: '$id: ID!',
    select: 'case(id: $id) { replies { totalCount } }',
    variables: (item) => ({ id: item.caseId }),
    observe: (data) => data.case?.replies.totalCount ?? 0,
  },
  {
    name: 'case(id) → Case.replyCount',
    vars: '$id: ID!',
    select: 'case(id: $id) { replyCount }',
    variables: (item) => ({ id: item.caseId }),
    observe: (data) => data.case?.replyCount ?? 0,
  },
  {
    name: 'case(id) → Case.replies.edges.node.case',
    vars: '$id: ID!',
    select: 'case(id: $id) { replies(first: 100) { edges { node { id case { id } } } } }',
    variables: (item) => ({ id: item.caseId }),
    observe: (data, item) =>
      (data.case?.replies.edges ?? []).filter(
        (edge: any) => edge.node.id === item.replyId && edge.node.case?.id === item.caseId,
      ).length,
  },
  {
    name: 'cases(filter: { query }) → Case.replies edges',
    vars: '$q: String!',
    select: `cases(first: 100, filter: { query: $q }) { edges { node { id ${REPLY_SELECTION} } } }`,
    variables: (item) => ({ q: item.word }),
    observe: (data, item) => repliesIn(onlyCaseOf(data), item),
  },
  {
    name: 'cases(filter: { query }) → Case.replies.totalCount',
    vars: '$q: String!',
    select: `cases(first: 100, filter: { query: $q }) { edges { node { id ${REPLY_SELECTION} } } }`,
    variables: (item) => ({ q: item.word }),
    observe: (data) => onlyCaseOf(data)?.replies.totalCount ?? 0,
  },
  {
    name: 'cases(filter: { query }) → Case.replyCount',
    vars: '$q: String!',
    select: `cases(first: 100, filter: { query: $q }) { edges { node { id ${REPLY_SELECTION} } } }`,
    variables: (item) => ({ q: item.word }),
    observe: (data) => onlyCaseOf(data)?.replyCount ?? 0,
  },
  {
    name: 'moderation queue → Flag.reply.case (admins only)',
    vars: '',
    select: 'flags(first: 100) { edges { node { id reply { id case { id } } } } }',
    variables: () => ({}),
    observe: (data, item) =>
      data.flags.edges.some(
        (edge: any) => edge.node.reply?.id === item.replyId && edge.node.reply.case?.id === item.caseId,
      )
        ? 1
        : 0,
    audience: adminOnly,
  },
];

/** The case author's id, known once beforeAll has run (paths are declared before that). */
const AUTHOR_ID = { value: '' };

// ---------------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------------

const SCENARIOS: { states: State[]; paths: Path[] }[] = [
  { states: CASE_STATES, paths: CASE_PATHS },
  { states: REPLY_STATES, paths: REPLY_PATHS },
];
const ALL_STATES = [...CASE_STATES, ...REPLY_STATES];

/** A made-up clinical word per item, unlike any English stem, so full-text search finds only that item. */
function wordFor(index: number): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return `zyg${letters[Math.floor(index / letters.length)]}${letters[index % letters.length]}omyxa`;
}

/**
 * A tag per item. Tags are checked for identifiers as capitalised words too, where a made-up word
 * reads as a surname, so these are ordinary clinical terms (one per item, so a tag filter isolates it).
 */
const TAGS = [
  'anemia',
  'asthma',
  'bronchitis',
  'cellulitis',
  'dermatitis',
  'eczema',
  'gastritis',
  'gout',
  'hepatitis',
  'migraine',
  'nephritis',
  'otitis',
  'pneumonia',
  'psoriasis',
  'sinusitis',
  'urticaria',
  'vertigo',
  'arthritis',
  'colitis',
  'pancreatitis',
  'pharyngitis',
  'tonsillitis',
];

describe('authorization matrix: every read path × content state × viewer', () => {
  let world: World;
  const items = new Map<State, Item>();

  beforeAll(async () => {
    const t = await createTestApp();
    const admin = await givenAdmin(t);
    const [caseAuthor, replyAuthor, verified, unverified, pending, revoked] = await Promise.all([
      givenVerifiedClinician(t, admin),
      givenVerifiedClinician(t, admin),
      givenVerifiedClinician(t, admin),
      givenClinician(t),
      givenPendingClinician(t),
      // Verified, then revoked after sign-in: its token stays valid, its verification does not.
      givenRevokedClinician(t, admin),
    ]);
    world = { t, accounts: { admin, caseAuthor, replyAuthor, verified, unverified, pending, revoked } };
    AUTHOR_ID.value = caseAuthor.id;

    expect(ALL_STATES.length).toBeLessThanOrEqual(TAGS.length); // one tag per item: add tags with states
    // Every item live first, each in its own forum, each flagged once (OTHER: hides nothing) so the
    // moderation queue reaches it, then brought into its state.
    await Promise.all(
      ALL_STATES.map(async (state, index) => {
        const word = wordFor(index);
        const forum = await givenForum(t, admin, state.postedIn ?? state.forum);
        const kase = await givenCase(t, caseAuthor, forum.id, {
          body: `Adult with recurrent fevers and a migratory rash; biopsy suggests ${word} involvement. What next?`,
          tags: [TAGS[index]],
          specialtyCodes: ['rheumatology'],
        });
        expect(kase.body).toContain(word);
        const reply =
          state.kind === 'reply'
            ? await givenReply(t, replyAuthor, kase.id, `Consider ${word} and check the ferritin trend.`)
            : null;
        const item: Item = {
          forumId: forum.id,
          caseId: kase.id,
          replyId: reply?.id ?? null,
          word,
          tag: TAGS[index],
        };
        await flagContent(
          t,
          admin,
          state.kind === 'case' ? { caseId: item.caseId } : { replyId: item.replyId! },
          'OTHER',
        );
        await state.setUp(world, item);
        items.set(state, item);
      }),
    );
  }, 60_000);

  afterAll(() => world?.t.close());

  it('the states were really set up (as the database sees them)', async () => {
    for (const state of ALL_STATES) {
      const item = items.get(state)!;
      const [kase] = await world.t.dataSource.query('SELECT removed_at, hidden_at FROM cases WHERE id = $1', [
        item.caseId,
      ]);
      expect({ state: state.name, case: conditionOf(kase) }).toEqual({ state: state.name, case: state.case });
      if (item.replyId) {
        const [reply] = await world.t.dataSource.query(
          'SELECT removed_at, hidden_at FROM replies WHERE id = $1',
          [item.replyId],
        );
        expect({ state: state.name, reply: conditionOf(reply) }).toEqual({
          state: state.name,
          reply: state.reply,
        });
      }
    }
  });

  for (const { states, paths } of SCENARIOS) {
    describe.each(paths.map((path) => [path.name, path] as const))('%s', (_name, path) => {
      it.each(states.map((state) => [state.name, state] as const))('%s', async (_state, state) => {
        const item = items.get(state)!;
        const observed: Record<string, string> = {};
        const expected: Record<string, string> = {};
        await Promise.all(
          VIEWERS.map(async (viewer) => {
            expected[viewer.name] = expectedOutcome(viewer, path, state);
            observed[viewer.name] = describeOutcome(await ask(viewer, path, item), viewer, path, item);
          }),
        );
        expect(observed).toEqual(expected);
      });
    });
  }

  /**
   * Nothing changes after beforeAll, so the same request by the same viewer gets the same answer: paths
   * without per-item variables (whole lists, the forum list, the moderation queue) are asked once.
   */
  const answers = new Map<string, Promise<GraphQLResponse>>();

  function ask(viewer: Viewer, path: Path, item: Item): Promise<GraphQLResponse> {
    const token = viewer.account ? world.accounts[viewer.account].accessToken : null;
    // Signed-in viewers also ask who they are, in the same request: a token the app no longer accepts
    // would otherwise silently read as anonymous on public paths.
    const whoami = token ? 'whoami: me { id role verificationStatus }' : '';
    const header = path.vars ? `query Matrix(${path.vars})` : 'query Matrix';
    const query = `${header} { ${whoami} ${path.select} }`;
    const variables = path.variables(item);
    const key = JSON.stringify([viewer.name, query, variables]);
    if (!answers.has(key)) answers.set(key, world.t.gql(query, variables, { token }));
    return answers.get(key)!;
  }

  function describeOutcome(res: GraphQLResponse, viewer: Viewer, path: Path, item: Item): string {
    if (res.errors?.length) {
      const codes = [...new Set(res.errors.map((e) => e.extensions?.code ?? e.message))].sort();
      return `refused ${codes.join(',')}`;
    }
    const me = res.data.whoami;
    const expectedId = viewer.account ? world.accounts[viewer.account].id : undefined;
    if (me?.id !== expectedId) return `answered as ${me?.id ?? 'anonymous'}, not as ${viewer.name}`;
    const identity = me ? `${me.role}/${me.verificationStatus}` : 'anonymous';
    return `${identity} sees ${path.observe(res.data, item)}`;
  }

  function expectedOutcome(viewer: Viewer, path: Path, state: State): string {
    if (path.audience && !path.audience(viewer)) {
      return `refused ${viewer.account ? 'FORBIDDEN' : 'UNAUTHENTICATED'}`;
    }
    return `${viewer.identity} sees ${RULES[path.rule ?? 'content'](viewer, state) ? 1 : 0}`;
  }
});

function conditionOf(row: { removed_at: Date | null; hidden_at: Date | null }): Condition {
  if (row.removed_at) return 'removed';
  return row.hidden_at ? 'hidden' : 'live';
}
