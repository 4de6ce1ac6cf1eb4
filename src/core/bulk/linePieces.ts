import { lastNewlineIn } from '../indicators/newlines';
import { lastLineCut } from './lineCuts';

/**
 * A piece of a file for scanning: `text[from, to)` is new, and what lies before `from` and
 * after `to` is context from the neighbouring pieces, so that a look-around or a defanged
 * window at the edge reads what a scan of the whole text would. `offset` is where `text`
 * begins in the whole text; `bytesRead` and `totalBytes` are for progress.
 */
export interface TextPiece {
  text: string;
  from: number;
  to: number;
  offset: number;
  bytesRead: number;
  totalBytes: number;
}

export interface PieceOptions {
  /** Characters new in each piece, about (the last piece and a cut long line may differ). */
  pieceSize?: number;
}

/** Reach of the context kept on each side: more than any look-around or defanged window reaches (1,024 + 64). */
export const PIECE_CONTEXT = 4096;
const PIECE_SIZE = 4 * 1024 * 1024;
/** A line this long without any place to cut it is cut anyway. */
const HARD_CUT = 64 * 1024 * 1024;

/**
 * Decodes UTF-8 chunks (a file read in pieces) into TextPieces of whole lines, so that a file
 * is scanned without its whole text in memory (and without the ~512 MB limit of a string). A
 * very long line is cut where a slice of the whole text may be cut (see lineCuts.ts).
 */
export async function* linePieces(
  chunks: AsyncIterable<Uint8Array>,
  totalBytes: number,
  options: PieceOptions = {},
): AsyncGenerator<TextPiece> {
  const pieceSize = options.pieceSize ?? PIECE_SIZE;
  const decoder = new TextDecoder('utf-8');
  let pending = ''; // context, then text not yet handed out
  let from = 0; // where the new text starts in `pending`
  let offset = 0; // where `pending` starts in the whole text
  let bytesRead = 0;
  let searched = 0; // `pending[from, searched)` has no place to cut (a long line read on)
  const piece = (to: number): TextPiece => ({ text: pending, from, to, offset, bytesRead, totalBytes });
  const keepFrom = (cut: number) => {
    const keep = Math.max(0, cut - PIECE_CONTEXT);
    pending = pending.slice(keep);
    offset += keep;
    from = cut - keep;
    searched = from;
  };

  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    pending += decoder.decode(chunk, { stream: true });
    // Hand out whole lines once there are enough, keeping context after the cut.
    while (pending.length - from >= pieceSize + PIECE_CONTEXT) {
      const limit = pending.length - PIECE_CONTEXT;
      const cut = cutBefore(pending, from, searched, limit);
      if (cut < 0) {
        searched = limit; // one long line so far, with nowhere to cut: read on
        break;
      }
      yield piece(cut);
      keepFrom(cut);
    }
  }
  pending += decoder.decode();
  if (pending.length > from || bytesRead === 0) yield piece(pending.length);
}

/**
 * The last place in `text(from, limit]` to end a piece: after a line break, else where a long
 * line may be cut; -1 when none. `text[from, searched)` is known to have neither.
 */
function cutBefore(text: string, from: number, searched: number, limit: number): number {
  const newline = lastNewlineIn(text, searched, limit);
  if (newline >= 0) return newline + 1;
  const cut = lastLineCut(text, searched, limit);
  if (cut > from) return cut;
  return limit - from >= HARD_CUT ? limit : -1;
}
