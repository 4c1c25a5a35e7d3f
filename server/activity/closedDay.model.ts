import { Schema, model } from 'mongoose';

/** `closedDays`: days whose accrual has run; events for them are refused (DAY_CLOSED). */
export interface ClosedDayDoc {
  _id: string;
  closedAt: Date;
}

export const ClosedDay = model<ClosedDayDoc>(
  'ClosedDay',
  new Schema<ClosedDayDoc>(
    {
      _id: { type: String, required: true },
      closedAt: { type: Date, required: true },
    },
    { versionKey: false, collection: 'closedDays' },
  ),
);
