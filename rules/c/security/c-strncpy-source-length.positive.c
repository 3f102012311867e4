#include <string.h>

struct packet {
    char host[64];
    char path[128];
};

void fill(struct packet *p, const char *host, const char *path)
{
    /* expect: c-strncpy-source-length */
    strncpy(p->host, host, strlen(host));
    p->path[0] = '\0';
    /* expect: c-strncpy-source-length */
    strncat(p->path, path, strlen(path));
}
