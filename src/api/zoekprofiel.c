/* zoekprofiel.c - /api/v1/cases/{id}/zoekprofiel: the candidate's search
 * profile (resource zoekprofiel: werknemer, arbeidsdeskundige and
 * re-integratieprofessional write it, the case's other parties read it, a
 * network employer only with the employee's consent). The network
 * employer gets the anonymous form of DOMAIN.md section 6: region instead
 * of postcode and coordinates, age band instead of birth year, no free
 * text. */
#include "network_json.h"

#include <stdio.h>

#include "http/http_json.h"

/* What a network employer may see of a profile, also the teaser of
 * /offers/{id}/candidates: never a name, employer, diagnosis, address or
 * case id. */
json_t *api_zoekprofiel_teaser(const struct store_zoekprofiel *z, const char *candidate_id,
			       sw_date today)
{
	char band[8], region[16], label[256];
	const bool has_band = network_age_band(z->birth_year, today, band);
	const bool has_region = network_region(z->postcode, region);
	snprintf(label, sizeof label, "kandidaat%s%s%s%s, %d uur%s%s", has_band ? ", " : "",
		 has_band ? band : "", z->beroepsrichting != NULL ? ", " : "",
		 z->beroepsrichting != NULL ? z->beroepsrichting : "", z->hours_max,
		 has_region ? ", " : "", has_region ? region : "");
	return json_pack("{s:s*, s:s, s:o, s:o, s:o, s:i, s:i, s:i, s:o, s:o, s:o, s:o, s:o, s:o}",
			 "candidate_id", candidate_id, "label", label, "age_band",
			 has_band ? json_string(band) : json_null(), "beroepsrichting",
			 z->beroepsrichting != NULL ? json_string(z->beroepsrichting) : json_null(),
			 "region", has_region ? json_string(region) : json_null(), "hours_min",
			 z->hours_min, "hours_max", z->hours_max, "range_km", z->range_km,
			 "capacities", api_net_levels_json(z->capacities), "types",
			 api_net_set_json(z->types, &api_net_types), "wishes",
			 api_net_set_json(z->wishes, &api_net_wishes), "skills",
			 api_net_set_json(z->skills, &api_net_skills), "sectors",
			 api_net_set_json(z->sectors, &api_net_sectors), "instruments",
			 api_net_set_json(z->instruments, &api_net_instruments));
}

static json_t *profile_json(const struct store_zoekprofiel *z)
{
	return json_pack("{s:I, s:i, s:o, s:o, s:i, s:i, s:i, s:s, s:o, s:o, s:o, s:o, s:o, s:o,"
			 " s:o, s:o, s:o, s:s}",
			 "case_id", (json_int_t)z->case_id, "version", z->version, "capacities",
			 api_net_levels_json(z->capacities), "types",
			 api_net_set_json(z->types, &api_net_types), "hours_min", z->hours_min,
			 "hours_max", z->hours_max, "range_km", z->range_km, "postcode", z->postcode,
			 "lat", api_net_coord_json(z->has_coord, z->lat_e6), "lon",
			 api_net_coord_json(z->has_coord, z->lon_e6), "wishes",
			 api_net_set_json(z->wishes, &api_net_wishes), "skills",
			 api_net_set_json(z->skills, &api_net_skills), "sectors",
			 api_net_set_json(z->sectors, &api_net_sectors), "instruments",
			 api_net_set_json(z->instruments, &api_net_instruments), "birth_year",
			 z->birth_year != 0 ? json_integer(z->birth_year) : json_null(),
			 "beroepsrichting",
			 z->beroepsrichting != NULL ? json_string(z->beroepsrichting) : json_null(),
			 "toelichting",
			 z->toelichting != NULL ? json_string(z->toelichting) : json_null(),
			 "updated_at", z->updated_at);
}

