/* matches.c - the matcher over HTTP, both ways (DOMAIN.md section 6):
 *
 * GET /api/v1/cases/{id}/matches            the best offers for the case's
 *     zoekprofiel, each with every factor and its weight (resource
 *     placement_offer, read: the parties of the case);
 * GET /api/v1/cases/{id}/matches/{offer_id} one pair explained, with the
 *     reasons it is excluded if it is;
 * GET /api/v1/offers/{id}/candidates        the best candidates for an
 *     offer of the caller's organisation, only among employees who
 *     consented, as anonymous teasers under a pseudonym per offer (never
 *     the case id); every candidate shown is an audit row in that case;
 * GET /api/v1/offers/{id}/candidates/{candidate_id}  one of them again by
 *     its pseudonym (from the list or an alert), explained. */
#include "network_json.h"

#include "http/http_json.h"

#define MATCHES_DEFAULT 20
#define MATCHES_MAX 100

/* The offer as a party of the case sees it: what the employer offers,
 * not who at the employer entered it. */
static json_t *offer_summary(const struct store_offer *o)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:i, s:i, s:s, s:o, s:o, s:o, s:b, s:s}",
			 "id", (json_int_t)o->id, "organisation", o->organisation_name, "title",
			 o->title, "type", match_type_name(o->type), "sector",
			 network_sector_name(o->sector), "hours_min", o->hours_min, "hours_max",
			 o->hours_max, "postcode", o->postcode, "guidance",
			 api_net_set_json(o->guidance, &api_net_guidance), "duration_weeks",
			 o->duration_weeks > 0 ? json_integer(o->duration_weeks) : json_null(),
			 "instruments", api_net_set_json(o->instruments, &api_net_instruments),
			 "intent_to_hire", o->intent_to_hire != 0, "status",
			 o->open ? "open" : "gesloten");
}

static json_t *item(json_t *value, const char *key, const struct match_result *r)
{
	json_t *score = api_net_result_json(r);
	if (value == NULL || score == NULL) {
		json_decref(value);
		json_decref(score);
		return NULL;
	}
	return json_pack("{s:o, s:o}", key, value, "score", score);
}

/* The case (access checked) and its profile as the matcher takes it. */
static int case_candidate(struct api_call *c, int64_t id, struct match_candidate *cand,
			  struct sw_error *err)
{
	struct api_case ac;
	struct store_zoekprofiel z;
	if (api_case_access(c, id, POLICY_PLACEMENT_OFFER, POLICY_READ, &ac, err) != 0 ||
	    store_zoekprofiel_get(c->st, &c->arena, id, &z, err) != 0)
		return -1;
	store_zoekprofiel_to_match(&z, ac.kase.organisation_id, cand);
	return 0;
}

static int list_matches(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	int limit;
	struct match_candidate cand;
	struct api_net_snapshot *snap;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_net_query_limit(c, MATCHES_DEFAULT, MATCHES_MAX, &limit, err) != 0 ||
	    case_candidate(c, id, &cand, err) != 0 || api_net_offers(c, &snap, err) != 0)
		return -1;
	struct match_result top[MATCHES_MAX];
	const size_t n = match_top_offers(&cand, snap->items, snap->n, (size_t)limit, top);
	api_net_snapshot_put(snap);
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++) {
		struct store_offer o;
		if (store_offer_get(c->st, &c->arena, top[i].offer_id, &o, err) != 0) {
			json_decref(items);
			return -1;
		}
		json_t *it = item(offer_summary(&o), "offer", &top[i]);
		if (it == NULL || json_array_append_new(items, it) != 0) {
			json_decref(items);
			items = NULL;
		}
	}
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return http_response_json(res, 200,
				  json_pack("{s:s, s:o}", "weights_version",
					    match_weights_current()->version, "items", items),
				  err);
}

