import { describe, expect, it } from "vitest";
import { isForbiddenAddress } from "@/lib/net/address-policy";

describe("isForbiddenAddress", () => {
  it("refuses loopback, private, link-local, CGNAT, metadata and reserved IPv4", () => {
    for (const address of ["127.0.0.1", "127.255.1.2", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "169.254.169.254", "224.0.0.1", "255.255.255.255"]) {
      expect(isForbiddenAddress(address), address).toBe(true);
    }
  });

  it("refuses IPv6 loopback, unique-local, link-local, and IPv4 hidden inside IPv6", () => {
    for (const address of ["::1", "[::1]", "::", "fd00:ec2::254", "fe80::1%eth0", "::ffff:127.0.0.1", "::ffff:7f00:1", "[::ffff:a9fe:a9fe]", "::127.0.0.1", "64:ff9b::a00:1", "2002:c0a8:101::1"]) {
      expect(isForbiddenAddress(address), address).toBe(true);
    }
  });

  it("allows public addresses, and refuses what is not an address at all", () => {
    for (const address of ["157.240.1.35", "8.8.8.8", "172.32.0.1", "2a03:2880:f12f:83:face:b00c:0:25de", "::ffff:157.240.1.35"]) {
      expect(isForbiddenAddress(address), address).toBe(false);
    }
    expect(isForbiddenAddress("localhost")).toBe(true);
    expect(isForbiddenAddress("")).toBe(true);
  });

  it("sees through every IPv4 spelling once a URL has parsed it", () => {
    // WHATWG URL parsing (what fetch and the fence use) turns decimal, octal and hex hosts into dotted quads.
    for (const host of ["2130706433", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1", "017700000001"]) {
      const parsed = new URL(`http://${host}/`).hostname;
      expect(isForbiddenAddress(parsed), host).toBe(true);
    }
  });
});
