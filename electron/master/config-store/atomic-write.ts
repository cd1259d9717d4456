// Replaces a file so that a reader sees either the old or the new content, never a mix:
// the new text goes to a temporary file in the same folder, is flushed, then renamed over.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Where to copy the previous version first; nothing is copied when the file is new. */
  backupPath?: string;
}

/** Writes `text` over `file`, keeping its mode (0o644 for a new file). */
export async function writeFileAtomic(
  file: string,
  text: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const previous = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const mode = previous ? previous.mode & 0o7777 : 0o644;
  if (previous && options.backupPath) await copyFile(file, options.backupPath);

  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      mode,
    );
    try {
      await handle.writeFile(text, 'utf8');
      // The umask may have narrowed the mode the file was created with.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Makes the rename itself durable; some file systems refuse to sync a folder, which is fine. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is already flushed; only the rename's durability is left to the system.
  }
}
