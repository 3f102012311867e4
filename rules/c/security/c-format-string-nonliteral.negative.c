#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

#define USAGE "usage: tool [-v] file\n"

void log_request(const char *path, const char *message)
{
    char line[512];
    printf("%s\n", message);
    fprintf(stderr, "path=%s\n", path);
    snprintf(line, sizeof line, "%s", path);
    syslog(LOG_INFO, "%s", line);
    printf(USAGE);
}

void log_msg(int level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (level > 0) {
        vfprintf(stderr, fmt, ap);
    }
    va_end(ap);
}
