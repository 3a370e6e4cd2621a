/* spelregels.c - /api/v1/cases/{id}/pipeline/{eid}/spelregels: the rules
 * of the game of one proposal (DOMAIN.md section 6), recorded before a
 * proefplaatsing or detachering and agreed by the sending employer
 * (werkgever of the case), the receiving one (netwerkwerkgever) and the
 * candidate (werknemer); the store refuses those moves until all three
 * agreed. Until recorded, GET answers a proposal prefilled from the
 * receiving organisation's defaults (network_conditions) and the offer.
 * Changing the rules withdraws every agreement. */
#include "api.h"

#include <string.h>

#include "http/http_json.h"

/* The weeks a proposal starts with when the offer names none: a
 * proefplaatsing is typically one month (DOMAIN.md section 6). */
#define DEFAULT_WEEKS 4

static const char *const risks[] = { "verzendende_werkgever", "ontvangende_werkgever", NULL };

/* The entry of the case the caller may see (a network employer only the
 * entries of its own offers), else SW_ENOTFOUND field "eid". */
static int entry_of(struct api_call *c, enum policy_action action, struct api_case *ac,
		    struct store_pipeline_entry *e, struct sw_error *err)
{
	int64_t id, eid;
	struct sw_error ge;
	if (api_param_id(c, "id", &id, err) != 0 || api_param_id(c, "eid", &eid, err) != 0 ||
	    api_case_access(c, id, POLICY_PLACEMENT, action, ac, err) != 0)
		return -1;
	if (store_pipeline_get(c->st, &c->arena, eid, e, &ge) != 0) {
		if (ge.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ENOTFOUND, "eid", "no such pipeline entry");
		if (err != NULL)
			*err = ge;
		return -1;
	}
	if (e->case_id != id ||
	    (ac->role == ROLE_NETWERKWERKGEVER && e->offer_org_id != c->user->organisation_id))
		return sw_error_set(err, SW_ENOTFOUND, "eid", "no such pipeline entry");
	return 0;
}

static json_t *str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *rules_json(const struct store_spelregels *s, bool recorded)
{
	json_t *akkoord = json_object();
	bool complete = recorded;
	for (int i = 0; akkoord != NULL && i < STORE_PARTY__COUNT; i++) {
		const bool agreed = s->agreed_at[i] != NULL;
		complete = complete && agreed;
		json_object_set_new(
			akkoord, store_party_name((enum store_party)i),
			agreed ? json_pack("{s:b, s:I, s:s, s:b}", "agreed", 1, "user_id",
					   (json_int_t)s->agreed_by[i], "at", s->agreed_at[i],
					   "on_behalf", s->on_behalf[i] != 0)
			       : json_pack("{s:b, s:n, s:n, s:b}", "agreed", 0, "user_id", "at",
					   "on_behalf", 0));
	}
	return json_pack("{s:I, s:b, s:o, s:o, s:i, s:o, s:b, s:o, s:i, s:o, s:o, s:b}",
			 "entry_id", (json_int_t)s->entry_id, "recorded", recorded, "version",
			 recorded ? json_integer(s->version) : json_null(), "ziekterisico",
			 str_or_null(s->ziekterisico), "loonkosten_percentage",
			 s->loonkosten_percentage, "bij_terugval", str_or_null(s->bij_terugval),
			 "intentie_dienstverband", s->intentie_dienstverband != 0, "contactpersoon",
			 str_or_null(s->contactpersoon), "duur_weken", s->duur_weken, "updated_at",
			 recorded ? str_or_null(s->updated_at) : json_null(), "akkoord", akkoord,
			 "complete", complete);
}

/* The recorded rules, or the proposal from the organisation's defaults
 * and the offer; *recorded tells which. */
static int rules_of(struct api_call *c, const struct store_pipeline_entry *e,
		    struct store_spelregels *s, bool *recorded, struct sw_error *err)
{
	struct sw_error ge;
	if (store_spelregels_get(c->st, &c->arena, e->id, s, &ge) == 0) {
		*recorded = true;
		return 0;
	}
	if (ge.code != SW_ENOTFOUND) {
		if (err != NULL)
			*err = ge;
		return -1;
	}
	*recorded = false;
	struct store_offer o;
	struct store_network_conditions k;
	if (store_offer_get(c->st, &c->arena, e->offer_id, &o, err) != 0)
		return -1;
	memset(s, 0, sizeof *s);
	s->entry_id = e->id;
	/* DOMAIN.md: the sending employer carries the sickness risk. */
	s->ziekterisico = risks[0];
	s->intentie_dienstverband = o.intent_to_hire;
	s->duur_weken = o.duration_weeks > 0 ? o.duration_weeks : DEFAULT_WEEKS;
	if (store_network_conditions_get(c->st, &c->arena, e->offer_org_id, &k, &ge) == 0) {
		s->ziekterisico = k.ziekterisico;
		s->loonkosten_percentage = k.loonkosten_percentage;
		s->bij_terugval = k.bij_terugval;
		s->intentie_dienstverband = k.intentie_dienstverband;
		s->contactpersoon = k.contactpersoon;
	} else if (ge.code != SW_ENOTFOUND) {
		if (err != NULL)
			*err = ge;
		return -1;
	}
	return 0;
}

