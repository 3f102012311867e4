#include <stdio.h>
#include <string.h>

int read_name(char *out, size_t len)
{
    char line[64];
    if (fgets(line, sizeof line, stdin) == NULL) {
        return -1;
    }
    line[strcspn(line, "\n")] = '\0';
    snprintf(out, len, "%s", line);
    return 0;
}
