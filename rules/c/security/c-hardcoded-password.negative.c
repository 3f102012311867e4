#include <stdlib.h>
#include <string.h>

struct db_config {
    const char *host;
    const char *password;
};

static const char *password_prompt = "Password:";

void default_config(struct db_config *cfg)
{
    cfg->host = "db.internal";
    cfg->password = getenv("DB_PASSWORD");
}

const char *prompt(void)
{
    return password_prompt;
}
