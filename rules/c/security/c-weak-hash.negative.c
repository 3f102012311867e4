#include <openssl/evp.h>
#include <openssl/sha.h>
#include <string.h>

void fingerprint(const unsigned char *data, size_t len, unsigned char out[32])
{
    SHA256(data, len, out);
}

int sign_digest(EVP_MD_CTX *ctx, const void *data, size_t len)
{
    if (EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1) {
        return -1;
    }
    return EVP_DigestUpdate(ctx, data, len);
}
