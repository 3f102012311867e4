#include <stdio.h>

int read_login(char user[64], char pass[128])
{
    if (scanf("%63s", user) != 1) {
        return -1;
    }
    return fscanf(stdin, " %127[^\n]", pass);
}

int parse_header(const char *line, int *value)
{
    return sscanf(line, "%*s = %d", value);
}
