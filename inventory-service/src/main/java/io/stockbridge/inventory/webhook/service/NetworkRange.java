package io.stockbridge.inventory.webhook.service;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR notation ({@code 127.0.0.0/8}, {@code ::1/128}), parsed without a name lookup. */
record NetworkRange(byte[] prefix, int bits) {

  static NetworkRange parse(String cidr) {
    String[] parts = cidr.trim().split("/", 2);
    if (!parts[0].matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("Not an address block: " + cidr);
    }
    try {
      byte[] address = InetAddress.getByName(parts[0]).getAddress();
      int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
      if (bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException("Not an address block: " + cidr);
      }
      return new NetworkRange(address, bits);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("Not an address block: " + cidr, e);
    }
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != prefix.length) {
      return false;
    }
    int shift = prefix.length * 8 - bits;
    return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, prefix).shiftRight(shift));
  }
}
