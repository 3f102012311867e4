#include <openssl/evp.h>

int encrypt_record(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv)
{
    /* expect: c-weak-cipher */
    return EVP_EncryptInit_ex(ctx, EVP_des_ede3_cbc(), NULL, key, iv);
}

int encrypt_block(EVP_CIPHER_CTX *ctx, const unsigned char *key)
{
    /* expect: c-weak-cipher */
    return EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), NULL, key, NULL);
}
