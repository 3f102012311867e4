#include <stdlib.h>
#include <string.h>
#include <wchar.h>

char *copy_name(const char *name)
{
    size_t len = strlen(name);
    /* expect: c-alloc-strlen-no-terminator */
    char *copy = malloc(strlen(name));
    if (copy != NULL) {
        memcpy(copy, name, len);
        copy[len] = '\0';
    }
    return copy;
}

wchar_t *copy_wide(const wchar_t *text)
{
    size_t len = wcslen(text);
    /* expect: c-alloc-strlen-no-terminator */
    wchar_t *copy = malloc(wcslen(text) * sizeof(wchar_t));
    if (copy != NULL) {
        wmemcpy(copy, text, len);
        copy[len] = L'\0';
    }
    return copy;
}
