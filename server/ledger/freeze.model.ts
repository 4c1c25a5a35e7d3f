import { Schema, model } from 'mongoose';

/**
 * An account is frozen (R16: banned, nothing can be spent) exactly while a freeze document with
 * the member's id exists. It lives apart from the account cache on purpose: FerretDB v1 applies
 * an update by writing back the whole document it read, so a flag kept on the account document
 * could be overwritten by a concurrent cache advance that read it before the ban. Freezing is an
 * insert (a duplicate means already frozen), unfreezing a delete: each atomic on its own.
 */
export interface FreezeDoc {
  /** The member's id. */
  _id: string;
  since: Date;
}

const freezeSchema = new Schema<FreezeDoc>(
  {
    _id: { type: String, required: true },
    since: { type: Date, required: true },
  },
  { versionKey: false, collection: 'accountFreezes' },
);

export const Freeze = model<FreezeDoc>('AccountFreeze', freezeSchema);
