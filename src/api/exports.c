/* exports.c - the dossier leaves the portal: the re-integratieverslag and
 * the plan van aanpak as PDF, the caller's cases and a case's deadlines as
 * CSV, and a calendar feed of the deadlines of all the user's cases behind
 * a secret per-user URL (no cookie: the token is the credential).
 *
 * Exports are built only from functional data: the fields of the dossier
 * document types (core/doc) and the computed timeline. Nothing of the
 * medical domain, no messages, no consents and no free-text event notes go
 * into them, so what the employer exports never holds medical data. */
#include "api.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/riv.h"
#include "export/csv.h"
#include "export/ics.h"
#include "export/nl_text.h"
#include "export/pdf.h"
#include "http/http_json.h"

/* A plan van aanpak rarely has more than a handful of bijstellingen; past
 * this many only the newest are printed in full (all are listed). */
#define PDF_MAX_VERSIONS 40

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

/* An array of n items in the call's arena, zeroed. */
static void *arena_array(struct api_call *c, size_t n, size_t size)
{
	void *p = store_arena_alloc(&c->arena, n > 0 ? n * size : 1);
	if (p != NULL)
		memset(p, 0, n > 0 ? n * size : 1);
	return p;
}

/* Grows *items (of size-byte elements) to hold at least need. */
static int grow(void *items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	const size_t n = *cap > 0 ? 2 * *cap : 8;
	void *p = realloc(*(void **)items, (n > need ? n : need) * size);
	if (p == NULL)
		return -1;
	*(void **)items = p;
	*cap = n > need ? n : need;
	return 0;
}

