/* network_json.c - JSON of the network's sets, levels and explained
 * matches, and the access helpers of its resources (network_json.h). */
#include "network_json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_json.h"

static const char *type_name(unsigned i)
{
	return match_type_name((enum match_type)i);
}

static const char *wish_name(unsigned i)
{
	return match_wish_name((enum match_wish)i);
}

static const char *instrument_name(unsigned i)
{
	return match_instrument_name((enum match_instrument)i);
}

/* MATCH_GUIDANCE_BEGELEIDING is bit 0, MATCH_GUIDANCE_JOBCOACH bit 1. */
static const char *guidance_name(unsigned i)
{
	return i == 0 ? "begeleiding" : i == 1 ? "jobcoach" : "";
}

const struct api_net_vocab api_net_types = { MATCH_TYPE__COUNT, type_name };
const struct api_net_vocab api_net_wishes = { MATCH_WISH__COUNT, wish_name };
const struct api_net_vocab api_net_instruments = { MATCH_INSTRUMENT__COUNT, instrument_name };
const struct api_net_vocab api_net_sectors = { NETWORK_SECTOR__COUNT, network_sector_name };
/* Positions past the list have no name and are never accepted. */
const struct api_net_vocab api_net_skills = { 64, network_skill_name };
const struct api_net_vocab api_net_guidance = { 2, guidance_name };

