#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *copy_name(const char *name)
{
    size_t len = strlen(name) + 1;
    char *copy = malloc(len);
    if (copy != NULL) {
        memcpy(copy, name, len);
    }
    return copy;
}

char *copy_prefix(const char *name)
{
    char *copy = malloc(strlen(name) + 1);
    if (copy != NULL) {
        snprintf(copy, strlen(name) + 1, "%s", name);
    }
    return copy;
}
