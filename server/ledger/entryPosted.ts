import type { EntryDoc } from './entry.model';

/**
 * Listeners told about every entry this process appends (never about a replayed one). The live
 * module registers the balance push here at process start, so every caller of `postEntry` gets
 * pushes without knowing about them. Listeners are fire and forget: they own their errors, and
 * one that throws is ignored, because a posting must never fail or repeat because of a push.
 */
export type EntryPostedListener = (entry: Readonly<EntryDoc>) => void;

const listeners = new Set<EntryPostedListener>();

/** Registers a listener; returns the function that removes it. */
export function onEntryPosted(listener: EntryPostedListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function announcePosted(entry: Readonly<EntryDoc>): void {
  for (const listener of listeners) {
    try {
      listener(entry);
    } catch {
      // A listener's own failure is its to log; the posting stands.
    }
  }
}
