#include <stdio.h>
#include <string.h>

int read_name(char *out, size_t len)
{
    char line[64];
    /* expect: c-gets */
    if (gets(line) == NULL) {
        return -1;
    }
    strncpy(out, line, len - 1);
    out[len - 1] = '\0';
    return 0;
}
