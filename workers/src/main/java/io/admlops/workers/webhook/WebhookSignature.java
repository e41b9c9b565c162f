package io.admlops.workers.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a vendor puts on a webhook call: {@code sha256=<hex>}, the HMAC-SHA256 of the
 * raw request body keyed with the secret both sides share.
 */
public final class WebhookSignature {

  /** The request header that carries the signature. */
  public static final String HEADER = "X-Admlops-Signature";
  /** The environment variable that holds the shared secret. */
  public static final String SECRET_ENV = "ADMLOPS_WEBHOOK_SECRET";

  private static final String ALGORITHM = "HmacSHA256";
  private static final String PREFIX = "sha256=";

  private final SecretKeySpec key;

  /** @param secret the shared secret, as text; not blank */
  public WebhookSignature(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the webhook secret is blank");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** A new random secret: 256 bits as hex, as strong as the HMAC it keys. */
  public static String newSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }

  /** The header value a vendor would send with this body. */
  public String sign(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(mac(body));
  }

  /**
   * Whether the header value is this body's signature. The comparison takes the same time
   * wherever the bytes differ, so a caller cannot find a valid signature byte by byte.
   */
  public boolean verifies(String header, byte[] body) {
    if (header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(body), claimed);
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // Every Java runtime ships HmacSHA256; its absence is a broken JDK, not a bad call.
      throw new IllegalStateException(ALGORITHM + " unavailable", e);
    }
  }
}
