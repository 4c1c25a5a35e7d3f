import { authorizePerson } from '../auth';
import type { RequestContext } from '../core/context';
import type { PageArgs } from '../core/page';
import type { MaterialStatus } from './material.model';
import { presentMaterial } from './materials.present';
import { moderationQueue } from './moderationQueue';
import { myMaterials } from './myMaterials';
import { publishMaterial } from './publishMaterial';
import { rejectMaterial } from './rejectMaterial';
import { submitMaterial } from './submitMaterial';

export const materialsResolvers = {
  Query: {
    myMaterials: (
      _: unknown,
      args: PageArgs & { status?: MaterialStatus | null },
      ctx: RequestContext,
    ) => myMaterials(authorizePerson(ctx.viewer, 'readOwnMaterials').memberId, args),
    moderationQueue: (_: unknown, args: PageArgs & { siteId?: unknown }, ctx: RequestContext) => {
      authorizePerson(ctx.viewer, 'moderate');
      return moderationQueue(args);
    },
  },
  Mutation: {
    submitMaterial: async (_: unknown, args: { input: unknown }, ctx: RequestContext) => {
      const author = authorizePerson(ctx.viewer, 'submitMaterial');
      const spendQuota = () => ctx.consumeQuota('submit');
      return presentMaterial(await submitMaterial(author.memberId, args.input, spendQuota));
    },
    publishMaterial: async (_: unknown, args: { id: unknown }, ctx: RequestContext) => {
      const editor = authorizePerson(ctx.viewer, 'moderate');
      return presentMaterial(await publishMaterial(editor.memberId, args.id));
    },
    rejectMaterial: async (
      _: unknown,
      args: { id: unknown; reason: unknown },
      ctx: RequestContext,
    ) => {
      const editor = authorizePerson(ctx.viewer, 'moderate');
      return presentMaterial(await rejectMaterial(editor.memberId, args));
    },
  },
};
