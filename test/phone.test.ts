import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, normalisePhone } from '../src/phone.js';
import { cleanName } from '../src/engine/names.js';

describe('phone numbers', () => {
  it.each([
    ['081234567890', '6281234567890'],
    ['0812-3456-7890', '6281234567890'],
    ['+62 812-3456-7890', '6281234567890'],
    ['62812 3456 7890', '6281234567890'],
    ['(0812) 3456.7890', '6281234567890'],
    ['812-3456-7890', '6281234567890'],
    ['+1 415 555 0100', '14155550100'],
    ['0060123456789', '60123456789'],
  ])('%s → %s', (input, digits) => {
    expect(normalisePhone(input)).toEqual({ ok: true, digits });
  });

  it.each([
    ['', 'is empty'],
    ['0812abc', 'may contain only digits, spaces, dashes and a leading +'],
    ['12345', 'is too short for a phone number'],
    ['+1234567890123456', 'is too long for a phone number (15 digits at most)'],
  ])('refuses %j', (input, reason) => {
    expect(normalisePhone(input)).toEqual({ ok: false, reason });
  });

  it('masks numbers for logs and formats them for owners', () => {
    expect(maskPhone('6281234567890')).toBe('62812****7890');
    expect(maskPhone(null)).toBe('-');
    expect(formatPhone('6281234567890')).toBe('+62 812-3456-7890');
    expect(formatPhone('14155550100')).toBe('+14155550100');
  });
});

describe('display names', () => {
  it.each([
    ['Rina', 'Rina'],
    ['  *Rina*  _Sari_ ', 'Rina Sari'],
    ['Budi\u200B\u202E', 'Budi'],
    ['🌸🌸', null],
    ['0812 3456 7890', null],
    ['~', null],
    [null, null],
    ['Fransiska Maria Simanjuntak Br Sembiring', 'Fransiska Maria'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
  });
});
