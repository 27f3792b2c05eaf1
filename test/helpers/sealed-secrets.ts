import { constants, createCipheriv, type KeyObject, publicEncrypt, randomBytes } from "node:crypto";

/**
 * kubeseal's hybrid encryption (sealed-secrets pkg/crypto): a random AES-256 session key sealed
 * with RSA-OAEP/SHA-256 (label: namespace/name for strict scope), written after its 2-byte
 * big-endian length, followed by the AES-GCM ciphertext and tag under an all-zero nonce.
 */
export function sealValue(plaintext: string, publicKey: KeyObject, label = ""): string {
  const sessionKey = randomBytes(32);
  const sealedKey = publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256", oaepLabel: Buffer.from(label) },
    sessionKey,
  );
  const length = Buffer.alloc(2);
  length.writeUInt16BE(sealedKey.length);
  const cipher = createCipheriv("aes-256-gcm", sessionKey, Buffer.alloc(12));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([length, sealedKey, body]).toString("base64");
}
