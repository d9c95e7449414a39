import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ACCESS_KEY, Access } from '../src/auth/access.decorators.js';
import { isScope, OPERATION_SCOPES, SCOPE_FREE, SCOPE_KEY } from '../src/auth/scopes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// @nestjs/graphql's metadata keys for root operations (graphql.constants).
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

describe('every root field declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds an explicit @Public/@SignedIn/@Verified/@AdminOnly and a partner scope on each Query, Mutation and Subscription', () => {
    const declared = new Map<string, Access | undefined>();
    const scoped = new Map<string, unknown>();
    const scanner = new MetadataScanner();
    for (const wrapper of new DiscoveryService(t.app.get(ModulesContainer)).getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        const type = Reflect.getMetadata(RESOLVER_TYPE, handler);
        if (!['Query', 'Mutation', 'Subscription'].includes(type)) continue;
        const name = Reflect.getMetadata(RESOLVER_NAME, handler) ?? method;
        const access =
          Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, prototype.constructor);
        declared.set(`${type}.${name}`, access);
        const scope =
          Reflect.getMetadata(SCOPE_KEY, handler) ??
          Reflect.getMetadata(SCOPE_KEY, prototype.constructor) ??
          OPERATION_SCOPES[`${type}.${name}`];
        scoped.set(`${type}.${name}`, scope);
      }
    }

    const schema = t.app.get(GraphQLSchemaHost).schema;
    const rootFields = [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ].flatMap((root) => (root ? Object.keys(root.getFields()).map((field) => `${root.name}.${field}`) : []));
    expect(rootFields.length).toBeGreaterThan(10);
    const undeclared = rootFields.filter(
      (field) => !Object.values(Access).includes(declared.get(field) as Access),
    );
    expect(undeclared).toEqual([]);

    // Partner apps: every root field needs a scope (@RequiresScope or the central table) or is
    // explicitly scope-free; with a key, an undeclared one is refused.
    const unscoped = rootFields.filter((field) => {
      const scope = scoped.get(field);
      return scope !== SCOPE_FREE && !isScope(scope);
    });
    expect(unscoped).toEqual([]);
  });
});
