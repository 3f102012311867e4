#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int share_log(const char *path)
{
    /* expect: c-world-writable-permissions */
    return chmod(path, 0666);
}

int prepare_spool(const char *dir)
{
    /* expect: c-world-writable-permissions */
    umask(0);
    /* expect: c-world-writable-permissions */
    return mkdir(dir, S_IRWXU | S_IRWXO);
}

int open_shared(const char *path)
{
    int fd = open(path, O_CREAT | O_WRONLY, 0600);
    if (fd >= 0) {
        /* expect: c-world-writable-permissions */
        fchmod(fd, 0777);
    }
    return fd;
}
