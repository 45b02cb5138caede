// The translation bundles: the frame's (en.json, fr.json) and one per feature area under features/,
// each under its own top-level key, so that areas add strings without editing each other's files.
import en from './en.json';
import fr from './fr.json';
import calibrationEn from './features/calibration.en.json';
import calibrationFr from './features/calibration.fr.json';
import monitorEn from './features/monitor.en.json';
import monitorFr from './features/monitor.fr.json';
import optimizerEn from './features/optimizer.en.json';
import optimizerFr from './features/optimizer.fr.json';
import plannerEn from './features/planner.en.json';
import plannerFr from './features/planner.fr.json';
import scopeEn from './features/scope.en.json';
import scopeFr from './features/scope.fr.json';

export const EN = { ...en, ...plannerEn, ...optimizerEn, ...scopeEn, ...calibrationEn, ...monitorEn };
export const FR = { ...fr, ...plannerFr, ...optimizerFr, ...scopeFr, ...calibrationFr, ...monitorFr };
