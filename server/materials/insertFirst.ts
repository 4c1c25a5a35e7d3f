/** Moved to core (fraud decides reinstatements and flags the same way). */
export { insertFirst } from '../core/insertFirst';
