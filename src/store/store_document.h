/* store_document.h - the dossier: documents, versions, agreements, attachments. */
#ifndef SW_STORE_DOCUMENT_H
#define SW_STORE_DOCUMENT_H

#include "store/store_base.h"

/* ---- the dossier: documents, versions, agreements (store_document.c) --- */

/* One version of a document. Versions are never changed: a bijstelling is
 * the next version. The employee's answer (approval) exists only for types
 * that ask one (doc_type_info.approval); answered_* are 0/NULL/DATE_NONE
 * while it is open or not asked. */
struct store_document_version {
	int64_t id;
	int64_t document_id;
	int version;                     /* 1, 2, ... */
	const struct doc_value *values;  /* the content, non-empty values only */
	size_t nvalues;
	sw_date date;                    /* its "datum" */
	int64_t author_id;
	const char *author_name;         /* NULL: the user was removed */
	enum role author_role;
	const char *created_at;
	enum doc_approval_state approval;
	sw_date answered_on;
	int64_t answered_by;
	const char *comment;             /* with the answer; NULL: none */
};

struct store_document {
	int64_t id;
	int64_t case_id;
	enum doc_type type;
	int64_t created_by;
	enum role created_role;
	const char *created_at;
	struct store_document_version latest; /* the newest version */
};

/* Records a new document of d->type with version 1 from v (values, author,
 * author role), validated with doc_validate (ctx->version is set here), and
 * the timeline events it completes (doc_events), in one transaction that
 * checks the case's history. A bad value is SW_EINVAL naming the field.
 * The caller checks that the author may write the type. */
int store_document_insert(struct store *st, const struct store_document *d,
			  const struct store_document_version *v, const struct doc_ctx *ctx,
			  int64_t *id, struct sw_error *err);

/* Adds the next version (a bijstelling) to document_id; its events replace
 * those of the earlier version, except that a recorded plan van aanpak
 * event stands. *version receives the new number. */
int store_document_add_version(struct store *st, int64_t document_id,
			       const struct store_document_version *v, const struct doc_ctx *ctx,
			       int *version, struct sw_error *err);

/* The employee's answer on a version: agreed (1) or not (0), with an
 * optional comment, on day `on`. Only the newest version of a type that
 * asks approval can be answered, once: otherwise SW_ECONFLICT field
 * "version". An agreement on a plan van aanpak completes its step. */
int store_document_answer(struct store *st, int64_t document_id, int version, int64_t user_id,
			  enum role role, int agreed, const char *comment, sw_date on,
			  struct sw_error *err);

/* A document with its newest version; unknown SW_ENOTFOUND field "id". */
int store_document_get(struct store *st, struct store_arena *a, int64_t id,
		       struct store_document *out, struct sw_error *err);
/* The case's documents by id, each with its newest version. */
int store_document_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_document **out, size_t *n, struct sw_error *err);
/* Every version of a document, oldest first. */
int store_document_versions(struct store *st, struct store_arena *a, int64_t document_id,
			    struct store_document_version **out, size_t *n,
			    struct sw_error *err);
/* One version; unknown SW_ENOTFOUND field "version". */
int store_document_version_get(struct store *st, struct store_arena *a, int64_t document_id,
			       int version, struct store_document_version *out,
			       struct sw_error *err);

/* ---- attachments of dossier documents (store_attachment.c) ------------ */

struct store_attachment {
	int64_t id;
	int64_t document_id;
	enum attach_type type;
	size_t size;                     /* bytes */
	const char *sha256;              /* hex */
	int64_t created_by;
	const char *created_at;
};

/* Stores a file with its size and SHA-256. An empty file is SW_EINVAL
 * "body", one over ATTACH_MAX_BYTES SW_ELIMIT "body", bytes that are not
 * of the type SW_EINVAL "Content-Type". */
int store_attachment_insert(struct store *st, int64_t document_id, enum attach_type type,
			    const void *data, size_t len, int64_t created_by, int64_t *id,
			    struct sw_error *err);
/* Unknown is SW_ENOTFOUND field "aid". */
int store_attachment_get(struct store *st, struct store_arena *a, int64_t id,
			 struct store_attachment *out, struct sw_error *err);
/* The document's attachments by id. */
int store_attachment_list(struct store *st, struct store_arena *a, int64_t document_id,
			  struct store_attachment **out, size_t *n, struct sw_error *err);
/* The bytes in a malloc'd *data (caller frees), checked against the stored
 * size and checksum (a mismatch is SW_EINTERNAL). */
int store_attachment_data(struct store *st, int64_t id, unsigned char **data, size_t *len,
			  struct sw_error *err);

#endif
