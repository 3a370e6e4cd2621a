/* store_consent.h - consents of the employee. */
#ifndef SW_STORE_CONSENT_H
#define SW_STORE_CONSENT_H

#include "store/store_base.h"

/* ---- consents (store_consent.c) ----------------------------------------- */

enum store_consent_kind {
	STORE_CONSENT_ZOEKPROFIEL_NETWERK = 0, /* propose me to network employers */
	STORE_CONSENT_DELEN_BUREAU,            /* share with a named reintegration bureau */
	STORE_CONSENT_DELEN_ZORGVERLENER,      /* share with a named care provider */
	STORE_CONSENT_KIND__COUNT
};

/* API value: "zoekprofiel_netwerk", "delen_bureau", "delen_zorgverlener". */
const char *store_consent_kind_name(enum store_consent_kind kind);
int store_consent_kind_parse(const char *s, enum store_consent_kind *out);

/* A consent of the case's employee, in force from given_on until the day
 * before revoked_on. granted_to names the bureau or care provider: required
 * for the delen_ kinds, absent for zoekprofiel_netwerk. */
struct store_consent {
	int64_t id;
	int64_t case_id;
	enum store_consent_kind kind;
	const char *granted_to;          /* NULL: none */
	sw_date given_on;
	sw_date revoked_on;              /* DATE_NONE: not revoked */
};

/* A consent of the same kind (and granted_to) not yet revoked is
 * SW_ECONFLICT field "kind". */
int store_consent_insert(struct store *st, const struct store_consent *c, int64_t *id,
			 struct sw_error *err);
int store_consent_get(struct store *st, struct store_arena *a, int64_t id,
		      struct store_consent *out, struct sw_error *err);
/* The case's consents by id. */
int store_consent_list(struct store *st, struct store_arena *a, int64_t case_id,
		       struct store_consent **out, size_t *n, struct sw_error *err);
/* Revokes from day on (not before given_on); already revoked is
 * SW_ECONFLICT field "revoked_on", unknown SW_ENOTFOUND field "id". */
int store_consent_revoke(struct store *st, int64_t id, sw_date on, struct sw_error *err);

#endif
