/* doc.c - checks a dossier document against its type's schema and derives
 * what recording it means for the timeline. The schemas are in
 * doc_types.c. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

const char *doc_type_name(enum doc_type type)
{
	const struct doc_type_info *t = doc_type_info(type);
	return t != NULL ? t->name : "";
}

int doc_type_parse(const char *s, enum doc_type *out)
{
	for (int i = 0; s != NULL && i < DOC_TYPE__COUNT; i++) {
		if (strcmp(s, doc_type_info((enum doc_type)i)->name) == 0) {
			*out = (enum doc_type)i;
			return 0;
		}
	}
	return -1;
}

int doc_may_author(enum doc_type type, enum role role)
{
	const struct doc_type_info *t = doc_type_info(type);
	return t != NULL && (unsigned)role < ROLE__COUNT && (t->authors & ROLE_BIT(role)) != 0;
}

const struct doc_field *doc_field_find(enum doc_type type, const char *name)
{
	const struct doc_type_info *t = doc_type_info(type);
	for (size_t i = 0; t != NULL && name != NULL && i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return &t->fields[i];
	return NULL;
}

static int is_blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

const char *doc_value_get(const struct doc_value *values, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (values[i].name != NULL && strcmp(values[i].name, name) == 0)
			return is_blank(values[i].value) ? NULL : values[i].value;
	return NULL;
}

static sw_date date_of(const struct doc_value *values, size_t n, const char *name)
{
	sw_date d;
	const char *s = doc_value_get(values, n, name);
	return s != NULL && date_parse(s, &d) == 0 ? d : DATE_NONE;
}

sw_date doc_date(const struct doc_value *values, size_t n)
{
	return date_of(values, n, "datum");
}

static int in_list(const char *const *list, const char *s)
{
	for (; list != NULL && *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

int doc_field_required(const struct doc_field *f, const struct doc_ctx *ctx,
		       const struct doc_value *values, size_t n)
{
	const struct tl_ruleset *r = ctx != NULL && ctx->rules != NULL ? ctx->rules : rules_latest();
	if (f->flags & DOC_F_REQUIRED)
		return 1;
	if ((f->flags & DOC_F_VISION) && r->pva_requires_vision)
		return 1;
	if ((f->flags & DOC_F_REVISION) && ctx != NULL && ctx->version > 1)
		return 1;
	if (f->if_field != NULL) {
		const char *v = doc_value_get(values, n, f->if_field);
		return v != NULL && in_list(f->if_values, v);
	}
	return 0;
}

/* Number of UTF-8 characters, or -1 when s is not valid UTF-8 (overlong
 * forms, surrogates and code points past U+10FFFF included) or holds a
 * control character other than tab, newline and carriage return. */
static long utf8_chars(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	long count = 0;
	while (*p != '\0') {
		unsigned c = *p;
		int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
			: (c & 0xF8) == 0xF0 ? 4 : 0;
		if (len == 0)
			return -1;
		if (len == 1 && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F))
			return -1;
		unsigned cp = len == 1 ? c : c & (0x7Fu >> len);
		for (int i = 1; i < len; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return -1;
			cp = (cp << 6) | (p[i] & 0x3Fu);
		}
		static const unsigned min_cp[5] = { 0, 0, 0x80, 0x800, 0x10000 };
		if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return -1;
		p += len;
		count++;
	}
	return count;
}

static int parse_int(const char *s, long *out)
{
	char *end;
	const char *digits = *s == '-' ? s + 1 : s;
	if (*digits < '0' || *digits > '9' || strlen(s) > 9)
		return -1;
	long v = strtol(s, &end, 10);
	if (*end != '\0')
		return -1;
	*out = v;
	return 0;
}

static enum doc_check fail(struct sw_error *err, enum doc_check c, const char *field,
			   const char *msg)
{
	sw_error_set(err, SW_EINVAL, field, "%s", msg);
	return c;
}

