#include <string.h>

struct user {
    char name[32];
    char home[64];
};

void set_user(struct user *u, const char *name, const char *dir)
{
    /* expect: c-unbounded-string-copy */
    strcpy(u->name, name);
    strcpy(u->home, "/home/");
    /* expect: c-unbounded-string-copy */
    strcat(u->home, dir);
}

void copy_arg(char *dst, char **argv)
{
    /* expect: c-unbounded-string-copy */
    strcpy(dst, argv[1]);
}
