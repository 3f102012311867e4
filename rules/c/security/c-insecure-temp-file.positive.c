#include <stdio.h>
#include <stdlib.h>
#include <string.h>

FILE *open_scratch(void)
{
    char name[L_tmpnam];
    /* expect: c-insecure-temp-file */
    if (tmpnam(name) == NULL) {
        return NULL;
    }
    return fopen(name, "w+");
}

FILE *open_spool(void)
{
    char path[] = "/tmp/spoolXXXXXX";
    /* expect: c-insecure-temp-file */
    if (mktemp(path) == NULL || path[0] == '\0') {
        return NULL;
    }
    return fopen(path, "w");
}