static enum doc_check check_text(const struct doc_field *f, const char *v, struct sw_error *err)
{
	long chars = utf8_chars(v);
	if (chars < 0)
		return fail(err, DOC_E_ENCODING, f->name, "ongeldige tekens (geen UTF-8 of stuurtekens)");
	if (chars > f->max_len) {
		sw_error_set(err, SW_EINVAL, f->name, "te lang: %ld tekens, hoogstens %d", chars,
			     f->max_len);
		return DOC_E_TOO_LONG;
	}
	return DOC_OK;
}

static enum doc_check check_date(const struct doc_field *f, const struct doc_ctx *ctx,
				 const char *v, struct sw_error *err)
{
	sw_date d;
	if (date_parse(v, &d) != 0)
		return fail(err, DOC_E_DATE, f->name, "geen geldige datum (JJJJ-MM-DD)");
	if ((f->flags & DOC_F_PAST) && ctx != NULL && ctx->today != DATE_NONE && d > ctx->today)
		return fail(err, DOC_E_FUTURE, f->name, "datum ligt in de toekomst");
	return DOC_OK;
}

/* The format of one given value. */
static enum doc_check check_value(const struct doc_field *f, const struct doc_ctx *ctx,
				  const char *v, struct sw_error *err)
{
	long num;
	switch (f->type) {
	case DOC_FT_TEXT:
		return check_text(f, v, err);
	case DOC_FT_DATE:
		return check_date(f, ctx, v, err);
	case DOC_FT_ENUM:
		if (!in_list(f->values, v))
			return fail(err, DOC_E_ENUM, f->name, "geen toegestane waarde");
		return DOC_OK;
	case DOC_FT_BOOL:
		if (strcmp(v, "ja") != 0 && strcmp(v, "nee") != 0)
			return fail(err, DOC_E_BOOL, f->name, "kies ja of nee");
		return DOC_OK;
	case DOC_FT_INT:
		if (parse_int(v, &num) != 0 || num < f->min || num > f->max) {
			sw_error_set(err, SW_EINVAL, f->name, "geen geheel getal van %d tot en met %d",
				     f->min, f->max);
			return DOC_E_INT;
		}
		return DOC_OK;
	}
	return fail(err, DOC_E_TYPE, f->name, "onbekend veldtype");
}

static enum doc_check check_given(const struct doc_type_info *t, const struct doc_ctx *ctx,
				  const struct doc_value *values, size_t n, struct sw_error *err)
{
	for (size_t i = 0; i < n; i++) {
		const char *name = values[i].name != NULL ? values[i].name : "";
		const struct doc_field *f = doc_field_find(t->type, name);
		if (f == NULL)
			return fail(err, DOC_E_UNKNOWN_FIELD, name, "onbekend veld voor dit document");
		for (size_t j = 0; j < i; j++)
			if (values[j].name != NULL && strcmp(values[j].name, name) == 0)
				return fail(err, DOC_E_DUPLICATE, name, "veld komt dubbel voor");
		if (is_blank(values[i].value))
			continue;
		enum doc_check c = check_value(f, ctx, values[i].value, err);
		if (c != DOC_OK)
			return c;
	}
	return DOC_OK;
}

static enum doc_check check_schema(const struct doc_type_info *t, const struct doc_ctx *ctx,
				   const struct doc_value *values, size_t n, struct sw_error *err)
{
	for (size_t i = 0; i < t->nfields; i++) {
		const struct doc_field *f = &t->fields[i];
		if (doc_value_get(values, n, f->name) == NULL &&
		    doc_field_required(f, ctx, values, n))
			return fail(err, DOC_E_REQUIRED, f->name, "verplicht veld");
	}
	for (size_t i = 0; i < t->nfields; i++) {
		const struct doc_field *f = &t->fields[i];
		if (f->not_before == NULL)
			continue;
		const sw_date d = date_of(values, n, f->name);
		const sw_date floor = date_of(values, n, f->not_before);
		if (d != DATE_NONE && floor != DATE_NONE && d < floor) {
			const struct doc_field *other = doc_field_find(t->type, f->not_before);
			sw_error_set(err, SW_EINVAL, f->name, "ligt voor %s", other->label_nl);
			return DOC_E_ORDER;
		}
	}
	return DOC_OK;
}

