/** The kernel releases the knowledge base knows, oldest first: the one list the server, the client picker, the
 *  settings schema and the scripts read. Add a release here (and its facts) to support it. */
export const RELEASES: readonly string[] = [
  '6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8', '6.9', '6.10',
  '6.11', '6.12', '6.13', '6.14', '6.15', '6.16', '6.17', '6.18', '6.19',
  '7.0', '7.1', '7.2', '7.3', '7.4',
];

/** Releases still in development (release candidates): their facts may change before the release. */
export const DEVELOPMENT_RELEASES: readonly string[] = ['7.4'];

/** The newest release the knowledge base covers. */
export const NEWEST_RELEASE: string = RELEASES[RELEASES.length - 1];

/** The newest published release: the target when nothing else says which. */
export const NEWEST_STABLE_RELEASE: string = [...RELEASES].reverse().find((r) => !DEVELOPMENT_RELEASES.includes(r)) ?? NEWEST_RELEASE;

/** The oldest release with Rust support in the kernel, and the oldest the knowledge base covers. */
export const OLDEST_RELEASE: string = RELEASES[0];
