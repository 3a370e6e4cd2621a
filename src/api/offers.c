/* offers.c - /api/v1/offers: a network employer's placement offers, and
 * /api/v1/network/conditions: its spelregels (DOMAIN.md section 6). Only
 * users of the offering organisation read and write them here (resource
 * placement_offer, own organisation); everyone else meets an offer only
 * as a match of a case they take part in (matches.c). An offer is never
 * deleted: proposals refer to it; status "gesloten" takes it off the
 * matcher. */
#include "network_json.h"

#include "http/http_json.h"

#define OFFERS_MAX_HOURS 60

json_t *api_offer_json(const struct store_offer *o)
{
	json_t *demands = api_net_levels_json(o->demands);
	return json_pack("{s:I, s:{s:I, s:s}, s:s, s:s, s:s, s:s, s:i, s:i, s:s, s:o, s:o, s:o,"
			 " s:o, s:o, s:o, s:o, s:o, s:b, s:s, s:s, s:s}",
			 "id", (json_int_t)o->id, "organisation", "id",
			 (json_int_t)o->organisation_id, "name", o->organisation_name, "title",
			 o->title, "type", match_type_name(o->type), "tasks", o->tasks, "sector",
			 network_sector_name(o->sector), "hours_min", o->hours_min, "hours_max",
			 o->hours_max, "postcode", o->postcode, "lat",
			 api_net_coord_json(o->has_coord, o->lat_e6), "lon",
			 api_net_coord_json(o->has_coord, o->lon_e6), "demands", demands, "guidance",
			 api_net_set_json(o->guidance, &api_net_guidance), "duration_weeks",
			 o->duration_weeks > 0 ? json_integer(o->duration_weeks) : json_null(),
			 "instruments", api_net_set_json(o->instruments, &api_net_instruments),
			 "features", api_net_set_json(o->features, &api_net_wishes), "skills",
			 api_net_set_json(o->skills, &api_net_skills), "intent_to_hire",
			 o->intent_to_hire != 0, "status", o->open ? "open" : "gesloten",
			 "created_at", o->created_at, "updated_at", o->updated_at);
}

/* Reads a whole offer (POST and PUT take the same body) into o. */
static int offer_from_json(const json_t *body, struct store_offer *o, struct sw_error *err)
{
	static const char *const fields[] = {
		"title", "type", "tasks", "sector", "hours_min", "hours_max", "postcode", "lat",
		"lon", "demands", "guidance", "duration_weeks", "instruments", "features",
		"skills", "intent_to_hire", "status", NULL,
	};
	static const char *const types[] = { "detachering", "proefplaatsing",
					     "werkervaringsplaats", "vacature", NULL };
	static const char *const statuses[] = { "open", "gesloten", NULL };
	const char *sector = NULL;
	int type = 0, status = 0;
	int64_t hmin = 0, hmax = 0, weeks = 0;
	uint64_t guidance = 0, instruments = 0, features = 0;
	bool intent = false;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "title", JSON_FIELD_REQUIRED, 200, &o->title, err) < 0 ||
	    json_field_enum(body, "type", JSON_FIELD_REQUIRED, types, &type, err) < 0 ||
	    json_field_string(body, "tasks", JSON_FIELD_REQUIRED, 4000, &o->tasks, err) < 0 ||
	    json_field_string(body, "sector", JSON_FIELD_REQUIRED, 64, &sector, err) < 0 ||
	    json_field_int(body, "hours_min", JSON_FIELD_REQUIRED, 0, OFFERS_MAX_HOURS, &hmin,
			   err) < 0 ||
	    json_field_int(body, "hours_max", JSON_FIELD_REQUIRED, 1, OFFERS_MAX_HOURS, &hmax,
			   err) < 0 ||
	    json_field_string(body, "postcode", JSON_FIELD_REQUIRED, 7, &o->postcode, err) < 0 ||
	    api_net_field_coord(body, &o->has_coord, &o->lat_e6, &o->lon_e6, err) != 0 ||
	    api_net_field_levels(body, "demands", false, 0, o->demands, err) < 0 ||
	    api_net_field_set(body, "guidance", &api_net_guidance, &guidance, err) < 0 ||
	    json_field_int(body, "duration_weeks", JSON_FIELD_NULLABLE, 1, 520, &weeks, err) < 0 ||
	    api_net_field_set(body, "instruments", &api_net_instruments, &instruments, err) < 0 ||
	    api_net_field_set(body, "features", &api_net_wishes, &features, err) < 0 ||
	    api_net_field_set(body, "skills", &api_net_skills, &o->skills, err) < 0 ||
	    json_field_bool(body, "intent_to_hire", JSON_FIELD_OPTIONAL, &intent, err) < 0 ||
	    json_field_enum(body, "status", JSON_FIELD_OPTIONAL, statuses, &status, err) < 0)
		return -1;
	if (network_sector_parse(sector, &o->sector) != 0)
		return sw_error_set(err, SW_EINVAL, "sector", "unknown sector");
	if (hmin > hmax)
		return sw_error_set(err, SW_EINVAL, "hours_min", "above hours_max");
	o->type = (enum match_type)type;
	o->hours_min = (int)hmin;
	o->hours_max = (int)hmax;
	o->duration_weeks = (int)weeks;
	o->guidance = (unsigned)guidance;
	o->instruments = (unsigned)instruments;
	o->features = (unsigned)features;
	o->intent_to_hire = intent;
	o->open = status == 0;
	return 0;
}

