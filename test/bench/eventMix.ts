import type { ActivityType } from '../../server/activity';

/** The benchmarks' mix of activity: 70% views, then likes, comments and shares. */
const eventTypeMix: readonly ActivityType[] = [
  ...Array<ActivityType>(7).fill('VIEW'),
  'LIKE',
  'COMMENT',
  'SHARE',
];

export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

export const randomEventType = (): ActivityType => pick(eventTypeMix);
