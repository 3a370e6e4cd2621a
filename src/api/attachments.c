/* attachments.c - /api/v1/cases/{id}/documents/{did}/attachments: files
 * (PDF, PNG, JPEG up to ATTACH_MAX_BYTES) attached to a dossier document,
 * uploaded as the raw request body with their Content-Type. The first bytes
 * must match the type (415 otherwise); the store keeps size and SHA-256 and
 * checks both when the file is read. Whoever may write the document may
 * attach to it; whoever may read the case's documents may download. */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>

#include "http/http_json.h"

static json_t *attachment_json(const struct store_attachment *a)
{
	return json_pack("{s:I, s:s, s:I, s:s, s:I, s:s}", "id", (json_int_t)a->id,
			 "content_type", attach_type_mime(a->type), "size", (json_int_t)a->size,
			 "sha256", a->sha256, "created_by", (json_int_t)a->created_by,
			 "created_at", a->created_at);
}

/* 415 with the error body: the media type is not one we take, or the bytes
 * are not what it says. */
static int unsupported(struct http_response *res, const char *fmt, const char *arg,
		       struct sw_error *err)
{
	struct sw_error e;
	sw_error_set(&e, SW_EINVAL, "Content-Type", fmt, arg);
	return http_response_json(res, 415, json_err_body(&e), err);
}

static int post_attachment(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_document d;
	if (api_document_access(c, POLICY_WRITE, &ac, &d, err) != 0)
		return -1;
	if (!doc_may_author(d.type, ac.role))
		return sw_error_set(err, SW_EDENIED, "did", "a %s does not write a %s",
				    role_name(ac.role), doc_type_name(d.type));
	const char *ct = http_request_header(c->req, "Content-Type");
	enum attach_type type;
	if (attach_type_parse(ct, &type) != 0)
		return unsupported(res, "only application/pdf, image/png and image/jpeg, not %s",
				   ct != NULL ? ct : "none", err);
	const unsigned char *data = (const unsigned char *)c->req->body;
	const size_t len = c->req->body_len;
	if (len > ATTACH_MAX_BYTES)
		return sw_error_set(err, SW_ELIMIT, "body", "a file is at most %zu bytes",
				    ATTACH_MAX_BYTES);
	if (len > 0 && !attach_magic_matches(type, data, len))
		return unsupported(res, "the file is not a %s", attach_type_mime(type), err);
	struct store_attachment a;
	int64_t aid;
	if (store_attachment_insert(c->st, d.id, type, data, len, c->user->id, &aid, err) != 0 ||
	    store_attachment_get(c->st, &c->arena, aid, &a, err) != 0)
		return -1;
	return http_response_json(res, 201, attachment_json(&a), err);
}

static int list_attachments(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_document d;
	struct store_attachment *as;
	size_t n;
	if (api_document_access(c, POLICY_READ, &ac, &d, err) != 0 ||
	    store_attachment_list(c->st, &c->arena, d.id, &as, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++)
		if (json_array_append_new(items, attachment_json(&as[i])) != 0) {
			json_decref(items);
			items = NULL;
		}
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

static int get_attachment(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_document d;
	struct store_attachment a;
	int64_t aid;
	struct sw_error e;
	if (api_document_access(c, POLICY_READ, &ac, &d, err) != 0 ||
	    api_param_id(c, "aid", &aid, err) != 0)
		return -1;
	if (store_attachment_get(c->st, &c->arena, aid, &a, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
		a.document_id = 0;
	}
	if (a.document_id != d.id)
		return sw_error_set(err, SW_ENOTFOUND, "aid", "no such attachment of this document");
	unsigned char *data;
	size_t len;
	if (store_attachment_data(c->st, aid, &data, &len, err) != 0)
		return -1;
	char disposition[96];
	snprintf(disposition, sizeof disposition, "attachment; filename=\"bijlage-%lld.%s\"",
		 (long long)aid, attach_type_ext(a.type));
	int rc = http_response_bytes(res, 200, attach_type_mime(a.type), data, len, err);
	free(data);
	if (rc == 0)
		rc = http_response_header(res, "Content-Disposition", disposition, err);
	return rc;
}

int api_attachments_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	static const char base[] = "/api/v1/cases/{id}/documents/{did}/attachments";
	if (api_route(r, app, "POST", base, post_attachment, err) != 0 ||
	    api_route(r, app, "GET", base, list_attachments, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/documents/{did}/attachments/{aid}",
		      get_attachment, err) != 0)
		return -1;
	return 0;
}