enum doc_check doc_validate(enum doc_type type, const struct doc_ctx *ctx,
			    const struct doc_value *values, size_t n, struct sw_error *err)
{
	const struct doc_type_info *t = doc_type_info(type);
	if (t == NULL)
		return fail(err, DOC_E_TYPE, "type", "onbekend documenttype");
	if (values == NULL)
		n = 0;
	enum doc_check c = check_given(t, ctx, values, n, err);
	if (c == DOC_OK)
		c = check_schema(t, ctx, values, n, err);
	if (c == DOC_OK)
		sw_error_clear(err);
	return c;
}

static int value_is(const struct doc_value *values, size_t n, const char *name,
		    const char *want)
{
	const char *v = doc_value_get(values, n, name);
	return v != NULL && strcmp(v, want) == 0;
}

static size_t push(struct tl_event *out, size_t k, enum tl_event_kind kind, sw_date date)
{
	if (date == DATE_NONE || k >= DOC_MAX_EVENTS)
		return k;
	out[k] = (struct tl_event){ kind, date, 0 };
	return k + 1;
}

/* Return to the own job judged unlikely: the timeline opens the
 * orientation towards the second track (DOMAIN.md section 1). */
static size_t push_unlikely(struct tl_event *out, size_t k, const struct doc_value *v,
			    size_t n)
{
	if (value_is(v, n, "verwachting_terugkeer", "onwaarschijnlijk"))
		k = push(out, k, TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, doc_date(v, n));
	return k;
}

static size_t eje_events(const struct doc_value *v, size_t n, struct tl_event *out)
{
	const sw_date date = doc_date(v, n);
	size_t k = push(out, 0, TL_EV_EERSTEJAARSEVALUATIE, date);
	if (value_is(v, n, "gekozen_spoor", "vrijstelling"))
		k = push(out, k, TL_EV_VRIJSTELLING_TWEEDE_SPOOR, date);
	/* Spoor 2 chosen and already begun (an early start, which the
	 * research recommends): the evaluation records the start too. A start
	 * still to come is recorded by the trajectplan. */
	if (value_is(v, n, "gekozen_spoor", "spoor_2") || value_is(v, n, "gekozen_spoor", "beide"))
		k = push(out, k, TL_EV_START_TWEEDE_SPOOR, date_of(v, n, "start_tweede_spoor"));
	return k;
}

/* An orientation intervention (DOMAIN.md section 1) that has begun. */
static int orientation_started(const struct doc_value *v, size_t n)
{
	static const char *const kinds[] = { "loopbaanorientatie", "rouwverwerking", NULL };
	if (!value_is(v, n, "status", "lopend") && !value_is(v, n, "status", "afgerond"))
		return 0;
	for (size_t i = 0; kinds[i] != NULL; i++)
		if (value_is(v, n, "soort", kinds[i]))
			return 1;
	return 0;
}

size_t doc_events(enum doc_type type, const struct doc_value *v, size_t n,
		  const struct doc_approval *approval, struct tl_event out[DOC_MAX_EVENTS])
{
	const sw_date date = doc_date(v, n);
	switch (type) {
	case DOC_PROBLEEMANALYSE:
		return push_unlikely(out, push(out, 0, TL_EV_PROBLEEMANALYSE, date), v, n);
	case DOC_PLAN_VAN_AANPAK:
		/* Art. 4(1): the plan is drawn up together; it counts once the
		 * employee agreed. A refusal leaves the step open: the remedy is
		 * a deskundigenoordeel or an art. 5 deviation, not a tick. */
		if (approval == NULL || approval->state != DOC_APPROVAL_GEGEVEN)
			return 0;
		return push(out, 0, TL_EV_PLAN_VAN_AANPAK,
			    approval->date != DATE_NONE ? approval->date : date);
	case DOC_VOORTGANGSGESPREK:
		return push(out, 0, TL_EV_VOORTGANGSGESPREK, date);
	case DOC_EERSTEJAARSEVALUATIE:
		return eje_events(v, n, out);
	case DOC_ARBEIDSDESKUNDIG_ONDERZOEK: {
		/* The report completes the orientation phase's assessment; one
		 * that finds work elsewhere marks the own job unlikely. */
		size_t k = push(out, 0, TL_EV_ARBEIDSDESKUNDIG_ONDERZOEK, date);
		if (value_is(v, n, "conclusie", "werk_elders"))
			k = push(out, k, TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, date);
		return k;
	}
	case DOC_INTERVENTIE:
		return orientation_started(v, n)
			       ? push(out, 0, TL_EV_ORIENTATIE_TWEEDE_SPOOR, date_of(v, n, "startdatum"))
			       : 0;
	case DOC_TRAJECTPLAN:
		return push(out, 0, TL_EV_START_TWEEDE_SPOOR, date_of(v, n, "startdatum"));
	case DOC_ACTUEEL_OORDEEL:
		return push_unlikely(out, 0, v, n);
	case DOC_RE_INTEGRATIEVERSLAG:
		return push(out, 0, TL_EV_RE_INTEGRATIEVERSLAG, date_of(v, n, "kopie_werknemer"));
	default:
		return 0;
	}
}

