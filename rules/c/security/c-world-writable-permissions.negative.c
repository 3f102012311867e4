#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int create_log(const char *path)
{
    return open(path, O_CREAT | O_WRONLY | O_APPEND, 0666);
}

int prepare_spool(const char *dir)
{
    umask(022);
    return mkdir(dir, 0777);
}

int publish(const char *path)
{
    return chmod(path, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
}
