#include <stdio.h>
#include <syslog.h>

struct request {
    char path[256];
    char agent[128];
};

void log_request(const struct request *req, const char *message)
{
    char line[512];
    /* expect: c-format-string-nonliteral */
    printf(message);
    /* expect: c-format-string-nonliteral */
    fprintf(stderr, req->agent);
    /* expect: c-format-string-nonliteral */
    snprintf(line, sizeof line, req->path);
    /* expect: c-format-string-nonliteral */
    syslog(LOG_INFO, line);
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        /* expect: c-format-string-nonliteral */
        printf(argv[1]);
    }
    return 0;
}
