/**
 * A small Curbside API client for partner apps: copy it, keep `generated/graphql.ts` up to date with
 * `npm run codegen`, and add your own operations to operations.graphql.
 *
 * - Every request carries the app's key (`X-Api-Key`); after `login()` also the user's access token,
 *   so the app acts as that user within its scopes.
 * - Errors come back as `CurbsideError` with the API's `extensions.code` (and `scope` when the key
 *   lacks one).
 * - `allCases()` pages through `cases` by following `pageInfo.endCursor`.
 * - `onConsultOffered()` subscribes over WebSocket (graphql-ws) with the same credentials.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type Client as WsClient, createClient } from 'graphql-ws';
import {
  type CaseFilter,
  CasesPageDocument,
  type CasesPageQuery,
  ConsultOfferedDocument,
  type ConsultOfferedSubscription,
  LoginDocument,
  RefreshSessionDocument,
} from './generated/graphql.js';

export type CaseSummary = CasesPageQuery['cases']['edges'][number]['node'];
export type ConsultOffer = ConsultOfferedSubscription['consultOffered'];

export interface CurbsideClientOptions {
  /** The API's GraphQL endpoint, e.g. https://api.curbside.example/graphql */
  url: string;
  /** The partner app's key (`cbk_…`), issued by the Curbside admins. Keep it server-side. */
  apiKey: string;
  /** A WebSocket implementation for subscriptions where there is no global one (Node < 22: `ws`). */
  webSocketImpl?: unknown;
  fetch?: typeof fetch;
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; scope?: string; retryAfterSeconds?: number; [key: string]: unknown };
}

/** An error the API returned: `code` is its `extensions.code` (UNAUTHENTICATED, FORBIDDEN, …). */
export class CurbsideError extends Error {
  readonly code: string;
  /** The missing scope, when a FORBIDDEN came from the key's scopes. */
  readonly scope?: string;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly errors: GraphQLErrorShape[],
    readonly status: number,
  ) {
    const first = errors[0];
    super(first?.message ?? `HTTP ${status}`);
    this.name = 'CurbsideError';
    this.code = first?.extensions?.code ?? (status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
    this.scope = first?.extensions?.scope;
    this.retryAfterSeconds = first?.extensions?.retryAfterSeconds;
  }
}

export class CurbsideClient {
  private accessToken: string | null = null;
  private refreshToken: string | null = null;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: CurbsideClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Runs one query or mutation; throws CurbsideError when the API answers with errors. */
  async request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<TResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-api-key': this.options.apiKey,
    };
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    const response = await this.fetch(this.options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      data?: TResult;
      errors?: GraphQLErrorShape[];
    };
    if (body.errors?.length || !body.data) throw new CurbsideError(body.errors ?? [], response.status);
    return body.data;
  }

  /** Signs a user in; later requests (and subscriptions) act as that user, within the app's scopes. */
  async login(email: string, password: string): Promise<{ id: string; displayName: string }> {
    const { login } = await this.request(LoginDocument, { input: { email, password } });
    this.accessToken = login.accessToken;
    this.refreshToken = login.refreshToken;
    return login.clinician;
  }

  /** Access tokens are short-lived: exchange the refresh token for a new pair (each works once). */
  async refresh(): Promise<void> {
    if (!this.refreshToken) throw new Error('not signed in');
    const { refreshSession } = await this.request(RefreshSessionDocument, {
      refreshToken: this.refreshToken,
    });
    this.accessToken = refreshSession.accessToken;
    this.refreshToken = refreshSession.refreshToken;
  }

  /** Back to acting as the app alone (an anonymous reader: open content only). */
  signOutLocally(): void {
    this.accessToken = null;
    this.refreshToken = null;
  }

  /** Every case the caller may read, page by page (following `pageInfo.endCursor`). */
  async *allCases(filter: CaseFilter | null = null, pageSize = 50): AsyncGenerator<CaseSummary> {
    let after: string | null = null;
    for (;;) {
      const page: CasesPageQuery = await this.request(CasesPageDocument, { filter, first: pageSize, after });
      for (const edge of page.cases.edges) yield edge.node;
      if (!page.cases.pageInfo.hasNextPage || !page.cases.pageInfo.endCursor) return;
      after = page.cases.pageInfo.endCursor;
    }
  }

  /**
   * Calls `onOffer` for each consult offered to the signed-in specialist. Returns a function that ends
   * the subscription and closes the connection. `onError` gets connection or subscription failures.
   */
  onConsultOffered(
    onOffer: (offer: ConsultOffer) => void,
    onError: (error: unknown) => void = () => {},
  ): { ready: Promise<void>; close: () => Promise<void> } {
    if (!this.accessToken) throw new Error('sign in first: consultOffered is for the signed-in specialist');
    let resolveReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      resolveReady = resolve;
    });
    const token = this.accessToken;
    const client: WsClient = createClient({
      url: this.options.url.replace(/^http/, 'ws'),
      webSocketImpl: this.options.webSocketImpl,
      lazy: false,
      retryAttempts: 3,
      connectionParams: { authorization: `Bearer ${token}`, apiKey: this.options.apiKey },
      on: { connected: () => resolveReady() },
      onNonLazyError: onError,
    });
    const unsubscribe = client.subscribe<ConsultOfferedSubscription>(
      { query: print(ConsultOfferedDocument) },
      {
        next: (result) => {
          if (result.errors?.length) onError(new CurbsideError(result.errors as GraphQLErrorShape[], 200));
          else if (result.data) onOffer(result.data.consultOffered);
        },
        error: onError,
        complete: () => {},
      },
    );
    return {
      ready,
      close: async () => {
        unsubscribe();
        await client.dispose();
      },
    };
  }
}
