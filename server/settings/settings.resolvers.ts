import { authorize, authorizePerson } from '../auth';
import type { RequestContext } from '../core/context';
import { getProgramSettings } from './getProgramSettings';
import { presentProgramSettings } from './settings.present';
import { updateProgramSettings } from './updateProgramSettings';

export const settingsResolvers = {
  Query: {
    programSettings: async (_: unknown, __: unknown, ctx: RequestContext) => {
      authorize(ctx.viewer, 'manageSettings');
      return presentProgramSettings(await getProgramSettings());
    },
  },
  Mutation: {
    updateProgramSettings: async (_: unknown, args: { input: unknown }, ctx: RequestContext) => {
      const admin = authorizePerson(ctx.viewer, 'manageSettings');
      return presentProgramSettings(await updateProgramSettings(admin.memberId, args.input));
    },
  },
};
