/* melding.c - GET /api/v1/cases/{id}/melding-uwv.pdf: the data sheet for
 * the 42-week report to UWV (export/pdf_melding.h), filled from the
 * register (person, employment), the organisation, the sickness mutations,
 * the timeline's melding_uwv step and the responsible casemanager.
 *
 * Access as the re-integratieverslag (documents, read): the employer side of
 * the case and the werknemer, whose copy is the same sheet. Nothing of the
 * medical domain is read here, and the model has no place for it. */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "export/pdf_melding.h"

/* The loonheffingennummer of the newest administratief document, or NULL. */
static int loonheffingennummer(struct api_call *c, int64_t case_id, const char **out,
			       struct sw_error *err)
{
	struct store_document *docs;
	size_t n;
	*out = NULL;
	if (store_document_list(c->st, &c->arena, case_id, &docs, &n, err) != 0)
		return -1;
	const struct store_document *best = NULL;
	for (size_t i = 0; i < n; i++)
		if (docs[i].type == DOC_ADMINISTRATIEF &&
		    (best == NULL || docs[i].latest.date >= best->latest.date))
			best = &docs[i];
	if (best != NULL)
		*out = doc_value_get(best->latest.values, best->latest.nvalues,
				     "loonheffingennummer");
	return 0;
}

/* Who the employee is, who employs them and for how many hours. */
static int register_facts(struct api_call *c, const struct store_case *k, struct pdf_melding *m,
			  struct sw_error *err)
{
	struct store_person p;
	struct store_org o;
	if (store_person_get(c->st, &c->arena, k->person_id, &p, err) != 0 ||
	    store_org_get(c->st, &c->arena, k->organisation_id, &o, err) != 0)
		return -1;
	m->werknemer = p.name;
	m->geboortedatum = p.birth_date;
	m->personeelsnummer = p.personnel_number;
	m->werkgever = o.name;
	if (k->employment_id != 0) {
		struct store_employment e;
		if (store_employment_get(c->st, &c->arena, k->employment_id, &e, err) != 0)
			return -1;
		m->contract_hours = e.contract_hours;
	}
	if (k->casemanager_id != 0) {
		struct store_user u;
		if (store_user_get(c->st, &c->arena, k->casemanager_id, &u, err) != 0)
			return -1;
		m->contact = u.name;
		m->contact_email = u.email;
	}
	return 0;
}

/* The first sick day, the due date and when it was sent, from the timeline. */
static void timeline_facts(const struct tl_timeline *tl, struct pdf_melding *m)
{
	m->eerste_ziektedag = tl->case_start;
	for (size_t i = 0; i < tl->n; i++) {
		const struct tl_deadline *d = &tl->items[i];
		if (d->code != TL_MELDING_UWV)
			continue;
		m->uiterlijk = d->agreed_due != DATE_NONE ? d->agreed_due : d->due_effective;
		m->verzonden = d->done;
	}
}

static int get_melding_pdf(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct tl_timeline *tl = NULL;
	struct sick_state ss;
	struct pdf_melding m = { .geboortedatum = DATE_NONE, .uiterlijk = DATE_NONE,
				 .verzonden = DATE_NONE, .percent_bp = -1,
				 .generated_on = c->today };
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DOCUMENTS, POLICY_READ, &ac, err) != 0 ||
	    api_case_timeline(c, id, &tl, err) != 0)
		return -1;
	if (tl == NULL)
		return sw_error_set(err, SW_ECONFLICT, "id", "the case has no sick period yet");
	timeline_facts(tl, &m);
	free(tl);
	if (register_facts(c, &ac.kase, &m, err) != 0 ||
	    loonheffingennummer(c, id, &m.loonheffingennummer, err) != 0 ||
	    api_sickness_state(c, id, &ss, err) != 0)
		return -1;
	/* Sick now: the current percentage; recovered: 0; no mutations: unknown. */
	m.percent_bp = ss.sick ? ss.percent_bp : ss.spells > 0 ? 0 : -1;

	unsigned char *pdf;
	size_t len;
	char name[PDF_MELDING_NAME_MAX], disposition[PDF_MELDING_NAME_MAX + 32];
	if (pdf_melding_render(&m, &pdf, &len, err) != 0)
		return -1;
	pdf_melding_filename(m.werknemer, m.eerste_ziektedag, name);
	snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", name);
	int rc = http_response_bytes(res, 200, "application/pdf", pdf, len, err);
	free(pdf);
	if (rc == 0)
		rc = http_response_header(res, "Content-Disposition", disposition, err);
	return rc;
}

int api_melding_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	return api_route(r, app, "GET", "/api/v1/cases/{id}/melding-uwv.pdf", get_melding_pdf,
			 err);
}
