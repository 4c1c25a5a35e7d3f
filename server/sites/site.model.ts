import { Schema, model } from 'mongoose';

/** One site of the network. `_id` is the id ADMIN chose; SITE tokens name it in `site`. */
export interface SiteDoc {
  _id: string;
  name: string;
  domain: string;
  createdAt: Date;
  updatedAt: Date;
}

const siteSchema = new Schema<SiteDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    domain: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'sites' },
);

export const Site = model<SiteDoc>('Site', siteSchema);
