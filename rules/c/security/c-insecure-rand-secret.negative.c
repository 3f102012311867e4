#include <stdlib.h>
#include <sys/random.h>

int generate_session_token(unsigned char *out, size_t len)
{
    return getrandom(out, len, 0) == (ssize_t)len ? 0 : -1;
}

int jitter_ms(int base)
{
    return base + rand() % 100;
}

void shuffle(int *items, int n)
{
    int i;
    for (i = n - 1; i > 0; i--) {
        int j = rand() % (i + 1);
        int tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
    }
}
