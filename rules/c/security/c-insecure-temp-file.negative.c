#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

FILE *open_scratch(void)
{
    return tmpfile();
}

FILE *open_spool(void)
{
    char path[] = "/tmp/spoolXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        return NULL;
    }
    unlink(path);
    return fdopen(fd, "w+");
}