static char *arena_printf(struct api_call *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static char *arena_printf(struct api_call *c, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return store_arena_strdup(&c->arena, buf);
}

static char *long_date(struct api_call *c, sw_date d)
{
	char buf[NL_DATE_MAX];
	nl_date_long(d, buf);
	return store_arena_strdup(&c->arena, buf);
}

/* Answers with a download. */
static int send_download(struct http_response *res, const char *type, const char *filename,
			 const void *data, size_t len, struct sw_error *err)
{
	char disposition[128];
	snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", filename);
	if (http_response_bytes(res, 200, type, data, len, err) != 0 ||
	    http_response_header(res, "Content-Disposition", disposition, err) != 0)
		return -1;
	return 0;
}

/* ---- the parts of a PDF ------------------------------------------------------- */

/* A field value as people read it: dates in Dutch prose, enum values with
 * spaces for underscores. */
static const char *display_value(struct api_call *c, const struct doc_field *f, const char *v)
{
	if (f->type == DOC_FT_DATE) {
		sw_date d;
		return date_parse(v, &d) == 0 ? long_date(c, d) : v;
	}
	if (f->type != DOC_FT_ENUM)
		return v;
	char *s = store_arena_strdup(&c->arena, v);
	for (char *p = s; p != NULL && *p; p++)
		if (*p == '_')
			*p = ' ';
	return s;
}

/* Whether name is in the NULL-terminated list. */
static int name_in(const char *const *list, const char *name)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

/* The fields of a version in schema order, labelled; only the type's own
 * fields are printed, whatever else the stored content might hold. */
static struct pdf_kv *version_kv_of(struct api_call *c, enum doc_type type,
				    const struct store_document_version *v,
				    const char *const *only, size_t *n)
{
	const struct doc_type_info *t = doc_type_info(type);
	struct pdf_kv *kv = arena_array(c, t->nfields, sizeof *kv);
	*n = 0;
	for (size_t i = 0; kv != NULL && i < t->nfields; i++) {
		const char *val = doc_value_get(v->values, v->nvalues, t->fields[i].name);
		if (val == NULL || (only != NULL && !name_in(only, t->fields[i].name)))
			continue;
		kv[*n].key = t->fields[i].label_nl;
		kv[(*n)++].value = display_value(c, &t->fields[i], val);
	}
	return kv;
}

static struct pdf_kv *version_kv(struct api_call *c, enum doc_type type,
				 const struct store_document_version *v, size_t *n)
{
	return version_kv_of(c, type, v, NULL, n);
}

/* "akkoord op 2 maart 2026", "niet akkoord op ...", "nog niet gegeven". */
static const char *approval_text(struct api_call *c, const struct store_document_version *v)
{
	switch (v->approval) {
	case DOC_APPROVAL_GEGEVEN:
		return arena_printf(c, "akkoord op %s", long_date(c, v->answered_on));
	case DOC_APPROVAL_GEWEIGERD:
		return arena_printf(c, "niet akkoord op %s", long_date(c, v->answered_on));
	case DOC_APPROVAL_OPEN:
		return "nog niet gegeven";
	default:
		return "niet nodig";
	}
}

/* The approval lines of a version: the answer and its comment. */
static struct pdf_kv *approval_kv(struct api_call *c, const struct store_document_version *v,
				  size_t *n)
{
	struct pdf_kv *kv = arena_array(c, 2, sizeof *kv);
	if (kv == NULL)
		return NULL;
	kv[0] = (struct pdf_kv){ "Instemming van de werknemer", approval_text(c, v),
				 v->approval == DOC_APPROVAL_OPEN ? PDF_MARK_MISSING
								  : PDF_MARK_NONE };
	*n = 1;
	if (v->comment != NULL)
		kv[(*n)++] = (struct pdf_kv){ "Toelichting van de werknemer", v->comment,
					      PDF_MARK_NONE };
	return kv;
}

/* The parties: who takes part in the case today, with their organisation. */
static int case_parties(struct api_call *c, int64_t case_id, struct pdf_party **out, size_t *n,
			struct sw_error *err)
{
	struct store_participation *ps;
	size_t np;
	if (store_participation_list(c->st, &c->arena, case_id, &ps, &np, err) != 0)
		return -1;
	struct pdf_party *parties = arena_array(c, np, sizeof *parties);
	if (parties == NULL)
		return oom(err);
	*n = 0;
	for (size_t i = 0; i < np; i++) {
		if (ps[i].from > c->today || (ps[i].until != DATE_NONE && ps[i].until < c->today))
			continue;
		struct store_user u;
		struct store_org o;
		if (store_user_get(c->st, &c->arena, ps[i].user_id, &u, err) != 0)
			return -1;
		if (u.organisation_id != 0 &&
		    store_org_get(c->st, &c->arena, u.organisation_id, &o, err) != 0)
			return -1;
		parties[(*n)++] = (struct pdf_party){ u.name, nl_role_label(ps[i].role),
						      u.organisation_id != 0 ? o.name : NULL };
	}
	*out = parties;
	return 0;
}

/* The title block common to both documents: the case is named by the
 * employee (as in the register: a person need not have an account) and the
 * first sick day, as a UWV assessor files it, never by our case number. */
static int doc_head(struct api_call *c, const struct api_case *ac, const struct tl_timeline *tl,
		    const char *title, struct pdf_doc *doc, struct sw_error *err)
{
	const struct store_case *k = &ac->kase;
	struct store_person emp;
	struct store_org org;
	struct pdf_kv *meta = arena_array(c, 1, sizeof *meta);
	struct pdf_party *parties = NULL;
	if (meta == NULL)
		return oom(err);
	if (store_person_get(c->st, &c->arena, k->person_id, &emp, err) != 0 ||
	    store_org_get(c->st, &c->arena, k->organisation_id, &org, err) != 0 ||
	    case_parties(c, k->id, &parties, &doc->nparties, err) != 0)
		return -1;
	doc->parties = parties;
	meta[0] = (struct pdf_kv){ "Ziekteweek", arena_printf(c, "%d", tl->week), 0 };
	doc->title = arena_printf(c, "%s %s, eerste ziektedag %s", title, emp.name,
				  long_date(c, tl->case_start));
	doc->subtitle = org.name;
	doc->generated_on = c->today;
	doc->author = "Spoorwijzer";
	doc->meta = meta;
	doc->nmeta = 1;
	return 0;
}

static int send_pdf(struct http_response *res, const struct pdf_doc *doc, const char *filename,
		    struct sw_error *err)
{
	unsigned char *pdf;
	size_t len;
	if (pdf_render(doc, &pdf, &len, err) != 0)
		return -1;
	const int rc = send_download(res, "application/pdf", filename, pdf, len, err);
	free(pdf);
	return rc;
}

/* What a PDF of a case needs: access, the timeline, the documents. */
struct case_dossier {
	struct api_case ac;
	struct tl_timeline *tl;          /* malloc'd */
	struct store_document *docs;
	size_t ndocs;
};

static int load_dossier(struct api_call *c, struct case_dossier *d, struct sw_error *err)
{
	int64_t id;
	d->tl = NULL;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DOCUMENTS, POLICY_READ, &d->ac, err) != 0 ||
	    store_document_list(c->st, &c->arena, id, &d->docs, &d->ndocs, err) != 0 ||
	    api_case_timeline(c, id, &d->tl, err) != 0)
		return -1;
	if (d->tl == NULL)
		return sw_error_set(err, SW_ECONFLICT, "id", "the case has no sick period yet");
	return 0;
}

