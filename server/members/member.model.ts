import { Schema, model } from 'mongoose';

/** A person on the network. `_id` is their `sub` claim, unchanged (SPEC §1). */
export interface MemberDoc {
  _id: string;
  name: string | null;
  createdAt: Date;
  banned: boolean;
}

const memberSchema = new Schema<MemberDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, default: null },
    createdAt: { type: Date, required: true },
    banned: { type: Boolean, default: false },
  },
  { versionKey: false, collection: 'members' },
);

export const Member = model<MemberDoc>('Member', memberSchema);
