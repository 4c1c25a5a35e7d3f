import { round, signalOf, type Detector } from './signal';
import { ramp, thresholds } from './thresholds';

/**
 * Views concentrated on few actors: many views per unique viewer. Honest readers come back now
 * and then; a farm of a few browsers reloading the page comes back hundreds of times. Repeated
 * views earn nothing (a viewer counts once per material per day), but they show the intent and
 * usually travel with fake viewers that do count.
 */
export const viewConcentration: Detector = (author) => {
  const { viewsMin, ...band } = thresholds.viewsPerViewer;
  if (author.views < viewsMin || author.uniqueViewers === 0) return null;
  const perViewer = author.views / author.uniqueViewers;
  return signalOf({
    code: 'VIEW_CONCENTRATION',
    value: round(perViewer),
    detail: `${author.views} views from ${author.uniqueViewers} viewers`,
    strength: ramp(perViewer, band),
  });
};
