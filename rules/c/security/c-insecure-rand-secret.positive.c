#include <stdlib.h>
#include <time.h>

static const char charset[] = "abcdefghijklmnopqrstuvwxyz0123456789";

void generate_session_token(char *out, size_t len)
{
    size_t i;
    /* expect: c-insecure-rand-secret */
    srand((unsigned)time(NULL));
    for (i = 0; i + 1 < len; i++) {
        /* expect: c-insecure-rand-secret */
        out[i] = charset[rand() % (sizeof charset - 1)];
    }
    out[len - 1] = '\0';
}

unsigned int new_challenge(void)
{
    /* expect: c-insecure-rand-secret */
    unsigned int nonce = (unsigned int)random();
    return nonce;
}
