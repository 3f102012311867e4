#include <stdio.h>

int read_login(char *user, char *pass)
{
    /* expect: c-scanf-unbounded-string */
    if (scanf("%s", user) != 1) {
        return -1;
    }
    /* expect: c-scanf-unbounded-string */
    return fscanf(stdin, " %[^\n]", pass);
}

int parse_header(const char *line, char *key, int *value)
{
    /* expect: c-scanf-unbounded-string */
    return sscanf(line, "%s = %d", key, value);
}