static int explain_match(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id, offer_id;
	struct match_candidate cand;
	struct store_offer o;
	struct sw_error e;
	if (api_param_id(c, "id", &id, err) != 0 || api_param_id(c, "offer_id", &offer_id, err) != 0 ||
	    case_candidate(c, id, &cand, err) != 0)
		return -1;
	if (store_offer_get(c->st, &c->arena, offer_id, &o, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ENOTFOUND, "offer_id", "no such offer");
		if (err != NULL)
			*err = e;
		return -1;
	}
	struct match_offer mo;
	struct match_result r;
	store_offer_to_match(&o, &mo);
	match_pair(&cand, &mo, &r);
	json_t *it = item(offer_summary(&o), "offer", &r);
	return it != NULL ? http_response_json(res, 200, it, err)
			  : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

/* The stage of the candidate for this offer, if proposed. */
static json_t *stage_of(const struct store_pipeline_entry *es, size_t n, int64_t case_id)
{
	for (size_t i = 0; i < n; i++)
		if (es[i].case_id == case_id)
			return json_string(network_stage_name(es[i].stage));
	return json_null();
}

/* The item of one candidate shown for offer o: its teaser under the
 * pseudonym for o, its stage there, the score r. *shown 0 (and no item)
 * when the candidate no longer consents or the case closed: checked per
 * candidate, so that a revocation since the matcher's copy was loaded
 * hides the candidate now, not at the next reload. Every candidate shown
 * is an audit row in its case. */
static int candidate_item(struct api_call *c, const struct store_offer *o, int64_t case_id,
			  const struct match_result *r, const struct store_pipeline_entry *es,
			  size_t nes, json_t **out, struct sw_error *err)
{
	const struct policy_decision shown = { true, POLICY_ALLOW_CONSENT };
	struct store_zoekprofiel z;
	char token[STORE_PSEUDONYM_STRLEN];
	int consent;
	*out = NULL;
	if (store_network_consent(c->st, case_id, c->today, &consent, err) != 0)
		return -1;
	if (!consent)
		return 0;
	if (store_zoekprofiel_get(c->st, &c->arena, case_id, &z, err) != 0 ||
	    store_candidate_pseudonym(c->st, o->id, case_id, token, err) != 0 ||
	    api_audit(c, case_id, ROLE_NETWERKWERKGEVER, POLICY_ZOEKPROFIEL, POLICY_READ, shown,
		      err) != 0)
		return -1;
	json_t *teaser = api_zoekprofiel_teaser(&z, token, c->today);
	if (teaser != NULL)
		json_object_set_new(teaser, "stage", stage_of(es, nes, case_id));
	*out = item(teaser, "candidate", r);
	return *out != NULL ? 0 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static int list_candidates(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	int limit;
	struct store_offer o;
	struct api_net_snapshot *snap;
	struct store_pipeline_entry *es;
	size_t nes;
	if (api_param_id(c, "id", &id, err) != 0 || api_net_own_offer(c, id, &o, err) != 0 ||
	    api_net_query_limit(c, MATCHES_DEFAULT, MATCHES_MAX, &limit, err) != 0 ||
	    store_pipeline_list(c->st, &c->arena, 0, id, &es, &nes, err) != 0 ||
	    api_net_candidates(c, &snap, err) != 0)
		return -1;
	struct match_offer mo;
	struct match_result top[MATCHES_MAX];
	store_offer_to_match(&o, &mo);
	const size_t n = match_top_candidates(&mo, snap->items, snap->n, (size_t)limit, top);
	api_net_snapshot_put(snap);
	json_t *items = json_array();
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		json_t *it;
		if (candidate_item(c, &o, top[i].candidate_id, &top[i], es, nes, &it, err) != 0 ||
		    (it != NULL && json_array_append_new(items, it) != 0)) {
			json_decref(items);
			return -1;
		}
	}
	return http_response_json(res, 200,
				  json_pack("{s:s, s:o}", "weights_version",
					    match_weights_current()->version, "items", items),
				  err);
}

/* One candidate of the offer by the pseudonym a network employer was
 * shown (in the list or in an alert): the same item, explained. */
static int get_candidate(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id, case_id;
	struct store_offer o;
	struct store_case k;
	struct store_zoekprofiel z;
	struct store_pipeline_entry *es;
	size_t nes;
	if (api_param_id(c, "id", &id, err) != 0 || api_net_own_offer(c, id, &o, err) != 0 ||
	    store_candidate_by_pseudonym(c->st, id, http_request_param(c->req, "candidate_id"),
					 &case_id, err) != 0 ||
	    store_case_get(c->st, &c->arena, case_id, &k, err) != 0 ||
	    store_zoekprofiel_get(c->st, &c->arena, case_id, &z, err) != 0 ||
	    store_pipeline_list(c->st, &c->arena, 0, id, &es, &nes, err) != 0)
		return -1;
	struct match_offer mo;
	struct match_candidate mc;
	struct match_result r;
	store_offer_to_match(&o, &mo);
	store_zoekprofiel_to_match(&z, k.organisation_id, &mc);
	match_pair(&mc, &mo, &r);
	json_t *it;
	if (candidate_item(c, &o, case_id, &r, es, nes, &it, err) != 0)
		return -1;
	if (it == NULL)
		return sw_error_set(err, SW_ENOTFOUND, "candidate_id",
				    "no longer a candidate (consent withdrawn or case closed)");
	return http_response_json(res, 200, it, err);
}

int api_matches_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/matches", list_matches, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/matches/{offer_id}", explain_match,
		      err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/offers/{id}/candidates", list_candidates, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/offers/{id}/candidates/{candidate_id}", get_candidate,
		      err) != 0)
		return -1;
	return 0;
}
