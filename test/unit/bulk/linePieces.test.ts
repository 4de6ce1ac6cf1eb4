import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { extractTargets } from '../../../src/core/bulk/extract';
import type { InputKind } from '../../../src/core/catalog/toolDefinition';
import { extractUniqueTargetsFromPieces } from '../../../src/core/bulk/extractUnique';
import { linePieces, type TextPiece } from '../../../src/core/bulk/linePieces';
import { logCorpus, minifiedJsonLog, seededRandom } from '../../../devtools/logCorpus';
import { assertUnique, KIND_SETS } from './uniqueAssertions';

/** The bytes of `text` in chunks of random sizes (1 byte up to `largest`), as a file stream gives them. */
async function* chunksOf(text: string, largest: number, seed: number, onDone?: () => void): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const random = seededRandom(seed);
  try {
    for (let at = 0; at < bytes.length;) {
      const size = 1 + Math.floor(random() * largest);
      yield bytes.subarray(at, at + size);
      at += size;
      await Promise.resolve();
    }
  } finally {
    onDone?.();
  }
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

async function inPieces(text: string, pieceSize: number, largestChunk: number, kinds: readonly InputKind[] | undefined) {
  const pieces = linePieces(chunksOf(text, largestChunk, 3), byteLength(text), { pieceSize });
  return extractUniqueTargetsFromPieces(pieces, kinds);
}

/** Log lines with non-ASCII text (2-, 3- and 4-byte UTF-8) and Windows line ends, mixed into the corpus. */
function mixedLog(): string {
  const extra = ['café 8.8.4.4 résumé', '端末 2001:db8::1 からの接続 1.0.0.1', '🚨 alert from 9.9.9.10:53 ✅', 'é1.2.3.4 is no address'];
  const lines = logCorpus(300_000, { seed: 9, defanged: true }).split('\n');
  return lines.map((line, i) => (i % 7 === 0 ? `${extra[i % extra.length]}\r` : line)).join('\n');
}

/** tcpdump records on one line, separated by spaces only. */
function tcpdumpLine(bytes: number): string {
  const random = seededRandom(8);
  const ip = () =>
    `${1 + Math.floor(random() * 223)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`;
  const records: string[] = [];
  for (let size = 0; size < bytes; size += records[records.length - 1].length + 1)
    records.push(`${ip()}.${1 + Math.floor(random() * 65535)} > ${ip()}.443: Flags [S], seq ${Math.floor(random() * 1e9)}, win 65535`);
  return records.join(' ');
}