static int reply_offer(struct api_call *c, struct http_response *res, unsigned status,
		       int64_t id, struct sw_error *err)
{
	struct store_offer o;
	if (store_offer_get(c->st, &c->arena, id, &o, err) != 0)
		return -1;
	json_t *j = api_offer_json(&o);
	return j != NULL ? http_response_json(res, status, j, err)
			 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static int list_offers(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct store_org org;
	struct store_offer *os;
	size_t n;
	if (api_net_own_network_org(c, &org, err) != 0 ||
	    store_offer_list(c->st, &c->arena, org.id, &os, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++) {
		json_t *o = api_offer_json(&os[i]);
		if (o == NULL || json_array_append_new(items, o) != 0) {
			json_decref(items);
			items = NULL;
		}
	}
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

static int post_offer(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct store_org org;
	if (api_net_own_network_org(c, &org, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	struct store_offer o = { .organisation_id = org.id, .created_by = c->user->id };
	int rc = -1;
	if (offer_from_json(body, &o, err) == 0 && store_offer_insert(c->st, &o, &o.id, err) == 0)
		rc = reply_offer(c, res, 201, o.id, err);
	json_decref(body);
	return rc;
}

static int get_offer(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct store_offer o;
	if (api_param_id(c, "id", &id, err) != 0 || api_net_own_offer(c, id, &o, err) != 0)
		return -1;
	json_t *j = api_offer_json(&o);
	return j != NULL ? http_response_json(res, 200, j, err)
			 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static int put_offer(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct store_offer o;
	if (api_param_id(c, "id", &id, err) != 0 || api_net_own_offer(c, id, &o, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	if (offer_from_json(body, &o, err) == 0 && store_offer_update(c->st, &o, err) == 0)
		rc = reply_offer(c, res, 200, id, err);
	json_decref(body);
	return rc;
}

/* ---- spelregels ---- */

static json_t *conditions_json(const struct store_network_conditions *k)
{
	return json_pack("{s:I, s:s, s:i, s:o, s:b, s:s, s:s}", "organisation_id",
			 (json_int_t)k->organisation_id, "ziekterisico", k->ziekterisico,
			 "loonkosten_percentage", k->loonkosten_percentage, "bij_terugval",
			 k->bij_terugval != NULL ? json_string(k->bij_terugval) : json_null(),
			 "intentie_dienstverband", k->intentie_dienstverband != 0, "contactpersoon",
			 k->contactpersoon, "updated_at", k->updated_at);
}

static int reply_conditions(struct api_call *c, struct http_response *res, int64_t org_id,
			    struct sw_error *err)
{
	struct store_network_conditions k;
	if (store_network_conditions_get(c->st, &c->arena, org_id, &k, err) != 0)
		return -1;
	json_t *j = conditions_json(&k);
	return j != NULL ? http_response_json(res, 200, j, err)
			 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static int get_conditions(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct store_org org;
	if (api_net_own_network_org(c, &org, err) != 0)
		return -1;
	return reply_conditions(c, res, org.id, err);
}

static int put_conditions(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "ziekterisico", "loonkosten_percentage",
					      "bij_terugval", "intentie_dienstverband",
					      "contactpersoon", NULL };
	static const char *const risks[] = { "verzendende_werkgever", "ontvangende_werkgever",
					     NULL };
	struct store_org org;
	if (api_net_own_network_org(c, &org, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	struct store_network_conditions k = { .organisation_id = org.id };
	int risk = 0, rc = -1;
	int64_t pct = 0;
	bool intent = false;
	if (json_fields_allowed(body, fields, err) == 0 &&
	    json_field_enum(body, "ziekterisico", JSON_FIELD_REQUIRED, risks, &risk, err) >= 0 &&
	    json_field_int(body, "loonkosten_percentage", JSON_FIELD_REQUIRED, 0, 100, &pct,
			   err) >= 0 &&
	    json_field_string(body, "bij_terugval", JSON_FIELD_NULLABLE, 4000, &k.bij_terugval,
			      err) >= 0 &&
	    json_field_bool(body, "intentie_dienstverband", JSON_FIELD_REQUIRED, &intent, err) >= 0 &&
	    json_field_string(body, "contactpersoon", JSON_FIELD_REQUIRED, 200, &k.contactpersoon,
			      err) >= 0) {
		k.ziekterisico = risks[risk];
		k.loonkosten_percentage = (int)pct;
		k.intentie_dienstverband = intent;
		if (store_network_conditions_put(c->st, &k, err) == 0)
			rc = reply_conditions(c, res, org.id, err);
	}
	json_decref(body);
	return rc;
}

int api_offers_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/offers", list_offers, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/offers", post_offer, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/offers/{id}", get_offer, err) != 0 ||
	    api_route(r, app, "PUT", "/api/v1/offers/{id}", put_offer, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/network/conditions", get_conditions, err) != 0 ||
	    api_route(r, app, "PUT", "/api/v1/network/conditions", put_conditions, err) != 0)
		return -1;
	return 0;
}
