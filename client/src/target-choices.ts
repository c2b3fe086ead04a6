/** The choices for `kernelRust.targetVersion`, newest first: the settings dropdown (package.json's enum and
 *  enumDescriptions, written by `npm run settings:schema`) and the target picker both come from here, and a test
 *  checks package.json against it. No `vscode` import, so scripts and tests can load it. */
import { DEVELOPMENT_RELEASES, NEWEST_STABLE_RELEASE, RELEASES } from '../../server/src/kb/releases';

/** One value the settings dropdown offers. */
export interface TargetChoice {
  value: string;
  description: string;
}

/** Kernel releases offered, newest first. */
export const OFFERED_RELEASES: readonly string[] = [...RELEASES].reverse();

/** The offered releases newer than `release`, newest first: the "to" choices of a range starting at it. */
export function newerThan(release: string): string[] {
  const i = OFFERED_RELEASES.indexOf(release);
  return i < 0 ? [] : OFFERED_RELEASES.slice(0, i);
}

/** "auto" then every known release, newest first, each with a one-line description. */
function targetChoices(): TargetChoice[] {
  return [
    {
      value: 'auto',
      description: `Read the release from the Makefile of the kernel tree above each file; outside a kernel tree, assume Linux ${NEWEST_STABLE_RELEASE}, the newest published release this version knows.`,
    },
    ...OFFERED_RELEASES.map((r) => ({
      value: r,
      description: DEVELOPMENT_RELEASES.includes(r)
        ? `Linux ${r}, still in development: its facts may change before the release.`
        : r === NEWEST_STABLE_RELEASE
          ? `Linux ${r}, the newest published release this version knows.`
          : `Linux ${r}.`,
    })),
  ];
}

/** The generated part of `kernelRust.targetVersion`'s schema in package.json: a top-level `enum`, because the
 *  Settings editor draws a dropdown only for that (an `anyOf` of the enum and a free pattern makes it fall back to
 *  "Edit in settings.json"). Point releases and release candidates typed into settings.json are still read. */
export function targetVersionSchema(): Record<string, unknown> {
  const choices = targetChoices();
  return {
    type: 'string',
    default: 'auto',
    enum: choices.map((c) => c.value),
    enumDescriptions: choices.map((c) => c.description),
  };
}