/* The newest document of a type (by its date, then id), or NULL. */
static const struct store_document *newest_of(const struct case_dossier *d, enum doc_type t)
{
	const struct store_document *best = NULL;
	for (size_t i = 0; i < d->ndocs; i++)
		if (d->docs[i].type == t && (best == NULL || d->docs[i].latest.date >= best->latest.date))
			best = &d->docs[i];
	return best;
}

/* Every version of document id: NULL with *n 0 when none. */
static struct store_document_version *all_versions(struct api_call *c, int64_t id, size_t *n,
						   struct sw_error *err)
{
	struct store_document_version *vs;
	if (store_document_versions(c->st, &c->arena, id, &vs, n, err) != 0)
		return NULL;
	return vs;
}

/* The table of all versions of a plan van aanpak: number, date, reason,
 * the employee's answer. */
static struct pdf_table *versions_table(struct api_call *c,
					const struct store_document_version *vs, size_t n)
{
	static const char *const header[] = { "Versie", "Datum", "Aanleiding", "Instemming" };
	static const double widths[] = { 1, 2, 4, 3 };
	struct pdf_table *t = arena_array(c, 1, sizeof *t);
	const char **cells = arena_array(c, 4 * n, sizeof *cells);
	if (t == NULL || cells == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const char *reason = doc_value_get(vs[i].values, vs[i].nvalues,
						   "aanleiding_bijstelling");
		cells[4 * i] = arena_printf(c, "%d", vs[i].version);
		cells[4 * i + 1] = long_date(c, vs[i].date);
		cells[4 * i + 2] = reason != NULL ? reason : (i == 0 ? "eerste versie" : "");
		cells[4 * i + 3] = approval_text(c, &vs[i]);
	}
	*t = (struct pdf_table){ 4, header, cells, n, widths };
	return t;
}

/* Level-2 sections, one per version (the newest PDF_MAX_VERSIONS), under
 * parent number prefix ("g" or NULL for automatic numbers). */
static size_t version_sections(struct api_call *c, const char *prefix,
			       const struct store_document_version *vs, size_t n,
			       struct pdf_section *out)
{
	const size_t first = n > PDF_MAX_VERSIONS ? n - PDF_MAX_VERSIONS : 0;
	size_t k = 0;
	for (size_t i = first; i < n; i++) {
		struct pdf_block *b = arena_array(c, 2, sizeof *b);
		if (b == NULL)
			return k;
		b[0].kind = PDF_KV;
		b[0].kv = version_kv(c, DOC_PLAN_VAN_AANPAK, &vs[i], &b[0].nkv);
		b[1].kind = PDF_KV;
		b[1].kv = approval_kv(c, &vs[i], &b[1].nkv);
		out[k++] = (struct pdf_section){
			2, prefix != NULL ? arena_printf(c, "%s.%d", prefix, vs[i].version) : NULL,
			arena_printf(c, "%s, versie %d van %s",
				     i == 0 ? "Plan van aanpak" : "Bijstelling", vs[i].version,
				     long_date(c, vs[i].date)),
			PDF_MARK_NONE, NULL, b, 2
		};
	}
	return k;
}

