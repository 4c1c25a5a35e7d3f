import { Schema, model, type Types } from 'mongoose';

/**
 * `bans`: one document per ban interval of a member, numbered 1, 2, 3... per member. The open
 * interval (`until: null`) is the member's current ban; unbanning closes it. Intervals, not only
 * a flag, because accrual must know whether a member was banned at any moment of a past day
 * (R16), long after the ban was lifted.
 *
 * The unique (memberId, n) index is what makes banning race-safe without transactions: two
 * moderators banning at once both try to insert interval n + 1 and one insert lands. (An update
 * conditioned on "not banned" would not do: FerretDB v1 runs updates as read-modify-write.)
 */
export interface BanDoc {
  _id: Types.ObjectId;
  memberId: string;
  n: number;
  from: Date;
  until: Date | null;
  reason: string;
  by: string;
  unbanReason: string | null;
  unbannedBy: string | null;
}

const banSchema = new Schema<BanDoc>(
  {
    memberId: { type: String, required: true },
    n: { type: Number, required: true },
    from: { type: Date, required: true },
    until: { type: Date, default: null },
    reason: { type: String, required: true },
    by: { type: String, required: true },
    unbanReason: { type: String, default: null },
    unbannedBy: { type: String, default: null },
  },
  { versionKey: false, collection: 'bans' },
);
banSchema.index({ memberId: 1, n: 1 }, { unique: true });
// Which members were banned on a day (accrual asks once per day).
banSchema.index({ from: 1 });

export const Ban = model<BanDoc>('Ban', banSchema);
