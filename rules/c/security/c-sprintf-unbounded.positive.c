#include <stdarg.h>
#include <stdio.h>

void greeting(char *out, const char *user)
{
    /* expect: c-sprintf-unbounded */
    sprintf(out, "Hello, %s! Welcome back.", user);
}

void log_line(char *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* expect: c-sprintf-unbounded */
    vsprintf(out, fmt, ap);
    va_end(ap);
}