static int reply_rules(struct api_call *c, struct http_response *res,
		       const struct store_pipeline_entry *e, struct sw_error *err)
{
	struct store_spelregels s;
	bool recorded;
	if (rules_of(c, e, &s, &recorded, err) != 0)
		return -1;
	json_t *j = rules_json(&s, recorded);
	return j != NULL ? http_response_json(res, 200, j, err)
			 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static int get_rules(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_pipeline_entry e;
	if (entry_of(c, POLICY_READ, &ac, &e, err) != 0)
		return -1;
	return reply_rules(c, res, &e, err);
}

static int put_rules(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "ziekterisico",	   "loonkosten_percentage",
					      "bij_terugval",	   "intentie_dienstverband",
					      "contactpersoon",	   "duur_weken",
					      NULL };
	struct api_case ac;
	struct store_pipeline_entry e;
	if (entry_of(c, POLICY_WRITE, &ac, &e, err) != 0)
		return -1;
	if (e.stage != NETWORK_VOORGESTELD && e.stage != NETWORK_KENNISMAKING)
		return sw_error_set(err, SW_ECONFLICT, "stage",
				    "the spelregels are fixed once the placement started");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	struct store_spelregels s = { .entry_id = e.id, .updated_by = c->user->id };
	int risk = 0, rc = -1;
	int64_t pct = 0, weeks = 0;
	bool intent = false;
	if (json_fields_allowed(body, fields, err) == 0 &&
	    json_field_enum(body, "ziekterisico", JSON_FIELD_REQUIRED, risks, &risk, err) >= 0 &&
	    json_field_int(body, "loonkosten_percentage", JSON_FIELD_REQUIRED, 0, 100, &pct,
			   err) >= 0 &&
	    json_field_string(body, "bij_terugval", JSON_FIELD_REQUIRED, 4000, &s.bij_terugval,
			      err) >= 0 &&
	    json_field_bool(body, "intentie_dienstverband", JSON_FIELD_REQUIRED, &intent, err) >= 0 &&
	    json_field_string(body, "contactpersoon", JSON_FIELD_REQUIRED, 200, &s.contactpersoon,
			      err) >= 0 &&
	    json_field_int(body, "duur_weken", JSON_FIELD_REQUIRED, 1, 104, &weeks, err) >= 0) {
		s.ziekterisico = risks[risk];
		s.loonkosten_percentage = (int)pct;
		s.intentie_dienstverband = intent;
		s.duur_weken = (int)weeks;
		if (store_spelregels_put(c->st, &s, err) == 0)
			rc = reply_rules(c, res, &e, err);
	}
	json_decref(body);
	return rc;
}

static const char *const party_names[] = { "werkgever", "netwerkwerkgever", "werknemer", NULL };

/* The party the caller agrees for: its own role in the case; or, for the
 * arbeidsdeskundige and re-integratieprofessional, the receiving employer
 * whose signed agreement they record (network employers seldom log in,
 * DOMAIN.md section 6). */
static int party_of(enum role role, int asked, enum store_party *party, int *on_behalf,
		    struct sw_error *err)
{
	int own = -1;
	switch (role) {
	case ROLE_WERKGEVER: own = STORE_PARTY_WERKGEVER; break;
	case ROLE_NETWERKWERKGEVER: own = STORE_PARTY_NETWERKWERKGEVER; break;
	case ROLE_WERKNEMER: own = STORE_PARTY_WERKNEMER; break;
	default: break;
	}
	*on_behalf = 0;
	if (own >= 0 && (asked < 0 || asked == own)) {
		*party = (enum store_party)own;
		return 0;
	}
	if ((role == ROLE_ARBEIDSDESKUNDIGE || role == ROLE_REINTEGRATIEPROFESSIONAL) &&
	    asked == STORE_PARTY_NETWERKWERKGEVER) {
		*party = STORE_PARTY_NETWERKWERKGEVER;
		*on_behalf = 1;
		return 0;
	}
	return sw_error_set(err, SW_EDENIED, "party",
			    "the werkgever, the netwerkwerkgever and the werknemer agree for"
			    " themselves; a professional of the case records only the"
			    " netwerkwerkgever's signed agreement");
}

static int post_akkoord(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "version", "party", NULL };
	struct api_case ac;
	struct store_pipeline_entry e;
	if (entry_of(c, POLICY_READ, &ac, &e, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int64_t version = 0;
	int asked = -1, rc = -1, on_behalf = 0;
	enum store_party party = STORE_PARTY_WERKGEVER;
	if (json_fields_allowed(body, fields, err) == 0 &&
	    json_field_int(body, "version", JSON_FIELD_REQUIRED, 1, INT32_MAX, &version, err) >= 0 &&
	    json_field_enum(body, "party", JSON_FIELD_NULLABLE, party_names, &asked, err) >= 0 &&
	    party_of(ac.role, asked, &party, &on_behalf, err) == 0 &&
	    store_spelregels_agree(c->st, e.id, (int)version, party, c->user->id, on_behalf,
				   err) == 0)
		rc = reply_rules(c, res, &e, err);
	json_decref(body);
	return rc;
}

int api_spelregels_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/pipeline/{eid}/spelregels", get_rules,
		      err) != 0 ||
	    api_route(r, app, "PUT", "/api/v1/cases/{id}/pipeline/{eid}/spelregels", put_rules,
		      err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/pipeline/{eid}/spelregels/akkoord",
		      post_akkoord, err) != 0)
		return -1;
	return 0;
}