/* ---- GET /api/v1/cases/{id}/riv.pdf ------------------------------------------- */

static enum pdf_mark riv_mark(enum riv_status s)
{
	return s == RIV_ONTBREEKT ? PDF_MARK_MISSING
	       : s == RIV_VEROUDERD ? PDF_MARK_STALE : PDF_MARK_NONE;
}

/* The administratief document feeds parts a to d; each prints only its own
 * fields, so the administrative block (a) appears once, not four times. */
static const char *const *admin_fields(char letter)
{
	static const char *const a[] = { "werknemer_naam", "werknemer_geboortedatum",
					 "werknemer_adres", "werkgever_naam", "werkgever_adres",
					 "loonheffingennummer", "bedrijfsarts_naam", "arbodienst",
					 NULL };
	static const char *const b[] = { "aard_bedrijf", NULL };
	static const char *const c[] = { "functie", "uren_per_week", NULL };
	static const char *const d[] = { "vaardigheden", NULL };
	static const char *const none[] = { NULL };
	switch (letter) {
	case 'a': return a;
	case 'b': return b;
	case 'c': return c;
	case 'd': return d;
	default: return none;
	}
}

/* The parties of the case as a table (name, role, organisation). */
static struct pdf_table *parties_table(struct api_call *c, const struct pdf_party *ps, size_t n)
{
	static const char *const header[] = { "Naam", "Rol", "Organisatie" };
	static const double widths[] = { 0.33, 0.30, 0.37 };
	struct pdf_table *t = arena_array(c, 1, sizeof *t);
	const char **cells = arena_array(c, 3 * n, sizeof *cells);
	if (t == NULL || cells == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		cells[3 * i] = ps[i].name;
		cells[3 * i + 1] = ps[i].role;
		cells[3 * i + 2] = ps[i].organisation;
	}
	*t = (struct pdf_table){ 3, header, cells, n, widths };
	return t;
}

/* The blocks of one part: its explanation (unless the marker carries it)
 * and the newest document of each type that feeds it. */
static struct pdf_block *part_blocks(struct api_call *c, const struct case_dossier *d,
				     const struct riv_part *p, const struct pdf_table *parties,
				     size_t *n)
{
	struct pdf_block *b = arena_array(c, 3 + 2 * DOC_TYPE__COUNT, sizeof *b);
	if (b == NULL)
		return NULL;
	*n = 0;
	if (riv_mark(p->status) == PDF_MARK_NONE)
		b[(*n)++] = (struct pdf_block){ .kind = PDF_PARAGRAPH, .text = p->uitleg };
	if (p->letter == 'e') {
		struct pdf_kv *kv = arena_array(c, 1, sizeof *kv);
		if (kv == NULL)
			return NULL;
		kv[0] = (struct pdf_kv){ "Eerste ziektedag", long_date(c, d->tl->case_start), 0 };
		b[(*n)++] = (struct pdf_block){ .kind = PDF_KV, .kv = kv, .nkv = 1 };
	}
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		const struct store_document *doc = newest_of(d, (enum doc_type)t);
		if (!(p->docs & DOC_BIT(t)) || doc == NULL || t == DOC_PLAN_VAN_AANPAK)
			continue;
		const char *const *only = t == DOC_ADMINISTRATIEF ? admin_fields(p->letter) : NULL;
		/* Parts b-d name the administratief document in their explanation. */
		if (only == NULL || p->letter == 'a')
			b[(*n)++] = (struct pdf_block){
				.kind = PDF_PARAGRAPH,
				.text = arena_printf(c, "%s, versie %d van %s",
						     doc_type_info(doc->type)->title_nl,
						     doc->latest.version, long_date(c, doc->latest.date)),
			};
		b[*n].kind = PDF_KV;
		b[*n].kv = version_kv_of(c, doc->type, &doc->latest, only, &b[*n].nkv);
		(*n)++;
	}
	if (p->letter == 'a' && parties->nrows > 0) {
		b[(*n)++] = (struct pdf_block){ .kind = PDF_PARAGRAPH, .text = "Betrokkenen:" };
		b[(*n)++] = (struct pdf_block){ .kind = PDF_TABLE, .table = parties };
	}
	return b;
}

