#include <alloca.h>
#include <string.h>

void reverse_copy(const char *src, size_t len, void (*emit)(const char *, size_t))
{
    /* expect: c-alloca-variable-size */
    char *tmp = alloca(len);
    size_t i;
    for (i = 0; i < len; i++) {
        tmp[i] = src[len - 1 - i];
    }
    emit(tmp, len);
}

void join_fields(int count, const char **fields)
{
    /* expect: c-alloca-variable-size */
    const char **copy = alloca(count * sizeof(*copy));
    memcpy(copy, fields, count * sizeof(*copy));
}
