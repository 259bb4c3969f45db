// live-output.ts: lines pass through as they come; legacy set-output/save-state lines are held back.
import { describe, expect, test } from '@jest/globals';
import { LiveOutput } from '../../../actions/retry/src/live-output';

async function through(chunks: string[]): Promise<{ text: string; outputs: LiveOutput['outputs'] }> {
  const live = new LiveOutput();
  const parts: Buffer[] = [];
  live.on('data', (chunk: Buffer) => parts.push(chunk));
  for (const chunk of chunks) live.write(Buffer.from(chunk));
  live.end();
  await new Promise((resolve) => live.on('end', resolve));
  return { text: Buffer.concat(parts).toString('utf8'), outputs: live.outputs };
}

describe('live output', () => {
  test('ordinary output passes unchanged, split anywhere, and a missing last line break is added', async () => {
    expect((await through(['a', 'b\nc', 'd'])).text).toBe('ab\ncd\n');
    expect((await through(['x::y\n', ':', ':notice::kept\n'])).text).toBe('x::y\n::notice::kept\n');
  });

  test('set-output and save-state, however split or cased, are taken out and recorded', async () => {
    const { text, outputs } = await through([
      ' ::set-',
      'output name=a::1%0A2\n',
      '::SAVE-STATE name=s::x\n',
      'after\n',
    ]);
    expect(text).toBe('after\n');
    expect(outputs).toEqual([{ name: 'a', value: '1\n2' }]);
  });

  test('bytes that are not UTF-8 pass through untouched', async () => {
    const live = new LiveOutput();
    const parts: Buffer[] = [];
    live.on('data', (chunk: Buffer) => parts.push(chunk));
    live.end(Buffer.from([0xff, 0xfe, 0x0a]));
    await new Promise((resolve) => live.on('end', resolve));
    expect(Buffer.concat(parts)).toEqual(Buffer.from([0xff, 0xfe, 0x0a]));
  });
});
