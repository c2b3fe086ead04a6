/** Every lint rule, in the order they run. Adding a rule: its file, one line here, its fixtures. */
import apiRemoved from './api-removed';
import apiUnavailable from './api-unavailable';
import fallibleInInfallibleInit from './fallible-in-infallible-init';
import initArrowRequired from './init-arrow-required';
import initMissingField from './init-missing-field';
import missingPinData from './missing-pin-data';
import unpinnedField from './unpinned-field';
import unpinnedInitializer from './unpinned-initializer';
import hrtimerCallbackSignature from './hrtimer-callback-signature';
import hrtimerMissingHasHrTimer from './hrtimer-missing-has-hr-timer';
import vmaMixedmapRequired from './vma-mixedmap-required';
import pinDataWithDrop from './pin-data-with-drop';
import pinnedDropMismatch from './pinned-drop-mismatch';
import packedPinData from './packed-pin-data';
import unpinnedPhantomPinned from './unpinned-phantom-pinned';
import duplicatePin from './duplicate-pin';
import type { Rule } from './engine';

/** All registered rules. */
export const RULES: readonly Rule[] = [apiUnavailable, apiRemoved, unpinnedField, missingPinData, unpinnedInitializer, initArrowRequired, fallibleInInfallibleInit, initMissingField, hrtimerMissingHasHrTimer, hrtimerCallbackSignature, vmaMixedmapRequired, pinDataWithDrop, pinnedDropMismatch, packedPinData, unpinnedPhantomPinned, duplicatePin];