static int reply_profile(struct api_call *c, struct http_response *res, int64_t id,
			 enum role role, struct sw_error *err)
{
	struct store_zoekprofiel z;
	if (store_zoekprofiel_get(c->st, &c->arena, id, &z, err) != 0)
		return -1;
	/* A network employer taking part in the case knows it by its id
	 * already: no pseudonym here. */
	json_t *j = role == ROLE_NETWERKWERKGEVER ? api_zoekprofiel_teaser(&z, NULL, c->today)
						  : profile_json(&z);
	return j != NULL ? http_response_json(res, 200, j, err)
			 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static int get_profile(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_ZOEKPROFIEL, POLICY_READ, &ac, err) != 0)
		return -1;
	return reply_profile(c, res, id, ac.role, err);
}

static int profile_from_json(const json_t *body, sw_date today, struct store_zoekprofiel *z,
			     struct sw_error *err)
{
	static const char *const fields[] = {
		"capacities", "types", "hours_min", "hours_max", "range_km", "postcode", "lat",
		"lon", "wishes", "skills", "sectors", "instruments", "birth_year",
		"beroepsrichting", "toelichting", NULL,
	};
	int64_t hmin = 0, hmax = 0, range = 0, birth = 0;
	uint64_t types = 0, wishes = 0, instruments = 0;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    api_net_field_levels(body, "capacities", true, MATCH_LEVEL_UNKNOWN, z->capacities,
				 err) < 0 ||
	    api_net_field_set(body, "types", &api_net_types, &types, err) < 0 ||
	    json_field_int(body, "hours_min", JSON_FIELD_REQUIRED, 0, 60, &hmin, err) < 0 ||
	    json_field_int(body, "hours_max", JSON_FIELD_REQUIRED, 1, 60, &hmax, err) < 0 ||
	    json_field_int(body, "range_km", JSON_FIELD_REQUIRED, 0, MATCH_MAX_RANGE_KM, &range,
			   err) < 0 ||
	    json_field_string(body, "postcode", JSON_FIELD_REQUIRED, 7, &z->postcode, err) < 0 ||
	    api_net_field_coord(body, &z->has_coord, &z->lat_e6, &z->lon_e6, err) != 0 ||
	    api_net_field_set(body, "wishes", &api_net_wishes, &wishes, err) < 0 ||
	    api_net_field_set(body, "skills", &api_net_skills, &z->skills, err) < 0 ||
	    api_net_field_set(body, "sectors", &api_net_sectors, &z->sectors, err) < 0 ||
	    api_net_field_set(body, "instruments", &api_net_instruments, &instruments, err) < 0 ||
	    json_field_int(body, "birth_year", JSON_FIELD_NULLABLE, 1900, 2100, &birth, err) < 0 ||
	    json_field_string(body, "beroepsrichting", JSON_FIELD_NULLABLE, 100,
			      &z->beroepsrichting, err) < 0 ||
	    json_field_string(body, "toelichting", JSON_FIELD_NULLABLE, 4000, &z->toelichting,
			      err) < 0)
		return -1;
	char band[8];
	if (birth != 0 && !network_age_band((int)birth, today, band))
		return sw_error_set(err, SW_EINVAL, "birth_year", "not a plausible birth year");
	if (hmin > hmax)
		return sw_error_set(err, SW_EINVAL, "hours_min", "above hours_max");
	z->types = (unsigned)types;
	z->hours_min = (int)hmin;
	z->hours_max = (int)hmax;
	z->range_km = (int)range;
	z->wishes = (unsigned)wishes;
	z->instruments = (unsigned)instruments;
	z->birth_year = (int)birth;
	return 0;
}

static int put_profile(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_ZOEKPROFIEL, POLICY_WRITE, &ac, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	struct store_zoekprofiel z = { .case_id = id, .updated_by = c->user->id };
	int rc = -1;
	if (profile_from_json(body, c->today, &z, err) == 0 &&
	    store_zoekprofiel_put(c->st, &z, err) == 0)
		rc = reply_profile(c, res, id, ac.role, err);
	json_decref(body);
	return rc;
}

int api_zoekprofiel_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/zoekprofiel", get_profile, err) != 0 ||
	    api_route(r, app, "PUT", "/api/v1/cases/{id}/zoekprofiel", put_profile, err) != 0)
		return -1;
	return 0;
}
