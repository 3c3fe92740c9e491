import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/**
 * AWS delivers Cost and Usage Reports as `.csv.gz`: when the file starts with the gzip signature, it is unpacked
 * (streaming) beside itself and the unpacked path returned; otherwise the path itself.
 */
export async function gunzipIfNeeded(path: string): Promise<string> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(2);
  try {
    await fh.read(head, 0, 2, 0);
  } finally {
    await fh.close();
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) return path;
  const out = `${path}.unpacked.csv`;
  await pipeline(createReadStream(path), createGunzip(), createWriteStream(out));
  return out;
}
