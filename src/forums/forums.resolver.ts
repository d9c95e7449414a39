import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { viewerOf } from '../access-policy/viewer.js';
import { AdminOnly, Public } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CreateForumInput } from './dto/create-forum.input.js';
import { Forum } from './forum.model.js';
import { ForumsService } from './forums.service.js';

@Resolver(() => Forum)
export class ForumsResolver {
  constructor(private readonly forumService: ForumsService) {}

  @Public()
  @Query(() => [Forum], { description: 'Forums you may read' })
  forums(@CurrentCaller() caller: Caller | null): Promise<Forum[]> {
    return this.forumService.listReadable(viewerOf(caller));
  }

  @AdminOnly()
  @Mutation(() => Forum)
  createForum(@Args('input') input: CreateForumInput, @CurrentCaller() caller: Caller): Promise<Forum> {
    return this.forumService.create(input, caller.id);
  }

  @ResolveField(() => Int)
  caseCount(
    @Parent() forum: Forum,
    @CurrentCaller() caller: Caller | null,
    @Context() context: GraphQLContext,
  ): Promise<number> {
    const viewer = viewerOf(caller);
    return context.loaders
      .get<string, number>('forum.caseCount', (ids) => this.forumService.countReadableCases(ids, viewer))
      .load(forum.id);
  }
}