describe('scanning a file in pieces (linePieces + extractUniqueTargetsFromPieces)', () => {
  it('finds what a scan of the whole text finds, offsets included, whatever the chunks and pieces', async () => {
    const text = mixedLog();
    for (const kinds of KIND_SETS) {
      const found = await inPieces(text, 8 * 1024, 20_000, kinds);
      assertUnique(found, extractTargets(text, kinds), `pieces, kinds ${kinds?.join(',') ?? 'all'}`);
    }
  });

  it('cuts one long line (minified JSON, with or without spaces) where a slice would be cut, and finds the same', async function () {
    // Megabytes scanned several times over: seconds on a busy 2-core machine. Correctness, not speed.
    this.timeout(60_000);
    const minified = minifiedJsonLog(600_000);
    for (const [what, text] of [
      ['minified JSON', minified],
      ['JSON with spaces', minified.replaceAll(',', ', ')],
      // tcpdump's `a.b.c.d.port > e.f.g.h.port:` is judged across its spaces: a cut there needs the context.
      ['tcpdump records', tcpdumpLine(300_000)],
    ]) {
      let pieces = 0;
      const counted = async function* (source: AsyncIterable<TextPiece>) {
        for await (const piece of source) {
          pieces++;
          yield piece;
        }
      };
      for (const kinds of KIND_SETS) {
        pieces = 0;
        const found = await extractUniqueTargetsFromPieces(
          counted(linePieces(chunksOf(text, 5000, 4), byteLength(text), { pieceSize: 16 * 1024 })),
          kinds,
        );
        assert.ok(pieces >= 10, `${what}: ${pieces} pieces`);
        assertUnique(found, extractTargets(text, kinds), `${what} in pieces, kinds ${kinds?.join(',') ?? 'all'}`);
      }
    }
  });

  it('reads on through a stretch with nowhere to cut, longer than a piece, and cuts after it', async () => {
    const blob = 'QUJD'.repeat(40_000); // 160 KB without a space, quote, comma or semicolon
    const text = `start 8.8.8.8 ${blob} 1.1.1.1,"9.9.9.9" ${blob}x 2001:db8::7\nend 4.4.4.4`;
    const pieces: TextPiece[] = [];
    for await (const piece of linePieces(chunksOf(text, 3000, 7), byteLength(text), { pieceSize: 16 * 1024 })) pieces.push(piece);
    assert.ok(pieces.length >= 2, `${pieces.length} pieces`);
    for (const piece of pieces) {
      const cutAt = piece.offset + piece.to;
      assert.ok(cutAt === text.length || /[\s",;]/.test(text[cutAt - 1]), `cut after ${JSON.stringify(text[cutAt - 1])}`);
    }
    assertUnique(await inPieces(text, 16 * 1024, 3000, ['ip']), extractTargets(text, ['ip']), 'around the blobs');
  });

  it('decodes characters split between chunks (one byte at a time)', async () => {
    const text = '端末 2001:db8::2 🚨 8.8.8.8 café 1.1.1.1\r\nnext 🚨 9.9.9.9 é';
    const found = await inPieces(text, 8, 1, ['ip']);
    assertUnique(found, extractTargets(text, ['ip']), 'byte by byte');
    assert.deepEqual(
      found.map((t) => text.slice(t.start, t.end)),
      ['2001:db8::2', '8.8.8.8', '1.1.1.1', '9.9.9.9'],
    );
  });

  it('gives nothing for an empty file', async () => {
    assert.deepEqual(await inPieces('', 1024, 10, undefined), []);
  });

  it('reports progress in bytes read, up to the size of the file', async () => {
    const text = mixedLog();
    const total = byteLength(text);
    const reports: number[] = [];
    await extractUniqueTargetsFromPieces(linePieces(chunksOf(text, 30_000, 5), total, { pieceSize: 32 * 1024 }), ['ip'], {
      onProgress: (done, of) => {
        assert.equal(of, total);
        reports.push(done);
      },
    });
    assert.ok(reports.length > 5, `${reports.length} reports`);
    assert.deepEqual(
      reports,
      [...reports].sort((a, b) => a - b),
      'never backwards',
    );
    assert.equal(reports[reports.length - 1], total);
  });

  it('stops reading when cancelled, and rejects with the reason', async () => {
    const text = mixedLog();
    let closed = false;
    let reports = 0;
    const controller = new AbortController();
    const run = extractUniqueTargetsFromPieces(
      linePieces(
        chunksOf(text, 4096, 6, () => (closed = true)),
        byteLength(text),
        { pieceSize: 16 * 1024 },
      ),
      ['ip'],
      {
        signal: controller.signal,
        onProgress: () => {
          if (++reports === 2) controller.abort(new Error('cancelled by the user'));
        },
      },
    );
    await assert.rejects(run, /cancelled by the user/);
    assert.ok(closed, 'the file is closed (its stream returned)');
    assert.equal(reports, 2, 'nothing scanned after the cancel');
  });

  it('rejects with a read error instead of giving a partial result', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('from 8.8.8.8\n');
      throw new Error('EIO: i/o error, read');
    }
    await assert.rejects(extractUniqueTargetsFromPieces(linePieces(failing(), 100), ['ip']), /EIO/);
  });
});
