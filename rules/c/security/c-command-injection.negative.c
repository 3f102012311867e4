#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define CLEAR_CMD "clear"

int ping_host(const char *host)
{
    pid_t pid = fork();
    if (pid == 0) {
        execlp("ping", "ping", "-c", "1", host, (char *)NULL);
        _exit(127);
    }
    return pid > 0 ? 0 : -1;
}

void reset_screen(void)
{
    system(CLEAR_CMD);
    system("stty sane");
}
