/** Event patterns and filter policies: every operator, against events shaped like EventBridge's. */
import { matchesPattern } from '../../../generator/local/services/patterns';
import type { Json } from '../../../generator/template/types';

const event = {
  source: 'shop.orders',
  'detail-type': 'Order Placed',
  region: 'eu-west-1',
  resources: ['arn:aws:s3:::a', 'arn:aws:s3:::b'],
  detail: {
    status: 'PAID',
    total: 42.5,
    items: 3,
    customer: { tier: 'gold', email: 'Ann@Example.com' },
    tags: ['new', 'gift'],
    ip: '10.0.7.12',
    note: null,
    file: 'reports/2026/q4.csv',
  },
};

describe('event patterns', () => {
  it.each<[string, Json, boolean]>([
    ['a literal', { source: ['shop.orders'] }, true],
    ['a literal that differs', { source: ['shop.billing'] }, false],
    ['any of several literals', { source: ['x', 'shop.orders'] }, true],
    ['a nested field', { detail: { customer: { tier: ['gold'] } } }, true],
    ['every field must match', { source: ['shop.orders'], detail: { status: ['REFUNDED'] } }, false],
    ['a number as a number', { detail: { items: [3] } }, true],
    ['a number is not its text', { detail: { items: ['3'] } }, false],
    ['null', { detail: { note: [null] } }, true],
    ['any element of a list value', { detail: { tags: ['gift'] } }, true],
    ['prefix', { 'detail-type': [{ prefix: 'Order' }] }, true],
    ['prefix ignoring case', { 'detail-type': [{ prefix: { 'equals-ignore-case': 'order p' } }] }, true],
    ['suffix', { detail: { file: [{ suffix: '.csv' }] } }, true],
    ['suffix that differs', { detail: { file: [{ suffix: '.json' }] } }, false],
    [
      'equals-ignore-case',
      { detail: { customer: { email: [{ 'equals-ignore-case': 'ann@example.COM' }] } } },
      true,
    ],
    ['wildcard', { detail: { file: [{ wildcard: 'reports/*/q*.csv' }] } }, true],
    ['wildcard that differs', { detail: { file: [{ wildcard: 'reports/*.json' }] } }, false],
    ['numeric range', { detail: { total: [{ numeric: ['>', 40, '<=', 50] }] } }, true],
    ['numeric out of range', { detail: { total: [{ numeric: ['<', 10] }] } }, false],
    ['numeric equality', { detail: { items: [{ numeric: ['=', 3] }] } }, true],
    ['exists', { detail: { status: [{ exists: true }] } }, true],
    ['exists on a missing field', { detail: { refund: [{ exists: true }] } }, false],
    ['exists: false on a missing field', { detail: { refund: [{ exists: false }] } }, true],
    ['exists: false on a present field', { detail: { status: [{ exists: false }] } }, false],
    ['a missing field matches no literal', { detail: { refund: ['x'] } }, false],
    ['anything-but a literal', { detail: { status: [{ 'anything-but': 'REFUNDED' }] } }, true],
    ['anything-but the value', { detail: { status: [{ 'anything-but': ['PAID', 'NEW'] }] } }, false],
    ['anything-but a prefix', { detail: { status: [{ 'anything-but': { prefix: 'PA' } }] } }, false],
    ['anything-but a suffix', { detail: { file: [{ 'anything-but': { suffix: '.json' } }] } }, true],
    [
      'anything-but ignoring case',
      { detail: { status: [{ 'anything-but': { 'equals-ignore-case': 'paid' } }] } },
      false,
    ],
    ['anything-but on a missing field', { detail: { refund: [{ 'anything-but': 'x' }] } }, false],
    ['cidr', { detail: { ip: [{ cidr: '10.0.0.0/16' }] } }, true],
    ['cidr outside', { detail: { ip: [{ cidr: '10.1.0.0/16' }] } }, false],
    ['$or, one alternative', { $or: [{ source: ['x'] }, { detail: { items: [3] } }] }, true],
    ['$or, none', { $or: [{ source: ['x'] }, { detail: { items: [4] } }] }, false],
    ['$or nested', { detail: { $or: [{ status: ['NEW'] }, { customer: { tier: ['gold'] } }] } }, true],
  ])('%s', (_name, pattern, expected) => {
    expect(matchesPattern(pattern, event)).toBe(expected);
  });
});
