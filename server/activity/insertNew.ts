/** Moved to core (fraud flags are inserted the same way). */
export { insertNew } from '../core/insertNew';
