/**
 * Checks a ZIP archive (an XLSX workbook) before any library unpacks it: a small upload must not unpack into
 * gigabytes (a "zip bomb") nor hold thousands of entries. The central directory is read, every entry is checked to
 * follow the previous one with nothing hidden between them (a streaming unzipper reads the local headers in file
 * order, so it then sees exactly the entries checked here), and each entry is inflated with a hard output cap: the
 * sizes an archive declares are never trusted. Memory stays bounded by the caps.
 */
import { inflateRawSync } from 'node:zlib';

/** Caps on what an uploaded workbook may unpack to (an inventory of 100,000 lines is about 20 MB of sheet XML). */
export const ZIP_LIMITS = { maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024 };

export type TZipProblem = 'not-a-zip' | 'too-many-entries' | 'too-large' | 'corrupt' | 'unsupported';

/** An archive refused before reading: `problem` names why (the readers turn it into a message). */
export class ZipRefusedError extends Error {
  constructor(
    public readonly problem: TZipProblem,
    detail: string,
  ) {
    super(`archive refused (${problem}): ${detail}`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface TEntry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  declared: number;
  offset: number;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/**
 * Throws `ZipRefusedError` unless `buf` is a ZIP archive of at most `limits.maxEntries` entries that unpacks to at
 * most `limits.maxUncompressedBytes` in all. Returns the entry names (in file order) and the unpacked size.
 */
export function checkZipArchive(buf: Buffer, limits = ZIP_LIMITS): { names: string[]; uncompressedBytes: number } {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL)
    throw new ZipRefusedError('not-a-zip', 'no ZIP signature at the start');
  const end = findEndOfCentralDirectory(buf);
  if (end < 0) throw new ZipRefusedError('not-a-zip', 'no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    throw new ZipRefusedError('unsupported', 'ZIP64 archives are not accepted');
  if (count > limits.maxEntries)
    throw new ZipRefusedError('too-many-entries', `${count} entries (at most ${limits.maxEntries})`);
  if (count === 0) throw new ZipRefusedError('corrupt', 'empty archive');
  if (cdOffset + cdSize > end) throw new ZipRefusedError('corrupt', 'central directory out of bounds');

  const entries: TEntry[] = [];
  let p = cdOffset;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL)
      throw new ZipRefusedError('corrupt', `bad central directory record ${i + 1}`);
    const nameLen = buf.readUInt16LE(p + 28);
    const e: TEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      declared: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    if (e.flags & 1) throw new ZipRefusedError('unsupported', 'encrypted entries are not accepted');
    if (e.method !== 0 && e.method !== 8) throw new ZipRefusedError('unsupported', `compression method ${e.method}`);
    declaredTotal += e.declared;
    if (declaredTotal > limits.maxUncompressedBytes)
      throw new ZipRefusedError('too-large', `unpacks to more than ${limits.maxUncompressedBytes} bytes`);
    entries.push(e);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }

  // Entries in file order must follow each other exactly, from offset 0 to the central directory.
  entries.sort((a, b) => a.offset - b.offset);
  let expected = 0;
  let total = 0;
  for (const e of entries) {
    if (e.offset !== expected) throw new ZipRefusedError('corrupt', `unexpected bytes before entry ${e.name}`);
    if (e.offset + 30 > cdOffset || buf.readUInt32LE(e.offset) !== LOCAL)
      throw new ZipRefusedError('corrupt', `bad local header of ${e.name}`);
    const localFlags = buf.readUInt16LE(e.offset + 6);
    const localCompressed = buf.readUInt32LE(e.offset + 18);
    if (!(localFlags & 8) && localCompressed !== e.compressed)
      throw new ZipRefusedError('corrupt', `sizes of ${e.name} disagree`);
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const stop = start + e.compressed;
    if (stop > cdOffset) throw new ZipRefusedError('corrupt', `entry ${e.name} runs past the archive`);
    const remaining = limits.maxUncompressedBytes - total;
    let size: number;
    if (e.method === 0) {
      size = e.compressed;
      if (size > remaining)
        throw new ZipRefusedError('too-large', `unpacks to more than ${limits.maxUncompressedBytes} bytes`);
    } else {
      try {
        size = inflateRawSync(buf.subarray(start, stop), { maxOutputLength: Math.max(1, remaining) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
          throw new ZipRefusedError('too-large', `unpacks to more than ${limits.maxUncompressedBytes} bytes`);
        }
        throw new ZipRefusedError('corrupt', `entry ${e.name} cannot be inflated`);
      }
    }
    if (size !== e.declared) throw new ZipRefusedError('corrupt', `entry ${e.name} is not the size it declares`);
    total += size;
    // A data descriptor (12 bytes, or 16 with its optional signature) may follow the data.
    let next = stop;
    if (localFlags & 8) next += stop + 4 <= cdOffset && buf.readUInt32LE(stop) === 0x08074b50 ? 16 : 12;
    expected = next;
  }
  if (expected !== cdOffset) throw new ZipRefusedError('corrupt', 'unexpected bytes before the central directory');
  return { names: entries.map((e) => e.name), uncompressedBytes: total };
}
