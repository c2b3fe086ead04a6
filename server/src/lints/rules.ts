/** Every lint rule, in the order they run. Generated from the rule files by `npm run rules:gen`; do not edit by hand. */
import apiRemoved from './api-removed';
import apiUnavailable from './api-unavailable';
import duplicatePin from './duplicate-pin';
import fallibleInInfallibleInit from './fallible-in-infallible-init';
import hrtimerCallbackSignature from './hrtimer-callback-signature';
import hrtimerMissingHasHrTimer from './hrtimer-missing-has-hr-timer';
import initArrowRequired from './init-arrow-required';
import initMissingField from './init-missing-field';
import missingPinData from './missing-pin-data';
import packedPinData from './packed-pin-data';
import pinDataWithDrop from './pin-data-with-drop';
import pinnedDropMismatch from './pinned-drop-mismatch';
import unpinnedField from './unpinned-field';
import unpinnedInitializer from './unpinned-initializer';
import unpinnedPhantomPinned from './unpinned-phantom-pinned';
import vmaMixedmapRequired from './vma-mixedmap-required';
import type { Rule } from './engine';

/** All registered rules. */
export const RULES: readonly Rule[] = [
  apiRemoved,
  apiUnavailable,
  duplicatePin,
  fallibleInInfallibleInit,
  hrtimerCallbackSignature,
  hrtimerMissingHasHrTimer,
  initArrowRequired,
  initMissingField,
  missingPinData,
  packedPinData,
  pinDataWithDrop,
  pinnedDropMismatch,
  unpinnedField,
  unpinnedInitializer,
  unpinnedPhantomPinned,
  vmaMixedmapRequired,
];