int doc_asks_pva_revision(enum doc_type type, const struct doc_value *v, size_t n)
{
	switch (type) {
	case DOC_VOORTGANGSGESPREK:
		return value_is(v, n, "bijstelling_nodig", "ja");
	case DOC_EERSTEJAARSEVALUATIE:
		/* The route of year 2 changes the plan's goal. */
		return value_is(v, n, "gekozen_spoor", "spoor_2") ||
		       value_is(v, n, "gekozen_spoor", "beide");
	case DOC_ARBEIDSDESKUNDIG_ONDERZOEK:
		return doc_value_get(v, n, "conclusie") != NULL &&
		       !value_is(v, n, "conclusie", "eigen_werk");
	default:
		return 0;
	}
}

const char *doc_check_name(enum doc_check c)
{
	static const char *const names[DOC_CHECK__COUNT] = {
		[DOC_OK] = "ok", [DOC_E_TYPE] = "onbekend_type",
		[DOC_E_UNKNOWN_FIELD] = "onbekend_veld", [DOC_E_DUPLICATE] = "dubbel_veld",
		[DOC_E_REQUIRED] = "verplicht", [DOC_E_TOO_LONG] = "te_lang",
		[DOC_E_ENCODING] = "ongeldige_tekens", [DOC_E_ENUM] = "ongeldige_waarde",
		[DOC_E_DATE] = "ongeldige_datum", [DOC_E_BOOL] = "ongeldige_ja_nee",
		[DOC_E_INT] = "ongeldig_getal", [DOC_E_FUTURE] = "datum_in_toekomst",
		[DOC_E_ORDER] = "datumvolgorde",
	};
	return (unsigned)c < DOC_CHECK__COUNT ? names[c] : "";
}

static const char *const approval_names[DOC_APPROVAL_STATE__COUNT] = {
	[DOC_APPROVAL_NVT] = "nvt", [DOC_APPROVAL_OPEN] = "open",
	[DOC_APPROVAL_GEGEVEN] = "akkoord", [DOC_APPROVAL_GEWEIGERD] = "niet_akkoord",
};

const char *doc_approval_state_name(enum doc_approval_state s)
{
	return (unsigned)s < DOC_APPROVAL_STATE__COUNT ? approval_names[s] : "";
}

int doc_approval_state_parse(const char *s, enum doc_approval_state *out)
{
	for (int i = 0; s != NULL && i < DOC_APPROVAL_STATE__COUNT; i++) {
		if (strcmp(s, approval_names[i]) == 0) {
			*out = (enum doc_approval_state)i;
			return 0;
		}
	}
	return -1;
}

const char *doc_field_type_name(enum doc_field_type t)
{
	switch (t) {
	case DOC_FT_TEXT: return "text";
	case DOC_FT_DATE: return "date";
	case DOC_FT_ENUM: return "enum";
	case DOC_FT_BOOL: return "bool";
	case DOC_FT_INT: return "int";
	}
	return "";
}
