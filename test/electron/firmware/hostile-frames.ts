// Frames a well-behaved host never sends, built from shared/protocol's own pieces.
import { cobsEncode } from '../../../shared/protocol/cobs';
import { crc16Xmodem } from '../../../shared/protocol/crc16';
import { FrameType } from '../../../shared/protocol/frames';

/** A COMMAND whose CRC is off by one: the board must NACK it badCrc, echoing id and opcode. */
export function commandWithBadCrc(requestId: number, opcode: number, args: Uint8Array = new Uint8Array(0)): Uint8Array {
  const frame = new Uint8Array(4 + args.length + 2);
  frame[0] = FrameType.command;
  frame[1] = requestId & 0xff;
  frame[2] = requestId >>> 8;
  frame[3] = opcode;
  frame.set(args, 4);
  const crc = (crc16Xmodem(frame, 0, 4 + args.length) + 1) & 0xffff;
  frame[4 + args.length] = crc & 0xff;
  frame[5 + args.length] = crc >>> 8;
  const stuffed = cobsEncode(frame);
  const wire = new Uint8Array(stuffed.length + 1);
  wire.set(stuffed);
  return wire;
}

/** Bytes that are no frame at all: longer than any frame, then a delimiter. */
export function garbage(length: number): Uint8Array {
  const out = new Uint8Array(length + 1);
  for (let k = 0; k < length; k++) out[k] = 1 + ((k * 37) % 255);
  return out;
}
