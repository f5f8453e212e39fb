package io.stockbridge.compliance.document.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats a compliance document may have, recognised by their leading bytes: a name ending in .pdf or a
 * client's Content-Type proves nothing.
 */
public enum FileFormat {
  PDF("application/pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
  PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),
  JPEG("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });

  private final String mediaType;
  private final byte[] magic;

  FileFormat(String mediaType, byte[] magic) {
    this.mediaType = mediaType;
    this.magic = magic;
  }

  public String mediaType() {
    return mediaType;
  }

  public static Optional<FileFormat> of(byte[] content) {
    return Arrays.stream(values()).filter(format -> format.matches(content)).findFirst();
  }

  private boolean matches(byte[] content) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }
}