static int get_riv_pdf(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const letters[RIV_PARTS] = { "a", "b", "c", "d", "e", "f",
							"g", "h", "i", "j", "k", "l" };
	struct case_dossier d;
	struct riv_report r;
	struct pdf_doc doc = { 0 };
	int rc = -1;
	if (load_dossier(c, &d, err) != 0 ||
	    api_riv_report(d.tl, d.docs, d.ndocs, c->today, &r, err) != 0 ||
	    doc_head(c, &d.ac, d.tl, "Re-integratieverslag", &doc, err) != 0)
		goto out;
	/* The parties belong to part a, the administrative block: not twice. */
	struct pdf_table *parties = parties_table(c, doc.parties, doc.nparties);
	doc.parties = NULL;
	doc.nparties = 0;
	const struct store_document *pva = newest_of(&d, DOC_PLAN_VAN_AANPAK);
	size_t npva = 0;
	struct store_document_version *pvs = NULL;
	if (pva != NULL && (pvs = all_versions(c, pva->id, &npva, err)) == NULL)
		goto out;
	struct pdf_section *s = arena_array(c, RIV_PARTS + PDF_MAX_VERSIONS, sizeof *s);
	if (s == NULL) {
		oom(err);
		goto out;
	}
	size_t ns = 0;
	for (int i = 0; i < RIV_PARTS; i++) {
		const struct riv_part *p = &r.parts[i];
		struct pdf_section *sec = &s[ns++];
		*sec = (struct pdf_section){ 1, letters[i], riv_part_title(p->letter),
					     riv_mark(p->status), NULL, NULL, 0 };
		if (sec->mark != PDF_MARK_NONE)
			sec->mark_note = p->uitleg;
		if (parties == NULL ||
		    (sec->blocks = part_blocks(c, &d, p, parties, &sec->nblocks)) == NULL) {
			oom(err);
			goto out;
		}
		if (p->letter == 'g' && npva > 0) {
			struct pdf_block *b = arena_array(c, sec->nblocks + 1, sizeof *b);
			struct pdf_table *t = versions_table(c, pvs, npva);
			if (b == NULL || t == NULL) {
				oom(err);
				goto out;
			}
			memcpy(b, sec->blocks, sec->nblocks * sizeof *b);
			b[sec->nblocks] = (struct pdf_block){ .kind = PDF_TABLE, .table = t };
			sec->blocks = b;
			sec->nblocks++;
			ns += version_sections(c, "g", pvs, npva, &s[ns]);
		}
	}
	doc.sections = s;
	doc.nsections = ns;
	char name[64];
	snprintf(name, sizeof name, "re-integratieverslag-zaak-%lld.pdf", (long long)d.ac.kase.id);
	rc = send_pdf(res, &doc, name, err);
out:
	free(d.tl);
	return rc;
}

/* ---- GET /api/v1/cases/{id}/plan-van-aanpak.pdf -------------------------------- */

