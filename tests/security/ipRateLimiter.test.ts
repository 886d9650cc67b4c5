import { describe, expect, it } from 'vitest';
import { clientAddress, createIpRateLimiter, ipBucket } from '../../src/server/ipRateLimiter.js';

describe('ipBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('puts %s in bucket %s', (ip, bucket) => expect(ipBucket(ip)).toBe(bucket));

  it('puts two addresses of one /64 in the same bucket', () => {
    expect(ipBucket('2001:db8:aa:bb:1::1')).toBe(ipBucket('2001:db8:aa:bb:ffff:ffff:ffff:ffff'));
  });
});

describe('clientAddress', () => {
  const req = (xff: string | undefined, peer = '10.0.0.5') => ({ headers: { 'x-forwarded-for': xff }, socket: { remoteAddress: peer } });

  it('uses the socket peer and ignores X-Forwarded-For unless the proxy is trusted', () => {
    expect(clientAddress(req('1.2.3.4'))).toBe('10.0.0.5');
  });

  it('behind a trusted proxy takes the last X-Forwarded-For entry, which the client cannot forge', () => {
    expect(clientAddress(req('6.6.6.6, 198.51.100.9'), true)).toBe('198.51.100.9');
    expect(clientAddress(req(undefined), true)).toBe('10.0.0.5');
  });
});

describe('createIpRateLimiter', () => {
  it('refuses a limit that is not a positive integer', () => {
    expect(() => createIpRateLimiter(0)).toThrow(/positive integer/);
    expect(() => createIpRateLimiter(1.5)).toThrow(/positive integer/);
  });
});
