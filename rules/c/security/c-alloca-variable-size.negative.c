#include <alloca.h>
#include <stdlib.h>
#include <string.h>

#define SCRATCH_SIZE 256

void reverse_copy(const char *src, size_t len, void (*emit)(const char *, size_t))
{
    char *tmp = malloc(len);
    size_t i;
    if (tmp == NULL) {
        return;
    }
    for (i = 0; i < len; i++) {
        tmp[i] = src[len - 1 - i];
    }
    emit(tmp, len);
    free(tmp);
}

void scratch(void (*use)(char *))
{
    char *buf = alloca(SCRATCH_SIZE);
    int *pair = alloca(sizeof(int) * 2);
    use(buf);
    use((char *)pair);
}
