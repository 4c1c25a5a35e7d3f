export { activityTypes, type ActivityType } from './activityEvent.model';
export { recordActivity, type RecordActivityResult } from './recordActivity';
export { closeDay } from './closeDay';
export { isDayClosed } from './closedDays';
export { uniqueActorCounts, type UniqueActorCount } from './uniqueActorCounts';
export { dayEventsByAuthor, actorsActiveBefore, type DayEvent } from './dayEvents';
export { rejectionReasons, type RejectionReason } from './screenEvent';
export { activityTypeDefs } from './activity.graphql';
export { activityResolvers } from './activity.resolvers';
