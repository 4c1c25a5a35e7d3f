/** Programme settings (daily budget, secret scoring weights): the module's only door. */
export { configureSettings, neutralWeights } from './settingsDefaults';
export { getProgramSettings, type ProgramSettings } from './getProgramSettings';
export { updateProgramSettings } from './updateProgramSettings';
export {
  applyBudgetChange,
  budgetChangeSchema,
  dailyCapSchema,
  type BudgetChange,
} from './settingsInput';
export { presentProgramSettings, type ProgramSettingsView } from './settings.present';
export { settingsTypeDefs } from './settings.graphql';
export { settingsResolvers } from './settings.resolvers';
