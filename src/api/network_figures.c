/* network_figures.c - GET /api/v1/network/figures?from=&to=: how the
 * network does (DOMAIN.md sections 6 and 7): offers, proposals, placements
 * started in the period and how many of them lasted 6 and 12 months by
 * today, and per employer the balance of candidates sent (brengen) and
 * received (halen). Counts only, never a person; for the beheerder, the
 * network's employers and those who propose candidates (werkgever,
 * arbeidsdeskundige, re-integratieprofessional in some case). */
#include "network_json.h"

#include "export/timeline_json.h"
#include "http/http_json.h"

#define FIGURE_ROLES                                                                   \
	(ROLE_BIT(ROLE_WERKGEVER) | ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE) |                  \
	 ROLE_BIT(ROLE_REINTEGRATIEPROFESSIONAL))

static int may_see(struct api_call *c, struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	if (c->user->is_beheerder)
		return 0;
	struct store_org org;
	struct sw_error e;
	if (c->user->organisation_id != 0 &&
	    store_org_get(c->st, &c->arena, c->user->organisation_id, &org, &e) == 0 &&
	    org.kind == STORE_ORG_NETWERK)
		return 0;
	unsigned roles;
	if (store_user_case_roles(c->st, c->user->id, c->today, &roles, err) != 0)
		return -1;
	if (roles & FIGURE_ROLES)
		return 0;
	return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(POLICY_DENY_ROLE));
}

static int query_date(const struct api_call *c, const char *name, sw_date *out,
		      struct sw_error *err)
{
	const char *s = http_request_query(c->req, name);
	if (s == NULL)
		return sw_error_set(err, SW_EINVAL, name, "required (YYYY-MM-DD)");
	if (date_parse(s, out) != 0)
		return sw_error_set(err, SW_EINVAL, name, "not a date (YYYY-MM-DD)");
	return 0;
}

static int get_figures(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	sw_date from, to;
	struct store_network_figures f;
	if (may_see(c, err) != 0 || query_date(c, "from", &from, err) != 0 ||
	    query_date(c, "to", &to, err) != 0 ||
	    store_network_figures(c->st, &c->arena, from, to, c->today, &f, err) != 0)
		return -1;
	json_t *emp = json_array();
	for (size_t i = 0; emp != NULL && i < f.nemployers; i++) {
		const struct store_network_employer *e = &f.employers[i];
		json_t *o = json_pack("{s:I, s:s, s:i, s:i, s:i, s:i, s:i}", "organisation_id",
				      (json_int_t)e->organisation_id, "name", e->name, "brengen",
				      e->brengen, "halen", e->halen, "brengen_geplaatst",
				      e->brengen_geplaatst, "halen_geplaatst", e->halen_geplaatst,
				      "saldo", e->halen_geplaatst - e->brengen_geplaatst);
		if (o == NULL || json_array_append_new(emp, o) != 0) {
			json_decref(emp);
			emp = NULL;
		}
	}
	if (emp == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return http_response_json(
		res, 200,
		json_pack("{s:o, s:o, s:i, s:i, s:i, s:i, s:i, s:i, s:o}", "from", json_date(from),
			  "to", json_date(to), "offers_open", f.offers_open, "offers_new",
			  f.offers_new, "proposals", f.proposals, "placements", f.placements,
			  "lasting_6_months", f.lasting_6, "lasting_12_months", f.lasting_12,
			  "employers", emp),
		err);
}

int api_network_figures_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	return api_route(r, app, "GET", "/api/v1/network/figures", get_figures, err);
}