json_t *api_net_set_json(uint64_t bits, const struct api_net_vocab *v)
{
	json_t *a = json_array();
	for (unsigned i = 0; a != NULL && i < v->count && i < 64; i++) {
		const char *name = v->name(i);
		if ((bits >> i) & 1u && *name != '\0' && json_array_append_new(a, json_string(name)) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static int lookup_name(const struct api_net_vocab *v, const char *s, unsigned *out)
{
	for (unsigned i = 0; s != NULL && i < v->count; i++) {
		const char *name = v->name(i);
		if (*name != '\0' && strcmp(name, s) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

int api_net_field_set(const json_t *obj, const char *key, const struct api_net_vocab *v,
		      uint64_t *out, struct sw_error *err)
{
	const json_t *a = json_object_get(obj, key);
	if (a == NULL || json_is_null(a))
		return 0;
	if (!json_is_array(a))
		return sw_error_set(err, SW_EINVAL, key, "must be an array of names");
	uint64_t bits = 0;
	size_t i;
	const json_t *e;
	json_array_foreach(a, i, e) {
		unsigned id;
		if (!json_is_string(e) || lookup_name(v, json_string_value(e), &id) != 0)
			return sw_error_set(err, SW_EINVAL, key, "unknown value at position %zu", i);
		if ((bits >> id) & 1u)
			return sw_error_set(err, SW_EINVAL, key, "%s given twice",
					    json_string_value(e));
		bits |= 1ull << id;
	}
	*out = bits;
	return 1;
}

json_t *api_net_levels_json(const int levels[MATCH_CATEGORY__COUNT])
{
	json_t *o = json_object();
	for (int i = 0; o != NULL && i < MATCH_CATEGORY__COUNT; i++) {
		json_t *v = levels[i] == MATCH_LEVEL_UNKNOWN ? json_null() : json_integer(levels[i]);
		if (json_object_set_new(o, match_category_name((enum match_category)i), v) != 0) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

int api_net_field_levels(const json_t *obj, const char *key, bool allow_unknown, int fill,
			 int levels[MATCH_CATEGORY__COUNT], struct sw_error *err)
{
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		levels[i] = fill;
	const json_t *o = json_object_get(obj, key);
	if (o == NULL || json_is_null(o))
		return 0;
	if (!json_is_object(o))
		return sw_error_set(err, SW_EINVAL, key, "must be an object of categories");
	const char *cat;
	json_t *v;
	json_object_foreach((json_t *)o, cat, v) {
		enum match_category c;
		if (match_category_parse(cat, &c) != 0)
			return sw_error_set(err, SW_EINVAL, key, "unknown category %s", cat);
		if (json_is_null(v) && allow_unknown) {
			levels[c] = MATCH_LEVEL_UNKNOWN;
		} else if (json_is_integer(v) && json_integer_value(v) >= 0 &&
			   json_integer_value(v) <= MATCH_LEVEL_MAX) {
			levels[c] = (int)json_integer_value(v);
		} else {
			return sw_error_set(err, SW_EINVAL, key, "%s: a level 0..3%s", cat,
					    allow_unknown ? " or null" : "");
		}
	}
	return 1;
}

static int coord(const json_t *obj, const char *key, double lim, int *has, int32_t *e6,
		 struct sw_error *err)
{
	const json_t *v = json_object_get(obj, key);
	*has = !(v == NULL || json_is_null(v));
	if (!*has)
		return 0;
	if (!json_is_number(v))
		return sw_error_set(err, SW_EINVAL, key, "must be a number");
	const double d = json_number_value(v);
	if (!(d >= -lim && d <= lim))
		return sw_error_set(err, SW_EINVAL, key, "must be -%g..%g", lim, lim);
	*e6 = (int32_t)lround(d * 1e6);
	return 0;
}

int api_net_field_coord(const json_t *obj, int *has, int32_t *lat_e6, int32_t *lon_e6,
			struct sw_error *err)
{
	int has_lat, has_lon;
	*lat_e6 = *lon_e6 = 0;
	if (coord(obj, "lat", 90.0, &has_lat, lat_e6, err) != 0 ||
	    coord(obj, "lon", 180.0, &has_lon, lon_e6, err) != 0)
		return -1;
	if (has_lat != has_lon)
		return sw_error_set(err, SW_EINVAL, has_lat ? "lon" : "lat",
				    "give both lat and lon, or neither");
	*has = has_lat;
	return 0;
}

json_t *api_net_coord_json(int has, int32_t e6)
{
	return has ? json_real((double)e6 / 1e6) : json_null();
}

/* Hundredths of a point as a number with two decimals. */
static json_t *points(int32_t hundredths)
{
	return json_real((double)hundredths / 100.0);
}

/* The names of the set bits of a mask of n bits, by name(bit). */
static json_t *bit_names(unsigned mask, unsigned n, const char *(*name)(unsigned bit))
{
	json_t *a = json_array();
	for (unsigned i = 0; a != NULL && i < n; i++)
		if ((mask >> i) & 1u && json_array_append_new(a, json_string(name(1u << i))) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *category_names(uint16_t mask)
{
	json_t *a = json_array();
	for (int i = 0; a != NULL && i < MATCH_CATEGORY__COUNT; i++)
		if ((mask >> i) & 1u &&
		    json_array_append_new(a, json_string(match_category_name((enum match_category)i))) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

json_t *api_net_result_json(const struct match_result *r)
{
	json_t *factors = json_array();
	for (int i = 0; factors != NULL && !r->excluded && i < MATCH_FACTOR__COUNT; i++) {
		const struct match_factor *f = &r->factor[i];
		json_t *o = json_pack("{s:s, s:i, s:o, s:o}", "name",
				      match_factor_name((enum match_factor_code)i), "weight", f->weight,
				      "fit", json_real((double)f->raw / 1000.0), "points",
				      points(f->points));
		if (o == NULL || json_array_append_new(factors, o) != 0) {
			json_decref(factors);
			return NULL;
		}
	}
	if (factors == NULL)
		return NULL;
	return json_pack("{s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "total",
			 points(r->total), "weights_version",
			 r->weights != NULL ? r->weights->version : match_weights_current()->version,
			 "distance_km",
			 r->distance_m < 0 ? json_null() : json_real(round(r->distance_m / 100.0) / 10.0),
			 "factors", factors, "excluded",
			 bit_names(r->excluded, MATCH_EX__COUNT, match_exclusion_name), "flags",
			 bit_names(r->flags, MATCH_FLAG__COUNT, match_flag_name), "over_capacity",
			 category_names(r->over_capacity), "capacity_unknown",
			 category_names(r->unknown), "instruments_unmet",
			 api_net_set_json(r->instruments_unmet, &api_net_instruments));
}

/* ---- access ---- */

int api_net_own_network_org(struct api_call *c, struct store_org *org, struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	if (c->user->organisation_id == 0 ||
	    store_org_get(c->st, &c->arena, c->user->organisation_id, org, err) != 0 ||
	    org->kind != STORE_ORG_NETWERK)
		return sw_error_set(err, SW_EDENIED, "", "only for employers of the network");
	return 0;
}

int api_net_own_offer(struct api_call *c, int64_t id, struct store_offer *out,
		      struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	struct sw_error e;
	if (store_offer_get(c->st, &c->arena, id, out, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ENOTFOUND, "id", "no such offer");
		if (err != NULL)
			*err = e;
		return -1;
	}
	struct policy_request req;
	policy_request_init(&req);
	req.actor = (struct policy_actor){ .user_id = c->user->id,
					   .org_id = c->user->organisation_id,
					   .is_beheerder = c->user->is_beheerder };
	req.resource = POLICY_PLACEMENT_OFFER;
	req.action = POLICY_READ;
	req.target_org_id = out->organisation_id;
	req.today = c->today;
	if (!policy_decide(&req).allow)
		return sw_error_set(err, SW_ENOTFOUND, "id", "no such offer");
	return 0;
}

int api_net_query_limit(const struct api_call *c, int def, int max, int *out,
			struct sw_error *err)
{
	const char *s = http_request_query(c->req, "limit");
	*out = def;
	if (s == NULL)
		return 0;
	char *end;
	const long v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || v < 1 || v > max)
		return sw_error_set(err, SW_EINVAL, "limit", "an integer 1..%d", max);
	*out = (int)v;
	return 0;
}
