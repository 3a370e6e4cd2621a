/* attachment.h - what may be attached to a dossier document: PDF, PNG and
 * JPEG files up to ATTACH_MAX_BYTES, whose first bytes must be what their
 * declared type says (a renamed executable is not a PDF). Pure. */
#ifndef SW_ATTACHMENT_H
#define SW_ATTACHMENT_H

#include <stddef.h>

/* The server's body limit (HTTP_DEFAULT_MAX_BODY) allows this much. */
#define ATTACH_MAX_BYTES ((size_t)10 << 20)

enum attach_type {
	ATTACH_PDF = 0,
	ATTACH_PNG,
	ATTACH_JPEG,
	ATTACH_TYPE__COUNT
};

/* The type of a Content-Type header value ("application/pdf",
 * "image/png", "image/jpeg"; case-insensitive, parameters after ';'
 * ignored); -1 for anything else or NULL. */
int attach_type_parse(const char *content_type, enum attach_type *out);

/* "application/pdf", ...; "" for an unknown type. */
const char *attach_type_mime(enum attach_type t);

/* File name extension without the dot: "pdf", "png", "jpg". */
const char *attach_type_ext(enum attach_type t);

/* 1 when data starts with the signature of type t (PDF "%PDF-", PNG its
 * 8-byte signature, JPEG FF D8 FF), 0 otherwise. */
int attach_magic_matches(enum attach_type t, const unsigned char *data, size_t len);

#endif
