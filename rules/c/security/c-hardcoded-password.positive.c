#include <string.h>

/* expect: c-hardcoded-password */
#define ADMIN_PASSWORD "Tr0ub4dor&3"

struct db_config {
    const char *host;
    char password[64];
};

/* expect: c-hardcoded-password */
static const char *api_key = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

void default_config(struct db_config *cfg)
{
    cfg->host = "db.internal";
    /* expect: c-hardcoded-password */
    strncpy(cfg->password, "Adm1n!2024", sizeof cfg->password - 1);
}

const char *key_for_requests(int admin)
{
    return admin ? ADMIN_PASSWORD : api_key;
}
