#include <openssl/evp.h>

int encrypt_record(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *nonce)
{
    return EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, nonce);
}

int encrypt_stream(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *nonce)
{
    return EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), NULL, key, nonce);
}
