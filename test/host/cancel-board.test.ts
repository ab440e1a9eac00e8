/** The cancel board in shared memory (src/host/cancel-board.ts). */
import { describe, expect, it } from 'vitest';
import { canShareMemory, createCancelBoard, isCancelBoardMessage, readCancelBoard } from '../../src/host/cancel-board';

describe('cancel board', () => {
  it('gives the reader each id written since its last look, once', () => {
    const board = createCancelBoard();
    const read = readCancelBoard(board.message.buffer);
    expect(read()).toEqual([]);
    board.post(3);
    board.post(9);
    expect(read()).toEqual([3, 9]);
    expect(read()).toEqual([]);
    board.post(11);
    expect(read()).toEqual([11]);
  });

  it('keeps the latest 16 ids when the reader has fallen behind', () => {
    const board = createCancelBoard();
    const read = readCancelBoard(board.message.buffer);
    for (let id = 1; id <= 40; id++) board.post(id);
    expect(read()).toEqual(Array.from({ length: 16 }, (_, k) => 25 + k));
  });

  it('is read through a copy of its message, as a worker receives it (the memory is shared)', () => {
    const board = createCancelBoard();
    const copy: unknown = structuredClone(board.message);
    expect(isCancelBoardMessage(copy)).toBe(true);
    const read = readCancelBoard((copy as typeof board.message).buffer);
    board.post(5);
    expect(read()).toEqual([5]);
  });

  it('tells its message from others', () => {
    expect(isCancelBoardMessage({ type: 'cancel', id: 1 })).toBe(false);
    expect(isCancelBoardMessage({ type: 'cancel-board', buffer: new ArrayBuffer(68) })).toBe(false);
    expect(isCancelBoardMessage({ type: 'cancel-board', buffer: new SharedArrayBuffer(8) })).toBe(false);
    expect(isCancelBoardMessage(null)).toBe(false);
  });

  it('is used only where the context is cross-origin isolated', () => {
    expect(canShareMemory({ crossOriginIsolated: true })).toBe(true);
    expect(canShareMemory({ crossOriginIsolated: false })).toBe(false);
    expect(canShareMemory({})).toBe(false);
  });
});
