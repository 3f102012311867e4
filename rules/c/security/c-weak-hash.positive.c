#include <openssl/evp.h>
#include <openssl/md5.h>
#include <string.h>

void hash_password(const char *password, unsigned char out[16])
{
    /* expect: c-weak-hash */
    MD5((const unsigned char *)password, strlen(password), out);
}

int sign_digest(EVP_MD_CTX *ctx, const void *data, size_t len)
{
    /* expect: c-weak-hash */
    if (EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) != 1) {
        return -1;
    }
    return EVP_DigestUpdate(ctx, data, len);
}
