/** Who acts on whose materials over a window of days: the actor × author graph. */
export { AudienceGraph, type PairFacts } from './audienceGraph';
