/**
 * An incremental parser of the `text/event-stream` format, as the HTML standard defines it
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation): feed it text as it
 * arrives, in chunks cut anywhere, and it returns what each chunk completed.
 */

/** A dispatched event. `id` is the stream's last event id at dispatch time (as EventSource's `lastEventId`). */
export interface SseEvent {
  kind: 'event';
  type: string;
  data: string;
  id: string | null;
}

/** A `retry:` field: the reconnection delay the server suggests. */
export interface SseRetry {
  kind: 'retry';
  millis: number;
}

/** A comment line (`: heartbeat`). */
export interface SseComment {
  kind: 'comment';
  text: string;
}

export type SseFrame = SseEvent | SseRetry | SseComment;

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private type = '';
  private lastEventId: string | null = null;
  /** A chunk ended in "\r": a following "\n" belongs to the same line end. */
  private pendingCr = false;

  /** The last event id received so far (survives across events, as in EventSource). */
  get lastId(): string | null {
    return this.lastEventId;
  }

  push(chunk: string): SseFrame[] {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const frames: SseFrame[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      this.line(this.buffer.slice(start, i), frames);
      if (char === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return frames;
  }

  private line(line: string, frames: SseFrame[]) {
    if (line === '') {
      this.dispatch(frames);
      return;
    }
    if (line.startsWith(':')) {
      frames.push({ kind: 'comment', text: line.slice(1).trimStart() });
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.type = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\u0000')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) frames.push({ kind: 'retry', millis: Number(value) });
        break;
      default:
        break;
    }
  }

  private dispatch(frames: SseFrame[]) {
    if (this.data.length > 0) {
      frames.push({ kind: 'event', type: this.type || 'message', data: this.data.join('\n'), id: this.lastEventId });
    }
    this.data = [];
    this.type = '';
  }
}
