/* attachment.c - the accepted attachment types and their signatures. */
#include "attachment.h"

#include <string.h>
#include <strings.h>

static const struct {
	const char *mime;
	const char *ext;
	const char *magic;
	size_t magic_len;
} types[ATTACH_TYPE__COUNT] = {
	[ATTACH_PDF] = { "application/pdf", "pdf", "%PDF-", 5 },
	[ATTACH_PNG] = { "image/png", "png", "\x89PNG\r\n\x1a\n", 8 },
	[ATTACH_JPEG] = { "image/jpeg", "jpg", "\xff\xd8\xff", 3 },
};

int attach_type_parse(const char *content_type, enum attach_type *out)
{
	if (content_type == NULL)
		return -1;
	size_t len = strcspn(content_type, ";");
	while (len > 0 && (content_type[len - 1] == ' ' || content_type[len - 1] == '\t'))
		len--;
	for (int i = 0; i < ATTACH_TYPE__COUNT; i++) {
		if (strlen(types[i].mime) == len &&
		    strncasecmp(content_type, types[i].mime, len) == 0) {
			*out = (enum attach_type)i;
			return 0;
		}
	}
	return -1;
}

const char *attach_type_mime(enum attach_type t)
{
	return (unsigned)t < ATTACH_TYPE__COUNT ? types[t].mime : "";
}

const char *attach_type_ext(enum attach_type t)
{
	return (unsigned)t < ATTACH_TYPE__COUNT ? types[t].ext : "";
}

int attach_magic_matches(enum attach_type t, const unsigned char *data, size_t len)
{
	if ((unsigned)t >= ATTACH_TYPE__COUNT || data == NULL || len < types[t].magic_len)
		return 0;
	return memcmp(data, types[t].magic, types[t].magic_len) == 0;
}
