#include <stdio.h>
#include <string.h>

#define DEFAULT_SHELL "/bin/sh"

struct user {
    char name[32];
    char shell[16];
};

void set_user(struct user *u, const char *name)
{
    snprintf(u->name, sizeof u->name, "%s", name);
    strcpy(u->shell, DEFAULT_SHELL);
    strcpy(u->shell, "/bin/sh");
    strncat(u->name, "!", sizeof u->name - strlen(u->name) - 1);
}
