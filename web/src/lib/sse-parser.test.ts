import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('parses events with id, type and data, and remembers the last id', () => {
    const parser = new SseParser();
    const frames = parser.push('retry: 3000\nid: 7\nevent: ready\ndata: {"cursor":7}\n\n: heartbeat\n\n');

    expect(frames).toEqual([
      { kind: 'retry', millis: 3000 },
      { kind: 'event', type: 'ready', data: '{"cursor":7}', id: '7' },
      { kind: 'comment', text: 'heartbeat' },
    ]);
    expect(parser.lastId).toBe('7');
  });

  it('joins data lines and reassembles chunks cut anywhere, with any line ending', () => {
    const parser = new SseParser();
    const text = 'id: 12\r\nevent: message.created\r\ndata: {"a":1,\rdata: "b":2}\n\ndata: plain\n\n';
    const frames = [];
    for (const char of text) frames.push(...parser.push(char));

    expect(frames).toEqual([
      { kind: 'event', type: 'message.created', data: '{"a":1,\n"b":2}', id: '12' },
      { kind: 'event', type: 'message', data: 'plain', id: '12' },
    ]);
  });

  it('dispatches nothing for a block without data, and ignores unknown fields and bad retry values', () => {
    const parser = new SseParser();

    expect(parser.push('event: nothing\nfoo: bar\nretry: soon\n\n')).toEqual([]);
    expect(parser.push('data: x')).toEqual([]);
    expect(parser.push('\n\n')).toEqual([{ kind: 'event', type: 'message', data: 'x', id: null }]);
  });
});