static int get_pva_pdf(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct case_dossier d;
	struct pdf_doc doc = { 0 };
	int rc = -1;
	if (load_dossier(c, &d, err) != 0)
		goto out;
	const struct store_document *pva = newest_of(&d, DOC_PLAN_VAN_AANPAK);
	if (pva == NULL) {
		sw_error_set(err, SW_ENOTFOUND, "plan_van_aanpak", "the case has no plan van aanpak");
		goto out;
	}
	size_t n;
	struct store_document_version *vs = all_versions(c, pva->id, &n, err);
	struct pdf_section *s = arena_array(c, 2 + PDF_MAX_VERSIONS, sizeof *s);
	struct pdf_block *b = arena_array(c, 3, sizeof *b);
	if (vs == NULL || doc_head(c, &d.ac, d.tl, "Plan van aanpak", &doc, err) != 0)
		goto out;
	struct pdf_table *t = versions_table(c, vs, n);
	if (s == NULL || b == NULL || t == NULL) {
		oom(err);
		goto out;
	}
	const struct store_document_version *latest = &vs[n - 1];
	b[0].kind = PDF_KV;
	b[0].kv = version_kv(c, DOC_PLAN_VAN_AANPAK, latest, &b[0].nkv);
	b[1].kind = PDF_KV;
	b[1].kv = approval_kv(c, latest, &b[1].nkv);
	b[2] = (struct pdf_block){ .kind = PDF_TABLE, .table = t };
	s[0] = (struct pdf_section){ 1, NULL,
				     arena_printf(c, "Plan van aanpak, versie %d van %s",
						  latest->version, long_date(c, latest->date)),
				     latest->approval == DOC_APPROVAL_OPEN ? PDF_MARK_MISSING
									   : PDF_MARK_NONE,
				     latest->approval == DOC_APPROVAL_OPEN
					     ? "De werknemer heeft nog niet ingestemd met deze versie."
					     : NULL,
				     b, 2 };
	s[1] = (struct pdf_section){ 1, NULL, "Alle versies en bijstellingen", PDF_MARK_NONE, NULL,
				     &b[2], 1 };
	const size_t ns = 2 + version_sections(c, NULL, vs, n, &s[2]);
	doc.sections = s;
	doc.nsections = ns;
	char name[64];
	snprintf(name, sizeof name, "plan-van-aanpak-zaak-%lld.pdf", (long long)d.ac.kase.id);
	rc = send_pdf(res, &doc, name, err);
out:
	free(d.tl);
	return rc;
}

/* ---- the caller's cases ----------------------------------------------------------- */

typedef int (*case_fn)(struct api_call *c, const struct store_case *k, void *ctx,
		       struct sw_error *err);

/* Calls fn for each case whose deadlines the caller may read today, with
 * an audit row each, in case id order. */
static int each_case(struct api_call *c, case_fn fn, void *ctx, struct sw_error *err)
{
	const struct store_case_filter f = { .participant_id = c->user->id };
	struct store_case *ks;
	size_t nk;
	if (store_case_list(c->st, &c->arena, &f, &ks, &nk, err) != 0)
		return -1;
	for (size_t i = 0; i < nk; i++) {
		struct policy_decision d;
		enum role role;
		if (api_case_decide(c, &ks[i], POLICY_DEADLINES, POLICY_READ, &d, &role, err) != 0)
			return -1;
		if (!d.allow)
			continue;
		if (api_audit(c, ks[i].id, role, POLICY_DEADLINES, POLICY_READ, d, err) != 0 ||
		    fn(c, &ks[i], ctx, err) != 0)
			return -1;
	}
	return 0;
}

/* "Sanne de Vries" and "Gemeentewerken Breda BV" of a case. */
static int case_names(struct api_call *c, const struct store_case *k, const char **employee,
		      const char **organisation, struct sw_error *err)
{
	struct store_user u;
	struct store_org o;
	if (store_user_get(c->st, &c->arena, k->employee_id, &u, err) != 0 ||
	    store_org_get(c->st, &c->arena, k->organisation_id, &o, err) != 0)
		return -1;
	*employee = u.name;
	*organisation = o.name;
	return 0;
}

/* CSV options from ?format=excel: ';' and a BOM for a Dutch Excel. */
static void csv_opts(const struct api_call *c, struct csv_options *o)
{
	const char *f = http_request_query(c->req, "format");
	const int excel = f != NULL && strcmp(f, "excel") == 0;
	*o = (struct csv_options){ .delimiter = excel ? ';' : ',', .bom = excel };
}

struct case_rows {
	struct csv_case_row *rows;
	size_t n, cap;
};

