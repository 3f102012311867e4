#include <stdarg.h>
#include <stdio.h>

void greeting(char *out, size_t len, const char *user)
{
    snprintf(out, len, "Hello, %s! Welcome back.", user);
}

void code(char *out, int id)
{
    sprintf(out, "ID-%08d", id);
    sprintf(out + 11, "%.8s", "suffix");
}

void log_line(char *out, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out, len, fmt, ap);
    va_end(ap);
}
