package io.stockbridge.platform.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Encrypts secrets for storage with AES-256-GCM. A sealed value reads {@code <key id>:<base64 of IV and
 * ciphertext>}, so keys can be rotated: new values use the active key, old ones open with the key they name.
 * The additional data binds a value to its purpose (e.g. a warehouse id), so a sealed secret copied to another
 * row does not open there.
 */
@ApplicationScoped
public class SecretCipher {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, SecretKeySpec> keys = new HashMap<>();
  private final String activeKey;

  public SecretCipher(SecretsConfig config) {
    config.keys().forEach((id, encoded) -> {
      byte[] key = Base64.getDecoder().decode(encoded);
      if (key.length != 32) {
        throw new IllegalStateException("stockbridge.secrets.keys." + id + " must be 32 bytes (base64)");
      }
      keys.put(id, new SecretKeySpec(key, "AES"));
    });
    if (!keys.containsKey(config.activeKey())) {
      throw new IllegalStateException("No encryption key for secrets: set STOCKBRIDGE_SECRETS_KEY (base64 of 32 random"
          + " bytes) or stockbridge.secrets.keys." + config.activeKey());
    }
    this.activeKey = config.activeKey();
  }

  public String seal(String plaintext, String context) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return activeKey + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a secret", e);
    }
  }

  public String open(String sealedValue, String context) {
    int colon = sealedValue.indexOf(':');
    SecretKeySpec key = colon < 0 ? null : keys.get(sealedValue.substring(0, colon));
    if (key == null) {
      throw new IllegalStateException("A stored secret names a key that is not configured");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealedValue.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A stored secret does not open with its key (tampered or misplaced)", e);
    }
  }
}
