/** Record ids: the start time and a per-session sequence, so they are unique and sort by start. */
export class RecordIds {
  private sequence = 0;

  next(startedAt: number, prefix = ''): string {
    return `${prefix}${startedAt.toString(36)}-${(this.sequence++).toString(36)}`;
  }
}