static int add_case_row(struct api_call *c, const struct store_case *k, void *ctx,
			struct sw_error *err)
{
	struct case_rows *cr = ctx;
	if (grow(&cr->rows, &cr->cap, cr->n + 1, sizeof *cr->rows) != 0)
		return oom(err);
	struct csv_case_row *row = &cr->rows[cr->n];
	*row = (struct csv_case_row){ .id = k->id, .first_sick_day = DATE_NONE,
				      .next_due = DATE_NONE,
				      .status = store_case_status_name(k->status) };
	struct tl_timeline *tl;
	if (case_names(c, k, &row->werknemer, &row->organisation, err) != 0 ||
	    api_case_timeline(c, k->id, &tl, err) != 0)
		return -1;
	if (tl != NULL) {
		row->first_sick_day = tl->case_start;
		row->week = tl->week;
		const struct tl_deadline *next = NULL;
		for (size_t i = 0; i < tl->n; i++) {
			const struct tl_deadline *dl = &tl->items[i];
			if (dl->status == TL_TE_LAAT)
				row->overdue++;
			if ((dl->status == TL_TE_LAAT || dl->status == TL_OPEN ||
			     dl->status == TL_GEPLAND) &&
			    (next == NULL || dl->due_effective < next->due_effective))
				next = dl;
		}
		if (next != NULL) {
			row->next_code = tl_code_name(next->code);
			row->next_due = next->due_effective;
			row->next_status = tl_status_name(next->status);
		}
		free(tl);
	}
	cr->n++;
	return 0;
}

/* Renders with fn into a memory stream and sends it as filename. */
static int send_csv(struct http_response *res, const char *filename, char *buf, size_t len,
		    struct sw_error *err)
{
	const int rc = send_download(res, "text/csv; charset=utf-8", filename, buf, len, err);
	free(buf);
	return rc;
}

static int get_cases_csv(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	if (c->user->is_beheerder)
		return sw_error_set(err, SW_EDENIED, "", "%s",
				    policy_reason_name(POLICY_DENY_BEHEERDER));
	struct case_rows cr = { 0 };
	struct csv_options o;
	csv_opts(c, &o);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = NULL;
	int rc = each_case(c, add_case_row, &cr, err);
	if (rc == 0 && (f = open_memstream(&buf, &len)) == NULL)
		rc = oom(err);
	if (rc == 0)
		rc = csv_export_cases(f, &o, cr.rows, cr.n, err);
	if (f != NULL && fclose(f) != 0 && rc == 0)
		rc = oom(err);
	free(cr.rows);
	if (rc != 0) {
		free(buf);
		return -1;
	}
	return send_csv(res, "zaken.csv", buf, len, err);
}

static int get_deadlines_csv(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct tl_timeline *tl;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_READ, &ac, err) != 0 ||
	    api_case_timeline(c, id, &tl, err) != 0)
		return -1;
	struct csv_deadline_row *rows = arena_array(c, TL_MAX_DEADLINES, sizeof *rows);
	const size_t n = tl != NULL && rows != NULL ? csv_deadline_rows(id, tl, rows) : 0;
	free(tl);
	if (rows == NULL)
		return oom(err);
	struct csv_options o;
	csv_opts(c, &o);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (f == NULL)
		return oom(err);
	int rc = csv_export_deadlines(f, &o, rows, n, err);
	if (fclose(f) != 0 && rc == 0)
		rc = oom(err);
	if (rc != 0) {
		free(buf);
		return -1;
	}
	char name[64];
	snprintf(name, sizeof name, "termijnen-zaak-%lld.csv", (long long)id);
	return send_csv(res, name, buf, len, err);
}

/* ---- the calendar feed ---------------------------------------------------------- */

#define FEED_SUFFIX ".ics"

/* Creates or rotates the caller's feed: the new secret URL is shown once,
 * only its digest is kept, and the previous URL stops working. */
static int post_calendar_feed(struct api_call *c, struct http_response *res,
			      struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	if (c->req->body_len > 0) {
		json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
		static const char *const none[] = { NULL };
		const int rc = body == NULL ? -1 : json_fields_allowed(body, none, err);
		json_decref(body);
		if (rc != 0)
			return -1;
	}
	char token[CRYPTO_TOKEN_STRLEN], digest[CRYPTO_DIGEST_STRLEN], url[128];
	crypto_token(token);
	crypto_token_digest(token, digest);
	if (store_calendar_feed_set(c->st, c->user->id, digest, err) != 0)
		return -1;
	snprintf(url, sizeof url, "/api/v1/calendar/%s" FEED_SUFFIX, token);
	return http_response_json(res, 201, json_pack("{s:s}", "url", url), err);
}

