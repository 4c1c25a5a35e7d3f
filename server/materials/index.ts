export {
  Material,
  materialStatuses,
  type MaterialDoc,
  type MaterialStatus,
} from './material.model';
export { submitMaterial } from './submitMaterial';
export { publishMaterial } from './publishMaterial';
export { rejectMaterial } from './rejectMaterial';
export { myMaterials } from './myMaterials';
export { moderationQueue } from './moderationQueue';
export { materialFacts, type MaterialFacts } from './materialFacts';
export { presentMaterial, type MaterialView } from './materials.present';
export { materialsTypeDefs } from './materials.graphql';
export { materialsResolvers } from './materials.resolvers';
