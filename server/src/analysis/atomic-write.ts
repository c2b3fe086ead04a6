/**
 * Replacing a file's contents so that a reader, or a crash, only ever sees the old file or the new one: the new
 * bytes go to a temporary file in the same folder (same file system), which gets the original's permission bits
 * and owner, is flushed to disk, and is renamed over the original. Never a half-written file.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The UTF-8 byte order mark. */
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A file's bytes as read, with what is needed to write it back the same way. */
export interface ReadFile {
  /** The file actually written: symbolic links are followed, so the link stays a link. */
  realPath: string;
  bytes: Buffer;
  /** The text without its byte order mark. */
  text: string;
  bom: boolean;
}

/** Why a file could not be replaced: a sentence for the user. */
export class WriteRefused extends Error {}

/** Reads a UTF-8 file for fixing; throws with a reason when it is not one. */
export function readForFix(file: string): ReadFile {
  const realPath = fs.realpathSync(file);
  const bytes = fs.readFileSync(realPath);
  const bom = bytes.length >= 3 && bytes.subarray(0, 3).equals(UTF8_BOM);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  return { realPath, bytes, text, bom };
}

/** Temporary files are named after the original with this infix and never end in `.rs`, so no walk picks one up. */
const TEMP_INFIX = '.kernel-rust-fix-';

/**
 * Writes `text` (with the original's BOM, if it had one) over a file read by {@link readForFix}. Refuses, changing
 * nothing, when the file changed since it was read, is not writable by this user, or has other hard links (a
 * rename would split them).
 */
export function replaceFileAtomically(original: ReadFile, text: string): void {
  const file = original.realPath;
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (error) {
    throw new WriteRefused(`cannot stat (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (st.nlink > 1) throw new WriteRefused(`it has ${st.nlink} hard links; replacing it would split them`);
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw new WriteRefused('the file is read-only for this user');
  }
  if (!fs.readFileSync(file).equals(original.bytes)) throw new WriteRefused('the file changed while it was being fixed');
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}${TEMP_INFIX}${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  const mode = st.mode & 0o7777;
  let fd: number;
  try {
    fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new WriteRefused(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `its folder is not writable (${code})` : `cannot create a temporary file (${code})`);
  }
  try {
    const body = Buffer.from(text, 'utf8');
    const bytes = original.bom ? Buffer.concat([UTF8_BOM, body]) : body;
    for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    try {
      fs.fchownSync(fd, st.uid, st.gid);
    } catch {
      // Only root may give a file away; an ordinary user's new file already has their owner.
    }
    fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    fs.renameSync(tmp, file);
  } catch (error) {
    if (fd >= 0) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw new WriteRefused(`could not be replaced (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    // Make the rename itself durable; not every file system lets a folder be opened for this.
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // The new contents are already in place; only durability across a power cut is at stake.
  }
}