struct feed {
	struct ics_case *cases;
	struct tl_timeline **tls;
	size_t n, cap, captl;
};

static int add_feed_case(struct api_call *c, const struct store_case *k, void *ctx,
			 struct sw_error *err)
{
	struct feed *fd = ctx;
	struct tl_timeline *tl;
	const char *employee, *organisation;
	if (case_names(c, k, &employee, &organisation, err) != 0 ||
	    api_case_timeline(c, k->id, &tl, err) != 0)
		return -1;
	if (tl == NULL)
		return 0;
	if (grow(&fd->cases, &fd->cap, fd->n + 1, sizeof *fd->cases) != 0 ||
	    grow(&fd->tls, &fd->captl, fd->n + 1, sizeof *fd->tls) != 0) {
		free(tl);
		return oom(err);
	}
	fd->tls[fd->n] = tl;
	fd->cases[fd->n++] = (struct ics_case){
		k->id, arena_printf(c, "%s (%s)", employee, organisation), tl, NULL
	};
	return 0;
}

/* The user of a feed file name "<token>.ics"; anything else is 404. */
static int feed_user(struct api_call *c, struct api_user *u, struct sw_error *err)
{
	const char *file = http_request_param(c->req, "file");
	const size_t len = file != NULL ? strlen(file) : 0;
	const size_t slen = sizeof FEED_SUFFIX - 1;
	char token[CRYPTO_TOKEN_STRLEN], digest[CRYPTO_DIGEST_STRLEN];
	if (len <= slen || len - slen >= sizeof token ||
	    strcmp(file + len - slen, FEED_SUFFIX) != 0)
		return sw_error_set(err, SW_ENOTFOUND, "token", "no such calendar feed");
	memcpy(token, file, len - slen);
	token[len - slen] = '\0';
	crypto_token_digest(token, digest);
	struct store_user su;
	struct store_user_auth ua;
	if (store_calendar_feed_user(c->st, digest, &u->id, err) != 0 ||
	    store_user_get(c->st, &c->arena, u->id, &su, err) != 0 ||
	    store_user_auth_get(c->st, &c->arena, u->id, &ua, err) != 0)
		return -1;
	snprintf(u->name, sizeof u->name, "%s", su.name);
	snprintf(u->email, sizeof u->email, "%s", su.email);
	u->organisation_id = su.organisation_id;
	u->is_beheerder = ua.is_beheerder != 0;
	return 0;
}

static int get_calendar(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_user u = { 0 };
	if (feed_user(c, &u, err) != 0)
		return -1;
	/* The token stands in for the session: access and audit as that user. */
	c->user = &u;
	struct feed fd = { 0 };
	char *ics = NULL;
	size_t len = 0;
	const struct ics_options opt = { .calname = "Spoorwijzer termijnen", .stamp = api_now(),
					 .alarm_days = 7 };
	int rc = each_case(c, add_feed_case, &fd, err);
	if (rc == 0)
		rc = ics_render(fd.cases, fd.n, &opt, &ics, &len, err);
	for (size_t i = 0; i < fd.n; i++)
		free(fd.tls[i]);
	free(fd.tls);
	free(fd.cases);
	if (rc == 0)
		rc = http_response_bytes(res, 200, "text/calendar; charset=utf-8", ics, len, err);
	free(ics);
	c->user = NULL;
	return rc;
}

int api_exports_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/riv.pdf", get_riv_pdf, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/plan-van-aanpak.pdf", get_pva_pdf,
		      err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases.csv", get_cases_csv, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/deadlines.csv", get_deadlines_csv,
		      err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/calendar-feed", post_calendar_feed, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/calendar/{file}", get_calendar, err) != 0)
		return -1;
	return 0;
}
