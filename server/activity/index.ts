export { activityTypes, type ActivityType } from './activityEvent.model';
export { recordActivity, type RecordActivityResult } from './recordActivity';
export { closeDay } from './closeDay';
export { isDayClosed } from './closedDays';
export {
  uniqueActorCounts,
  type CountOptions,
  type UniqueActorCount,
  type WeighActor,
} from './uniqueActorCounts';
export { dayEventsByAuthor, eventsBetween, type DayEvent, type WindowEvent } from './dayEvents';
export { rejectionReasons, type RejectionReason } from './screenEvent';
export { activityTypeDefs } from './activity.graphql';
export { activityResolvers } from './activity.resolvers';
export { ActivityEvent, eventKey, type ActivityEventDoc } from './activityEvent.model';
