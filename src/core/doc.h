/* doc.h - the registry of dossier document types (DOMAIN.md section 5).
 *
 * Every document of a case is one of the types below. For each type the
 * registry knows who may write it, whether the employee must agree to it
 * (or acknowledge it), its fields, and which steps of the legal timeline
 * recording it completes. A document's content arrives as name/value
 * strings (as the API and the store carry it) and is checked against the
 * type's field schema by doc_validate().
 *
 * Pure: static tables, no allocation, no clock ("today" is an input). The
 * medical part of the probleemanalyse is not a dossier document: it lives in
 * the medical domain (DOMAIN.md section 3) and never passes through here. */
#ifndef SW_DOC_H
#define SW_DOC_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "role.h"
#include "rules.h"
#include "timeline.h"

/* API values in Dutch (doc_type_name): "probleemanalyse", ... */
enum doc_type {
	DOC_PROBLEEMANALYSE = 0,    /* functional part only */
	DOC_PLAN_VAN_AANPAK,        /* every bijstelling is a new version */
	DOC_VOORTGANGSGESPREK,
	DOC_EERSTEJAARSEVALUATIE,
	DOC_ARBEIDSDESKUNDIG_ONDERZOEK,
	DOC_TRAJECTPLAN,
	DOC_PERSOONSPROFIEL,
	DOC_ZOEKPROFIEL,
	DOC_RE_INTEGRATIEPLAN,
	DOC_INTERVENTIE,
	DOC_EINDEVALUATIE,
	DOC_ACTUEEL_OORDEEL,        /* bedrijfsarts: incapacity, functional limitations */
	DOC_VISIE_WERKNEMER,        /* the employee's own opinion */
	DOC_VISIE_WERKGEVER,
	DOC_WERKRELATIE,            /* judgement of the working relationship */
	DOC_PASSEND_WERK,           /* suitable work at the own employer */
	DOC_ADMINISTRATIEF,         /* admin data, nature of business, job, skills */
	DOC_RE_INTEGRATIEVERSLAG,   /* the finished RIV; its copy to the employee */
	DOC_TYPE__COUNT
};

/* Sets of document types, e.g. the documents that feed an RIV part. */
#define DOC_BIT(t) (1u << (t))

/* What the employee has to do with a version before it counts. */
enum doc_approval_need {
	DOC_APPROVAL_NONE = 0,
	DOC_APPROVAL_AGREEMENT,       /* instemming: plan van aanpak and bijstellingen */
	DOC_APPROVAL_ACKNOWLEDGEMENT, /* kennisname ("voor gezien"): eerstejaarsevaluatie */
};

/* The employee's answer on one version. API values: "nvt", "open",
 * "akkoord", "niet_akkoord". */
enum doc_approval_state {
	DOC_APPROVAL_NVT = 0,       /* the type needs no approval */
	DOC_APPROVAL_OPEN,          /* asked, not answered yet */
	DOC_APPROVAL_GEGEVEN,
	DOC_APPROVAL_GEWEIGERD,
	DOC_APPROVAL_STATE__COUNT
};

struct doc_approval {
	enum doc_approval_state state;
	sw_date date;               /* of the answer; DATE_NONE while open */
};

enum doc_field_type {
	DOC_FT_TEXT = 0,   /* UTF-8, max_len counted in characters */
	DOC_FT_DATE,       /* YYYY-MM-DD */
	DOC_FT_ENUM,       /* one of values[] */
	DOC_FT_BOOL,       /* "ja" or "nee" */
	DOC_FT_INT,        /* decimal, min..max */
};

/* Field flags. */
#define DOC_F_REQUIRED   0x01u /* always required */
#define DOC_F_NO_MEDICAL 0x02u /* shown with DOC_WARNING_NO_MEDICAL */
#define DOC_F_PAST       0x04u /* a date that may not lie after today */
#define DOC_F_VISION     0x08u /* required when the ruleset's pva_requires_vision */
#define DOC_F_REVISION   0x10u /* required on a bijstelling (version 2 and later) */

/* Every free-text field is visible to the employer, so every one carries
 * this warning (DOMAIN.md section 3). */
#define DOC_WARNING_NO_MEDICAL \
	"Vul hier geen medische gegevens in: geen diagnose, klachten of behandeling."

/* Text lengths, in characters. */
#define DOC_LEN_SHORT 200
#define DOC_LEN_LONG 10000

struct doc_field {
	const char *name;            /* API value */
	const char *label_nl;        /* for forms */
	enum doc_field_type type;
	unsigned flags;
	int max_len;                 /* TEXT: characters */
	int min, max;                /* INT: inclusive range */
	const char *const *values;   /* ENUM: NULL-terminated API values */
	/* Also required when field if_field has one of if_values (NULL: no
	 * such condition), e.g. reden_vrijstelling when gekozen_spoor is
	 * vrijstelling. */
	const char *if_field;
	const char *const *if_values;
	const char *not_before;      /* DATE: may not lie before this date field */
};

