#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int ping_host(const char *host)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
    /* expect: c-command-injection */
    return system(cmd);
}

FILE *list_dir(char **argv)
{
    /* expect: c-command-injection */
    return popen(argv[1], "r");
}

void run_script(const char *script)
{
    /* expect: c-command-injection */
    execl("/bin/sh", "sh", "-c", script, (char *)NULL);
}
