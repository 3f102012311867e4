#include <string.h>

struct packet {
    char host[64];
    char path[128];
};

void fill(struct packet *p, const char *host, const char *path)
{
    strncpy(p->host, host, sizeof p->host - 1);
    p->host[sizeof p->host - 1] = '\0';
    p->path[0] = '\0';
    strncat(p->path, path, sizeof p->path - strlen(p->path) - 1);
}
