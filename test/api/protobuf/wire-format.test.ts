import { describe, expect, it } from 'vitest';
import { formatGoDuration, formatRfc3339, decodeWellKnown } from '../../../src/api/protobuf/well-known-types.js';
import { toBool, toInt32, toInt64, WireFormatError, WireReader } from '../../../src/api/protobuf/wire-reader.js';
import { WireWriter } from '../../../src/api/protobuf/wire-writer.js';

const readBack = (value: number | bigint) => new WireReader(new WireWriter().varint(value).finish()).readVarint();

describe('varints', () => {
  it('round-trips small, large and negative values', () => {
    expect(toInt64(readBack(0))).toBe(0);
    expect(toInt64(readBack(300))).toBe(300);
    expect(toInt64(readBack(2 ** 40 + 5))).toBe(2 ** 40 + 5);
    expect(toInt64(readBack(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    // Go writes a negative int32 or int64 as ten bytes of two's complement.
    expect(new WireWriter().varint(-1).finish()).toHaveLength(10);
    expect(toInt64(readBack(-1))).toBe(-1);
    expect(toInt32(readBack(-2147483648))).toBe(-2147483648);
    expect(toInt64(readBack(-62135596800))).toBe(-62135596800);
    expect(toBool(readBack(1))).toBe(true);
    expect(toBool(readBack(0))).toBe(false);
  });

  it('rejects truncated and overlong input', () => {
    expect(() => new WireReader(Uint8Array.of(0x80)).readVarint()).toThrow(WireFormatError);
    expect(() => new WireReader(new Uint8Array(11).fill(0xff)).readVarint()).toThrow(WireFormatError);
    expect(() => new WireReader(Uint8Array.of(0x05, 1)).readLengthDelimited()).toThrow(WireFormatError);
    expect(() => new WireReader(Uint8Array.of(0x00)).readKey()).toThrow('field number 0');
  });
});

describe('well-known types', () => {
  const time = (seconds: number, nanos: number) => new WireWriter().varintField(1, seconds).varintField(2, nanos).finish();

  it('formats metav1.Time in whole seconds and MicroTime in microseconds', () => {
    const seconds = Date.UTC(2026, 10, 25, 10, 30, 2) / 1000;
    expect(decodeWellKnown('Time', time(seconds, 123456789), () => null)).toBe('2026-11-25T10:30:02Z');
    expect(decodeWellKnown('MicroTime', time(seconds, 123456789), () => null)).toBe('2026-11-25T10:30:02.123456Z');
    expect(decodeWellKnown('MicroTime', time(seconds, 0), () => null)).toBe('2026-11-25T10:30:02.000000Z');
    expect(decodeWellKnown('Time', new Uint8Array(), () => null)).toBeNull();
    expect(formatRfc3339(-62135596800, 0, 0)).toBe('0001-01-01T00:00:00Z');
  });

  it('formats durations as Go does', () => {
    expect(formatGoDuration(0)).toBe('0s');
    expect(formatGoDuration(3600e9)).toBe('1h0m0s');
    expect(formatGoDuration(90.5e9)).toBe('1m30.5s');
    expect(formatGoDuration(1.5e6)).toBe('1.5ms');
    expect(formatGoDuration(-2e9)).toBe('-2s');
    expect(formatGoDuration(999)).toBe('999ns');
  });

  it('reads Quantity, IntOrString, RawExtension and FieldsV1', () => {
    expect(decodeWellKnown('Quantity', new WireWriter().stringField(1, '1Gi').finish(), () => null)).toBe('1Gi');
    expect(decodeWellKnown('IntOrString', new WireWriter().varintField(1, 0).varintField(2, -3).stringField(3, '').finish(), () => null)).toBe(-3);
    expect(decodeWellKnown('IntOrString', new WireWriter().varintField(1, 1).varintField(2, 0).stringField(3, '30%').finish(), () => null)).toBe('30%');
    const raw = new WireWriter().stringField(1, '{"f:metadata":{"f:labels":{}}}').finish();
    expect(decodeWellKnown('FieldsV1', raw, () => null)).toEqual({ 'f:metadata': { 'f:labels': {} } });
    expect(decodeWellKnown('RawExtension', new WireWriter().bytesField(1, Uint8Array.of(0x6b, 0x38, 0x73, 0)).finish(), () => 'nested')).toBe('nested');
    expect(() => decodeWellKnown('RawExtension', new WireWriter().stringField(1, '{oops').finish(), () => null)).toThrow(WireFormatError);
  });
});