struct doc_type_info {
	enum doc_type type;
	const char *name;            /* API value */
	const char *title_nl;
	unsigned authors;            /* ROLE_BIT() set of who may write it */
	enum doc_approval_need approval;
	int revisions;               /* new versions are bijstellingen, each kept and approved */
	enum tl_event_kind completes; /* main timeline step it completes; TL_EV__COUNT: none */
	const struct doc_field *fields;
	size_t nfields;
};

/* A field value as the API or store carries it. A NULL or empty value is
 * the same as an absent field. */
struct doc_value {
	const char *name;
	const char *value;
};

/* What validation needs to know about the case and the version. */
struct doc_ctx {
	const struct tl_ruleset *rules; /* the case's ruleset; NULL: the latest (strictest) */
	sw_date today;                  /* DOC_F_PAST dates may not lie after it */
	int version;                    /* 1 for a new document, n > 1 for a bijstelling */
};

/* Why a document was refused; stable API values via doc_check_name(). */
enum doc_check {
	DOC_OK = 0,
	DOC_E_TYPE,          /* unknown document type */
	DOC_E_UNKNOWN_FIELD, /* the type has no field of that name */
	DOC_E_DUPLICATE,     /* a field given twice */
	DOC_E_REQUIRED,
	DOC_E_TOO_LONG,
	DOC_E_ENCODING,      /* not UTF-8, or control characters other than tab and newline */
	DOC_E_ENUM,
	DOC_E_DATE,
	DOC_E_BOOL,
	DOC_E_INT,
	DOC_E_FUTURE,        /* a DOC_F_PAST date after today */
	DOC_E_ORDER,         /* a date before its not_before field */
	DOC_CHECK__COUNT
};

/* At most this many events come from one document version. */
#define DOC_MAX_EVENTS 3

/* NULL for an unknown type. */
const struct doc_type_info *doc_type_info(enum doc_type type);

const char *doc_type_name(enum doc_type type);
int doc_type_parse(const char *s, enum doc_type *out);

/* 1 when a participant in `role` may write documents of this type. */
int doc_may_author(enum doc_type type, enum role role);

/* NULL when the type has no such field. */
const struct doc_field *doc_field_find(enum doc_type type, const char *name);

/* Checks values against the type's schema. Returns DOC_OK, or the first
 * failure with err (if not NULL) naming the field (SW_EINVAL) and giving a
 * Dutch message for the form. Given values are checked in order first
 * (names, duplicates, formats), then the schema's required fields in
 * schema order, then date order. */
enum doc_check doc_validate(enum doc_type type, const struct doc_ctx *ctx,
			    const struct doc_value *values, size_t n, struct sw_error *err);

/* The value of a field, NULL when absent or empty. */
const char *doc_value_get(const struct doc_value *values, size_t n, const char *name);

/* The document's own date (field "datum", which every type has), DATE_NONE
 * when absent or malformed. */
sw_date doc_date(const struct doc_value *values, size_t n);

/* The timeline events that recording this (validated) version produces,
 * written to out; returns how many. approval may be NULL for types that
 * need none. The plan van aanpak completes its step only once the employee
 * agreed, on the day of the agreement.
 *
 * The store keeps one event per (document, kind), replaced by the events of
 * each new version, except that an existing TL_EV_PLAN_VAN_AANPAK stands:
 * a bijstelling does not move the day the plan was first agreed. */
size_t doc_events(enum doc_type type, const struct doc_value *values, size_t n,
		  const struct doc_approval *approval, struct tl_event out[DOC_MAX_EVENTS]);

/* 1 when this (validated) document calls for a bijstelling of the plan van
 * aanpak: a voortgangsgesprek that says so, an eerstejaarsevaluatie that
 * chooses spoor 2 or both tracks, an arbeidsdeskundig onderzoek that
 * concludes other than "eigen werk". Feeds riv_input.pva_revision_asked. */
int doc_asks_pva_revision(enum doc_type type, const struct doc_value *values, size_t n);

/* 1 when the field is required for this context and these values. */
int doc_field_required(const struct doc_field *f, const struct doc_ctx *ctx,
		       const struct doc_value *values, size_t n);

const char *doc_check_name(enum doc_check c);
const char *doc_approval_state_name(enum doc_approval_state s);
int doc_approval_state_parse(const char *s, enum doc_approval_state *out);
const char *doc_field_type_name(enum doc_field_type t);

#endif
